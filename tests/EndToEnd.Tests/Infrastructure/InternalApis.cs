using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the suite does beside the customers' own calls. Stock is set and read as a real operator does, through the
/// order API's operator routes (<c>/api/products/{productId}/stock</c>). What an order left behind in payment- and
/// notification-service, and payment-service's fault switch (routes any platform app may invoke), are reached by Dapr
/// service invocation through shipping-service's sidecar (<paramref name="sidecar"/>): the internal services answer
/// only Dapr callers, never a call to their app ports. Why that sidecar: shipping-service invokes nothing, so the
/// circuit breakers of its sidecar (per sidecar and target, in daprd as in the dev sidecar) are the suite's own (a
/// payment outage a test provokes opens order-service's breaker, not the one the test ends the outage through), and
/// none of the calls is a self-invocation (daprd stamps no caller app-id on those, dapr/dapr
/// pkg/messaging/direct_messaging.go invokeLocal, so the services would refuse them).
/// </summary>
public sealed class InternalApis(OrderApi operators, HttpClient? sidecar)
{
    /// <summary>A product of this test's own, with the given stock and catalogue price, so tests never share stock.</summary>
    public async Task<string> NewProductAsync(int available, decimal price = 10m)
    {
        var productId = OrderApi.Unique("SKU-E2E");
        using var response = await operators.Http.PutAsJsonAsync(StockPath(productId), new { available, price }, JsonDefaults.Options);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return productId;
    }

    public async Task<StockLevel> StockAsync(string productId) =>
        (await operators.Http.GetFromJsonAsync<StockLevel>(StockPath(productId), JsonDefaults.Options))!;

    /// <summary>The stored payment record as JSON, or null when payment-service has none for the order.</summary>
    public async Task<JsonElement?> PaymentAsync(string orderId)
    {
        using var response = await Sidecar.GetAsync(Invoke(AppIds.PaymentService, $"api/payments/{orderId}"));
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(JsonDefaults.Options);
    }

    /// <summary>payment-service answers the next <paramref name="failNext"/> calls with <paramref name="statusCode"/>.</summary>
    public async Task FailPaymentsAsync(int failNext, int statusCode = 503)
    {
        using var response = await Sidecar.PostAsJsonAsync(Invoke(AppIds.PaymentService, "admin/faults"), new { failNext, statusCode }, JsonDefaults.Options);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many injected failures payment-service still has to serve.</summary>
    public async Task<int> RemainingPaymentFaultsAsync()
    {
        var status = await Sidecar.GetFromJsonAsync<JsonElement>(Invoke(AppIds.PaymentService, "admin/faults"), JsonDefaults.Options);
        return status.GetProperty("remaining").GetInt32();
    }

    public async Task ClearPaymentFaultsAsync()
    {
        using var response = await Sidecar.DeleteAsync(Invoke(AppIds.PaymentService, "admin/faults"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The customer's notifications as JSON (newest first).</summary>
    public async Task<JsonElement> NotificationsAsync(string customerId) =>
        await Sidecar.GetFromJsonAsync<JsonElement>(Invoke(AppIds.NotificationService, $"api/notifications?customerId={customerId}"), JsonDefaults.Options);

    /// <summary>Any call by Dapr service invocation through the suite's sidecar (as shipping-service), answered as it comes.</summary>
    public async Task<HttpResponseMessage> InvokeAsync(HttpMethod method, string appId, string methodAndQuery, object? body = null)
    {
        using var request = new HttpRequestMessage(method, Invoke(appId, methodAndQuery))
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: JsonDefaults.Options),
        };
        return await Sidecar.SendAsync(request);
    }

    private static string StockPath(string productId) => $"/api/products/{Uri.EscapeDataString(productId)}/stock";

    /// <summary>Dapr's service invocation API: <c>/v1.0/invoke/{appId}/method/{method}</c>.</summary>
    private static Uri Invoke(string appId, string methodAndQuery) => new($"/v1.0/invoke/{appId}/method/{methodAndQuery}", UriKind.Relative);

    private HttpClient Sidecar => sidecar
        ?? throw new InvalidOperationException($"No Dapr sidecar to invoke through: set {PlatformTarget.DaprUrlVariable}.");
}
