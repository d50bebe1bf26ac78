using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// inventory-service's <c>check-stock</c> as the order API's typed InventoryClient sees it (the primary handler behind
/// Dapr's InvocationHandler): every product is known unless listed in <see cref="Unknown"/>, priced as in
/// <see cref="Prices"/> (<see cref="DefaultPrice"/> otherwise) unless listed in <see cref="Unpriced"/>; it can also answer
/// an error status or be unreachable. <c>GET products</c> answers <see cref="CataloguePage"/>; <c>GET</c>/<c>PUT
/// api/inventory/{productId}</c> read and set <see cref="Stock"/> (a name without a price on an unpriced product is
/// refused with a 400 naming <c>price</c>, as inventory-service does).
/// </summary>
internal sealed class FakeInventory
{
    /// <summary>The catalogue price of a product not in <see cref="Prices"/>.</summary>
    public const decimal DefaultPrice = 10m;

    public ConcurrentDictionary<string, bool> Unknown { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, bool> Unpriced { get; } = new(StringComparer.Ordinal);

    /// <summary>Catalogue prices; sku-1 and sku-2 as in <c>TestOrders.Request</c>, so its total is 60.</summary>
    public ConcurrentDictionary<string, decimal> Prices { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<Uri> Listings { get; } = new();

    /// <summary>Stock levels inventory keeps, by product id.</summary>
    public ConcurrentDictionary<string, StockLevel> Stock { get; } = new(StringComparer.Ordinal);

    /// <summary>Every stock read or setting: method, URI and body (null for a read).</summary>
    public ConcurrentQueue<(HttpMethod Method, Uri Uri, SetStockRequest? Body)> StockCalls { get; } = new();
    public CataloguePage CataloguePage { get; set; } = new([], null);

    /// <summary>An inventory-service that predates prices (no <c>products</c> in its answer).</summary>
    public bool WithoutPrices { get; set; }
    public ConcurrentQueue<(Uri Uri, CheckStockRequest Body)> Checks { get; } = new();

    /// <summary>
    /// The <c>order.id</c> baggage of the activity each check-stock call was made in: what the HttpClient's propagator
    /// would send as the <c>baggage</c> header (this fake is the primary handler, below where that header is written).
    /// </summary>
    public ConcurrentQueue<string?> CheckBaggage { get; } = new();
    public HttpStatusCode? FailWith { get; set; }
    public bool Unreachable { get; set; }

    public FakeInventory() => Reset();

    public void Reset()
    {
        Unknown.Clear();
        Unpriced.Clear();
        Prices.Clear();
        Prices["sku-1"] = 25m;
        Prices["sku-2"] = 10m;
        Listings.Clear();
        Stock.Clear();
        StockCalls.Clear();
        CataloguePage = new([], null);
        WithoutPrices = false;
        Checks.Clear();
        CheckBaggage.Clear();
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
            const string stockRoute = "/method/api/inventory/";
            if (request.RequestUri!.AbsolutePath.Contains(stockRoute, StringComparison.Ordinal))
            {
                return await inventory.StockAsync(request, Uri.UnescapeDataString(request.RequestUri.AbsolutePath.Split(stockRoute)[1]), cancellationToken);
            }

            if (request.Method == HttpMethod.Get)
            {
                inventory.Listings.Enqueue(request.RequestUri!);
                return inventory.Unreachable
                    ? throw new HttpRequestException("Connection refused (localhost:3500)")
                    : inventory.FailWith is { } failure
                        ? new HttpResponseMessage(failure)
                        : new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(inventory.CataloguePage, options: JsonDefaults.Options) };
            }

            var body = (await request.Content!.ReadFromJsonAsync<CheckStockRequest>(JsonDefaults.Options, cancellationToken))!;
            inventory.Checks.Enqueue((request.RequestUri!, body));
            inventory.CheckBaggage.Enqueue(System.Diagnostics.Activity.Current?.GetBaggageItem(OrderTrace.OrderIdTag));
            if (inventory.Unreachable)
            {
                throw new HttpRequestException("Connection refused (localhost:3500)");
            }

            if (inventory.FailWith is { } status)
            {
                return new HttpResponseMessage(status);
            }

            var unknown = body.Items.Select(i => i.ProductId).Where(inventory.Unknown.ContainsKey).ToList();
            var products = inventory.WithoutPrices ? null : body.Items
                .Select(i => i.ProductId)
                .Where(id => !inventory.Unknown.ContainsKey(id) && !inventory.Unpriced.ContainsKey(id))
                .Select(id => new CatalogueProduct(id, $"Product {id}", inventory.Prices.GetValueOrDefault(id, DefaultPrice)))
                .ToList();
            // unknownProducts is optional in the contract (left out when there are none).
            var answer = new CheckStockResponse(unknown.Count == 0, [.. unknown.Select(id => new StockShortage(id, 1, 0))], unknown.Count == 0 ? null : unknown, products);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(answer, options: JsonDefaults.Options) };
        }
    }

    private async Task<HttpResponseMessage> StockAsync(HttpRequestMessage request, string productId, CancellationToken ct)
    {
        var body = request.Content is null ? null : await request.Content.ReadFromJsonAsync<SetStockRequest>(JsonDefaults.Options, ct);
        StockCalls.Enqueue((request.Method, request.RequestUri!, body));
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (localhost:3500)");
        }

        if (FailWith is { } failure)
        {
            return new HttpResponseMessage(failure);
        }

        if (body is null)
        {
            return Stock.TryGetValue(productId, out var level)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(level, options: JsonDefaults.Options) }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (body.Name is not null && body.Price is null && !Prices.ContainsKey(productId))
        {
            var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["price"] = ["A product without a price needs one with its name."] })
            {
                Status = 400,
            };
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = JsonContent.Create(problem, options: JsonDefaults.Options) };
        }

        if (body.Price is { } price)
        {
            Prices[productId] = price;
        }

        var set = Stock.AddOrUpdate(productId, _ => new StockLevel(productId, body.Available, 0), (_, old) => old with { Available = body.Available });
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(set, options: JsonDefaults.Options) };
    }
}
