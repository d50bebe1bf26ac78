using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>The internal services' own HTTP APIs, used to set up stock and to check what an order left behind.</summary>
public sealed class InternalApis(HttpClient inventory, HttpClient payments, HttpClient notifications)
{
    /// <summary>A product of this test's own, with the given stock and catalogue price, so tests never share stock.</summary>
    public async Task<string> NewProductAsync(int available, decimal price = 10m)
    {
        var productId = OrderApi.Unique("SKU-E2E");
        using var response = await inventory.PutAsJsonAsync($"/api/inventory/{productId}", new { available, price }, JsonDefaults.Options);
        response.EnsureSuccessStatusCode();
        return productId;
    }

    public async Task<StockLevel> StockAsync(string productId) =>
        (await inventory.GetFromJsonAsync<StockLevel>($"/api/inventory/{productId}", JsonDefaults.Options))!;

    /// <summary>The stored payment record as JSON, or null when payment-service has none for the order.</summary>
    public async Task<JsonElement?> PaymentAsync(string orderId)
    {
        using var response = await payments.GetAsync($"/api/payments/{orderId}");
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(JsonDefaults.Options);
    }

    /// <summary>payment-service answers the next <paramref name="failNext"/> calls with <paramref name="statusCode"/>.</summary>
    public async Task FailPaymentsAsync(int failNext, int statusCode = 503)
    {
        using var response = await payments.PostAsJsonAsync("/admin/faults", new { failNext, statusCode }, JsonDefaults.Options);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many injected failures payment-service still has to serve.</summary>
    public async Task<int> RemainingPaymentFaultsAsync()
    {
        var status = await payments.GetFromJsonAsync<JsonElement>("/admin/faults", JsonDefaults.Options);
        return status.GetProperty("remaining").GetInt32();
    }

    public async Task ClearPaymentFaultsAsync()
    {
        using var response = await payments.DeleteAsync("/admin/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The customer's notifications as JSON (newest first).</summary>
    public async Task<JsonElement> NotificationsAsync(string customerId) =>
        await notifications.GetFromJsonAsync<JsonElement>($"/api/notifications?customerId={customerId}", JsonDefaults.Options);
}
