using FluentValidation;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.OrderService.Orders.Query;

/// <summary>Query string of <c>GET /api/orders</c>, bound as text so a bad value is a 400 naming its parameter (the route's validation filter).</summary>
public sealed record OrderQueryParameters
{
    public string? CustomerId { get; init; }

    public string? Status { get; init; }

    public string? PageSize { get; init; }

    public string? Token { get; init; }

    public const int DefaultPageSize = PagingRules.DefaultPageSize;
    public const int MaxPageSize = PagingRules.MaxPageSize;

    public int Limit => PagingRules.Limit(PageSize);

    public OrderStatus? StatusFilter => Status is null ? null : Enum.Parse<OrderStatus>(Status, ignoreCase: true);

    /// <summary>
    /// One status name. Enum.TryParse also takes numbers and comma lists ("failed,cancelled" ORs two values into one
    /// that is no status, which the query then failed on with a 500), so only letters are let through (an empty value
    /// passes that check and fails the parse).
    /// </summary>
    internal static bool IsStatus(string value) =>
        value.All(char.IsAsciiLetter) && Enum.TryParse<OrderStatus>(value, ignoreCase: true, out _);
}

public sealed class OrderQueryParametersValidator : AbstractValidator<OrderQueryParameters>
{
    public OrderQueryParametersValidator()
    {
        RuleFor(p => p.CustomerId!)
            .Identifier()
            .When(p => p.CustomerId is not null);
        RuleFor(p => p.Status)
            .Must(s => OrderQueryParameters.IsStatus(s!)).WithMessage($"'{{PropertyName}}' must be one status of: {string.Join(", ", Enum.GetNames<OrderStatus>())}.")
            .When(p => p.Status is not null);
        RuleFor(p => p.PageSize).PageSize();
        RuleFor(p => p.Token).PageToken();
    }
}
