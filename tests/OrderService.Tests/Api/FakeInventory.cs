using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// inventory-service's <c>check-stock</c> as the order API's typed InventoryClient sees it (the primary handler behind
/// Dapr's InvocationHandler): every product is known unless listed in <see cref="Unknown"/>; it can also answer an
/// error status or be unreachable.
/// </summary>
internal sealed class FakeInventory
{
    public ConcurrentDictionary<string, bool> Unknown { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<(Uri Uri, CheckStockRequest Body)> Checks { get; } = new();
    public HttpStatusCode? FailWith { get; set; }
    public bool Unreachable { get; set; }

    public void Reset()
    {
        Unknown.Clear();
        Checks.Clear();
        FailWith = null;
        Unreachable = false;
    }

    public void MarkUnknown(params string[] productIds)
    {
        foreach (var id in productIds)
        {
            Unknown[id] = true;
        }
    }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private sealed class Handler(FakeInventory inventory) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = (await request.Content!.ReadFromJsonAsync<CheckStockRequest>(JsonDefaults.Options, cancellationToken))!;
            inventory.Checks.Enqueue((request.RequestUri!, body));
            if (inventory.Unreachable)
            {
                throw new HttpRequestException("Connection refused (localhost:3500)");
            }

            if (inventory.FailWith is { } status)
            {
                return new HttpResponseMessage(status);
            }

            var unknown = body.Items.Select(i => i.ProductId).Where(inventory.Unknown.ContainsKey).ToList();
            var answer = new CheckStockResponse(unknown.Count == 0, [.. unknown.Select(id => new StockShortage(id, 1, 0))], unknown);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(answer, options: JsonDefaults.Options) };
        }
    }
}
