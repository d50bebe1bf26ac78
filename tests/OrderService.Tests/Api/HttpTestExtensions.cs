using System.Text;
using System.Text.Json;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Api;

internal static class HttpTestExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? idempotencyKey = null) =>
        client.PostRawAsync(url, JsonSerializer.Serialize(body, JsonDefaults.Options), idempotencyKey);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>The field names of a validation ProblemDetails' <c>errors</c>.</summary>
    public static async Task<IReadOnlyList<string>> ErrorKeysAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var json = await response.ReadJsonAsync();
        return [.. json.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    /// <summary>A ProblemDetails answer's status, title and detail (the whole of what a client is told).</summary>
    public static async Task<(int? Status, string? Title, string? Detail)> ProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var json = await response.ReadJsonAsync();
        return (json.TryGetProperty("status", out var status) ? status.GetInt32() : null, Text("title"), Text("detail"));

        string? Text(string name) => json.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
