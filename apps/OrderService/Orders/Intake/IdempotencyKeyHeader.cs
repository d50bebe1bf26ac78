using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace OrderPlatform.OrderService.Orders.Intake;

/// <summary>The optional <c>Idempotency-Key</c> header of <c>POST /api/orders</c> and <c>/batch</c> (bound with <c>[AsParameters]</c>).</summary>
public sealed record IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    [FromHeader(Name = Name)]
    public string? Value { get; init; }
}

/// <summary>The one rule for the header: when given, 1 to <see cref="MaxLength"/> characters (it is hashed, never a key itself).</summary>
public sealed class IdempotencyKeyHeaderValidator : AbstractValidator<IdempotencyKeyHeader>
{
    public const int MaxLength = 128;

    public IdempotencyKeyHeaderValidator() =>
        RuleFor(h => h.Value)
            .Must(v => !string.IsNullOrWhiteSpace(v) && v.Length <= MaxLength)
            .WithMessage($"{IdempotencyKeyHeader.Name} must be 1 to {MaxLength} characters.")
            .When(h => h.Value is not null)
            .OverridePropertyName(IdempotencyKeyHeader.Name); // a header, not a JSON field: the error names it as it is sent
}
