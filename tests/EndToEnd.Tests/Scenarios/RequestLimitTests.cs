using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.PlatformLauncher;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// order-service's abuse limits on the real server (Kestrel): a body over the limit is a 413, declared or streamed, and
/// a caller's writes over its window's budget are 429s with <c>Retry-After</c>; neither stores anything. A platform of
/// its own with a budget of 3 writes (every test of the shared platform posts from the same address).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RequestLimitTests(RequestLimitTests.OwnPlatform platform) : IClassFixture<RequestLimitTests.OwnPlatform>
{
    private const int WritesPerWindow = 3;

    [LocalPlatformFact]
    public async Task Oversized_bodies_are_413_and_writes_over_the_budget_are_429_and_neither_stores_anything()
    {
        var orders = platform.Clients.Orders;
        var customerId = orders.CallerId; // an order is its caller's
        var huge = new CreateOrderRequest("limits-huge", customerId, [new OrderItem("SKU-001", 1)], PaymentToken: new string('x', 70 * 1024));

        // Declared length: refused before the body is read (and before the write budget is counted).
        using var declared = await orders.Http.PostAsync("/api/orders",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(huge, JsonDefaults.Options), Encoding.UTF8, "application/json"));
        // Streamed (chunked, no length): Kestrel cuts it off at the same limit while it is read.
        using var streamed = await orders.Http.PostAsync("/api/orders", JsonContent.Create(huge, options: JsonDefaults.Options));

        declared.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, platform.Diagnostics());
        declared.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        streamed.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, platform.Diagnostics());
        streamed.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await orders.GetAsync("limits-huge")).Should().BeNull();

        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < WritesPerWindow + 2 && refused is null; i++)
        {
            var response = await orders.PostAsync(new CreateOrderRequest($"limits-{i}-{customerId}", customerId, [new OrderItem("SKU-001", 1)]));
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        answers.Should().HaveCountLessThanOrEqualTo(WritesPerWindow, "the streamed 413 counted as a write, so at most the rest of the budget is accepted")
            .And.EndWith(HttpStatusCode.TooManyRequests);
        answers.SkipLast(1).Should().OnlyContain(s => s == HttpStatusCode.Accepted);
        using (refused)
        {
            refused!.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await orders.GetAsync($"limits-{answers.Count - 1}-{customerId}")).Should().BeNull("a refused write stores nothing");
        (await orders.MineAsync()).Where(o => o.OrderId.StartsWith("limits-", StringComparison.Ordinal)).Should().HaveCount(answers.Count - 1);
    }

    /// <summary>A write budget of 3 per 10 minutes, so the test cannot slip into a new window.</summary>
    public sealed class OwnPlatform : PlatformFixture
    {
        protected override PlatformOptions ConfigureLocal(PlatformOptions options) => base.ConfigureLocal(options)
            .WithAppEnvironment(AppIds.OrderService, "RequestLimits__WritesPerWindow", WritesPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithAppEnvironment(AppIds.OrderService, "RequestLimits__Window", "00:10:00");
    }
}
