using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Orders.Create;

/// <summary><c>POST /api/orders</c>: 202 + Location for a new order, 200 for an idempotent replay, 400, 409, 422.</summary>
internal static class CreateOrderEndpoint
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 128;

    public static async Task<Results<Accepted<OrderView>, Ok<OrderView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateOrderRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        IValidator<CreateOrderRequest> validator,
        CreateOrderHandler handler,
        CancellationToken ct)
    {
        var errors = (await validator.ValidateAsync(request, ct)).ToDictionary();
        CheckIdempotencyKey(idempotencyKey, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await handler.HandleAsync(request, idempotencyKey, ct);
        if (outcome.UnknownProducts is { } unknown)
        {
            return ApiProblems.UnknownProducts(unknown);
        }

        if (outcome.Order is null)
        {
            return ApiProblems.Conflict(outcome.Conflict ?? "The order cannot be created.");
        }

        var view = OrderView.From(outcome.Order);
        return outcome.Created ? TypedResults.Accepted(ApiProblems.Location(view.OrderId), view) : TypedResults.Ok(view);
    }

    /// <summary>A given Idempotency-Key must be 1 to <see cref="MaxIdempotencyKeyLength"/> characters (create and batch).</summary>
    public static void CheckIdempotencyKey(string? idempotencyKey, IDictionary<string, string[]> errors)
    {
        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxIdempotencyKeyLength))
        {
            errors[IdempotencyHeader] = [$"{IdempotencyHeader} must be 1 to {MaxIdempotencyKeyLength} characters."];
        }
    }
}
