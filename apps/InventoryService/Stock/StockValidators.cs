using FluentValidation;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService.Stock;

public sealed class CheckStockRequestValidator : AbstractValidator<CheckStockRequest>
{
    public CheckStockRequestValidator()
    {
        RuleFor(r => r.Items).ValidLines();
        RuleForEach(r => r.Items).NotNull().SetValidator(new StockLineValidator());
    }
}

/// <summary>The query string of <c>GET /products</c>, bound as text (the kit's paging rules name a bad value).</summary>
public sealed record CatalogueQuery
{
    public string? PageSize { get; init; }

    public string? Token { get; init; }
}

public sealed class CatalogueQueryValidator : AbstractValidator<CatalogueQuery>
{
    public CatalogueQueryValidator()
    {
        RuleFor(q => q.PageSize).PageSize();
        RuleFor(q => q.Token).PageToken();
    }
}
