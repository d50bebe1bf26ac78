using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.OrderService.Products;

/// <summary>Query string of <c>GET /api/products</c>, bound as text so a bad value is a 400 naming its parameter.</summary>
public sealed record ProductQueryParameters
{
    public string? PageSize { get; init; }

    public string? Token { get; init; }
}

public sealed class ProductQueryParametersValidator : AbstractValidator<ProductQueryParameters>
{
    public ProductQueryParametersValidator()
    {
        RuleFor(p => p.PageSize).PageSize();
        RuleFor(p => p.Token).PageToken();
    }
}

/// <summary>
/// <c>GET /api/products?pageSize=&amp;token=</c>: the public, read-only catalogue (names and prices), one page at a
/// time, relayed from inventory-service's <c>products</c> method through Dapr service invocation; 503 when it cannot
/// answer.
/// </summary>
internal static class ListProductsEndpoint
{
    public static async Task<Results<Ok<CataloguePage>, ProblemHttpResult>> HandleAsync(
        [AsParameters] ProductQueryParameters query, InventoryClient inventory, HttpResponse response, ILogger<ProductQueryParameters> logger, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await inventory.ListCatalogueAsync(PagingRules.Limit(query.PageSize), query.Token, ct));
        }
        catch (Exception ex) when (HttpJson.IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "inventory-service could not list the catalogue");
            return ApiProblems.CatalogueUnavailable(response, "The product catalogue could not be reached. Retry later.");
        }
    }
}
