using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// An order saved whose workflow never started (the insert succeeded, scheduling failed, no client retry): the cron
/// binding's POST (here sent by the test, as daprd would on each replica: the dev sidecar does not emulate input
/// bindings) starts it once from the saved input, even when two replicas reconcile at the same moment.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ReconcilerTests(PlatformFixture platform)
{
    [LocalPlatformFact]
    public async Task A_stranded_pending_order_is_started_once_by_concurrent_reconcilers_and_completes()
    {
        var api = platform.Clients.Orders;
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: 5);
        var orderId = OrderApi.Unique("ord-stranded");
        await SaveStrandedOrderAsync(orderId, productId, api.CallerId);

        var passes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            // As daprd's binding call: the app API token, no caller app-id.
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/{Components.ReconcileCron}");
            request.Headers.Add("dapr-api-token", platform.AppApiToken);
            using var response = await api.Http.SendAsync(request);
            return await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(JsonDefaults.Options);
        }));
        var done = await api.WaitForAsync(orderId, TimeSpan.FromSeconds(60));

        passes.Sum(p => p.GetProperty("started").GetInt32()).Should().Be(1, "the first-write marker lets one replica start it");
        done.Status.Should().Be(OrderStatus.Completed, platform.Diagnostics());
        (await apis.PaymentAsync(orderId))!.Value.GetProperty("paymentId").GetString().Should().Be(done.PaymentId);
        (await apis.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 3, Reserved = 0 });
    }

    /// <summary>The order document as the create path saves it (with its workflow input), two minutes old, and no workflow.</summary>
    private async Task SaveStrandedOrderAsync(string orderId, string productId, string customerId)
    {
        var createdAt = DateTimeOffset.UtcNow.AddMinutes(-2).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var items = new JsonArray(new JsonObject { ["productId"] = productId, ["quantity"] = 2, ["unitPrice"] = 10m });
        var order = new JsonObject
        {
            ["kind"] = "order",
            ["orderId"] = orderId,
            ["customerId"] = customerId,
            ["items"] = items.DeepClone(),
            ["total"] = 20m,
            ["currency"] = "USD",
            ["status"] = "pending",
            ["history"] = new JsonArray(new JsonObject { ["status"] = "pending", ["at"] = createdAt, ["detail"] = "order received" }),
            ["createdAt"] = createdAt,
            ["updatedAt"] = createdAt,
            ["workflowInput"] = new JsonObject
            {
                ["orderId"] = orderId,
                ["customerId"] = customerId,
                ["items"] = items.DeepClone(),
                ["total"] = 20m,
                ["currency"] = "USD",
                ["paymentToken"] = "tok_visa",
                ["approvalThreshold"] = PlatformFixture.ApprovalThreshold,
                ["approvalTimeout"] = PlatformFixture.ApprovalTimeout.ToString(),
            },
        };
        using var http = new HttpClient { BaseAddress = platform.SidecarHttpUrl(AppIds.OrderService) };
        using var response = await http.PostAsJsonAsync($"/v1.0/state/{Components.OrdersStore}", new[] { new { key = orderId, value = order } });
        response.EnsureSuccessStatusCode();
    }
}
