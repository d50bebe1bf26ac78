using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Downstream;

/// <summary>inventory-service through Dapr service invocation.</summary>
public sealed class InventoryClient(HttpClient http)
{
    public Task<CheckStockResponse> CheckStockAsync(CheckStockRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<CheckStockRequest, CheckStockResponse>(http, InventoryMethods.CheckStock, request, ct);

    /// <summary>One page of the catalogue (<c>GET products?pageSize=&amp;token=</c>); the parameters are validated by the caller.</summary>
    public Task<CataloguePage> ListCatalogueAsync(int pageSize, string? token, CancellationToken ct = default) =>
        HttpJson.GetAsync<CataloguePage>(
            http,
            QueryHelpers.AddQueryString(
                InventoryMethods.Products,
                new Dictionary<string, string?> { ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture), ["token"] = token }),
            ct);

    /// <summary><c>GET api/inventory/{productId}</c>: the product's stock level; null when inventory keeps none (404).</summary>
    public async Task<StockLevel?> GetStockAsync(string productId, CancellationToken ct = default)
    {
        using var request = StockRequest(HttpMethod.Get, productId);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await HttpJson.ReadAsync<StockLevel>(http, StockStep, response, ct);
    }

    /// <summary>
    /// <c>PUT api/inventory/{productId}</c>: the level once set, or inventory's own 400 <c>errors</c> (a rule only it can
    /// check, such as a name for a product that has no price yet).
    /// </summary>
    public async Task<StockUpdate> SetStockAsync(string productId, SetStockRequest body, CancellationToken ct = default)
    {
        using var request = StockRequest(HttpMethod.Put, productId);
        request.Content = JsonContent.Create(body, options: JsonDefaults.Options);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest
            && await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(JsonDefaults.Options, ct) is { Errors.Count: > 0 } problem)
        {
            return new StockUpdate(null, problem.Errors);
        }

        return new StockUpdate(await HttpJson.ReadAsync<StockLevel>(http, StockStep, response, ct), null);
    }

    public Task<ReservationResult> ReserveAsync(ReserveStockRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<ReserveStockRequest, ReservationResult>(http, InventoryMethods.Reserve, request, ct);

    public Task<ReservationResult> ReleaseAsync(ReleaseStockRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<ReleaseStockRequest, ReservationResult>(http, InventoryMethods.Release, request, ct);

    public Task<ReservationResult> CommitAsync(CommitStockRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<CommitStockRequest, ReservationResult>(http, InventoryMethods.Commit, request, ct);

    private const string StockStep = "stock";

    /// <summary>The product id is the route's last segment: the step metric is named <c>stock</c> instead.</summary>
    private static HttpRequestMessage StockRequest(HttpMethod method, string productId)
    {
        var request = new HttpRequestMessage(method, new Uri(InventoryMethods.Stock(productId), UriKind.Relative));
        request.Options.Set(StepTimingHandler.Step, StockStep);
        return request;
    }
}

/// <summary>The answer of a stock setting: the level after it, or the errors inventory-service refused it with.</summary>
public sealed record StockUpdate(StockLevel? Level, IDictionary<string, string[]>? Errors);
