using FluentValidation;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.OrderService.Orders.Query;

/// <summary>Query string of <c>GET /api/orders</c>, bound as text so a bad value is a 400 naming its parameter (the route's validation filter).</summary>
public sealed record OrderQueryParameters(string? CustomerId, string? Status, string? PageSize, string? Token)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Limit => PageSize is null ? DefaultPageSize : int.Parse(PageSize, System.Globalization.CultureInfo.InvariantCulture);

    public OrderStatus? StatusFilter => Status is null ? null : Enum.Parse<OrderStatus>(Status, ignoreCase: true);

    internal static bool IsStatus(string value) =>
        !value.Any(char.IsDigit) && Enum.TryParse<OrderStatus>(value, ignoreCase: true, out _);
}

public sealed class OrderQueryParametersValidator : AbstractValidator<OrderQueryParameters>
{
    public OrderQueryParametersValidator()
    {
        RuleFor(p => p.CustomerId!)
            .Identifier()
            .When(p => p.CustomerId is not null);
        RuleFor(p => p.Status)
            .Must(s => OrderQueryParameters.IsStatus(s!)).WithMessage($"status must be one of: {string.Join(", ", Enum.GetNames<OrderStatus>())}.")
            .When(p => p.Status is not null);
        RuleFor(p => p.PageSize)
            .Must(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= OrderQueryParameters.MaxPageSize)
            .WithMessage($"pageSize must be a whole number from 1 to {OrderQueryParameters.MaxPageSize}.")
            .When(p => p.PageSize is not null);
        RuleFor(p => p.Token)
            .NotEmpty().MaximumLength(4096).WithMessage("token must be 1 to 4096 characters.")
            .When(p => p.Token is not null);
    }
}
