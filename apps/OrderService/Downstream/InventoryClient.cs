using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;

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

    public Task<ReservationResult> ReserveAsync(ReserveStockRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<ReserveStockRequest, ReservationResult>(http, InventoryMethods.Reserve, request, ct);

    public Task<ReservationResult> ReleaseAsync(ReleaseStockRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<ReleaseStockRequest, ReservationResult>(http, InventoryMethods.Release, request, ct);

    public Task<ReservationResult> CommitAsync(CommitStockRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<CommitStockRequest, ReservationResult>(http, InventoryMethods.Commit, request, ct);
}
