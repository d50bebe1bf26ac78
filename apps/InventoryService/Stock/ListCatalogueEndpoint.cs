using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService.Stock;

/// <summary>
/// <c>GET /products?pageSize=&amp;token=</c>: one page of the priced catalogue by product id, through the state query
/// API (order-service's public <c>GET /api/products</c> relays it).
/// </summary>
internal static class ListCatalogueEndpoint
{
    public static async Task<Ok<CataloguePage>> HandleAsync([AsParameters] CatalogueQuery query, InventoryRepository repository, CancellationToken ct)
    {
        var limit = PagingRules.Limit(query.PageSize);
        var (items, token) = await repository.ListCatalogueAsync(limit, query.Token, ct);
        // state.postgresql v1 hands out a token after every non-empty page, the last one included: a page that is not
        // full is the last.
        var next = items.Count < limit ? null : token;
        return TypedResults.Ok(new CataloguePage([.. items.Select(i => i.ToContract())], next));
    }
}
