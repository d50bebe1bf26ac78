using System.Net;
using System.Net.Http.Json;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The public order API (the platform's only ingress) as one caller sees it: <see cref="Http"/> sends that caller's
/// bearer token (none for an anonymous caller).
/// </summary>
public sealed class OrderApi(HttpClient http, string? callerId)
{
    public HttpClient Http => http;

    /// <summary>The caller id of the token (the customer of the orders this client creates).</summary>
    public string CallerId => callerId ?? throw new InvalidOperationException("An anonymous client has no caller id.");

    /// <summary>
    /// An order of one line; without <paramref name="customerId"/> the customer is the caller. No <c>unitPrice</c>:
    /// order-service prices it from inventory-service's catalogue.
    /// </summary>
    public static CreateOrderRequest NewOrder(string productId, int quantity = 1,
        string? paymentToken = null, ShippingAddress? address = null, string? customerId = null, string? orderId = null) =>
        new(orderId, customerId, [new OrderItem(productId, quantity)], paymentToken, address);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task<HttpResponseMessage> PostAsync(CreateOrderRequest order, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(order, options: JsonDefaults.Options) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Creates an order and returns its id; fails the test unless the API accepted it.</summary>
    public async Task<string> CreateAsync(CreateOrderRequest order)
    {
        using var response = await PostAsync(order);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await ReadOrderIdAsync(response);
    }

    /// <summary>
    /// Creates an order as a well-behaved client does while inventory-service is down: a 503 (the catalogue cannot price
    /// the order; nothing stored) is sent again after its <c>Retry-After</c>, with the same <c>Idempotency-Key</c>.
    /// </summary>
    public async Task<string> CreateRetryingAsync(CreateOrderRequest order, TimeSpan deadline)
    {
        var key = Unique("retry");
        using var cts = new CancellationTokenSource(deadline);
        while (true)
        {
            using var response = await PostAsync(order, key);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || cts.IsCancellationRequested)
            {
                response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
                return await ReadOrderIdAsync(response);
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The id of the order a create (or idempotent replay) answered with.</summary>
    public static async Task<string> ReadOrderIdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<OrderView>(JsonDefaults.Options))!.OrderId;

    /// <summary>The caller's own orders, newest first (first page of the state query).</summary>
    public async Task<IReadOnlyList<OrderView>> MineAsync() =>
        (await http.GetFromJsonAsync<OrderPage>("/api/orders", JsonDefaults.Options))!.Items;

    public async Task<OrderView?> GetAsync(string orderId)
    {
        using var response = await http.GetAsync($"/api/orders/{orderId}");
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<OrderView>(JsonDefaults.Options);
    }

    /// <summary>Polls until the order reaches one of <paramref name="statuses"/> (default: any terminal state).</summary>
    public async Task<OrderView> WaitForAsync(string orderId, TimeSpan? timeout = null, params OrderStatus[] statuses)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        OrderView? last = null;
        while (!cts.IsCancellationRequested)
        {
            last = await GetAsync(orderId);
            if (last is not null && (statuses.Length == 0 ? last.IsTerminal : statuses.Contains(last.Status)))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Order {orderId} did not reach [{string.Join(", ", statuses)}]; last seen: {last}");
    }

    /// <summary>Polls until the order is terminal or on hold (what a fault test waits for).</summary>
    public Task<OrderView> WaitForSettledAsync(string orderId, TimeSpan timeout) =>
        WaitForAsync(orderId, timeout, OrderStatus.Completed, OrderStatus.Failed, OrderStatus.Cancelled, OrderStatus.OnHold);

    public Task<HttpResponseMessage> ResumeAsync(string orderId) =>
        http.PostAsync($"/api/orders/{orderId}/resume", null);

    public Task<HttpResponseMessage> CancelAsync(string orderId) =>
        http.PostAsync($"/api/orders/{orderId}/cancel", null);

    public Task<HttpResponseMessage> ApproveAsync(string orderId, bool approved) =>
        http.PostAsJsonAsync($"/api/orders/{orderId}/approve", new { approved }, JsonDefaults.Options);
}
