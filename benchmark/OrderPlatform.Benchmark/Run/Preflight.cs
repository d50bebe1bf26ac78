using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderPlatform.Benchmark.Measure;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.Benchmark.Run;

/// <summary>One order through the whole platform before any load: fails fast, with the processes' output, if it cannot complete.</summary>
public static class Preflight
{
    public static async Task<TimeSpan> OneOrderAsync(PlatformSession platform, HttpClient http, string productId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(http);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var body = new { items = new[] { new { productId, quantity = 1, unitPrice = 9.99m } } };
            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(platform.OrderUrl, "/api/orders")) { Content = JsonContent.Create(body) };
            post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", platform.Tokens.Token("bench-preflight"));
            using var created = await http.SendAsync(post, timeout.Token);
            var text = await created.Content.ReadAsStringAsync(timeout.Token);
            if (created.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"POST /api/orders answered {(int)created.StatusCode}: {text}");
            }

            var id = JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetString()!;
            while (true)
            {
                await Task.Delay(50, timeout.Token);
                using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.OrderUrl, $"/api/orders/{id}"));
                get.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", platform.OperatorToken);
                using var read = await http.SendAsync(get, timeout.Token);
                using var doc = JsonDocument.Parse(await read.EnsureSuccessStatusCode().Content.ReadAsStringAsync(timeout.Token));
                var order = OrderTiming.Parse(doc.RootElement);
                if (order.FinishedAt is { } finished)
                {
                    return order.IsCompleted
                        ? finished - order.CreatedAt
                        : throw new InvalidOperationException($"The preflight order ended {order.Status}: {doc.RootElement}");
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Preflight order failed: {ex.Message}{Environment.NewLine}{platform.Platform.Diagnostics()}", ex);
        }
    }
}
