using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Auth;
using OrderPlatform.OrderService.Orders.Intake;

namespace OrderPlatform.OrderService.Orders.Create;

/// <summary>
/// <c>POST /api/orders</c>: 202 + Location for a new order, 200 for an idempotent replay, 403 (a <c>customerId</c> other
/// than the caller's), 409, 422 (the body and the <c>Idempotency-Key</c> header are validated by the route's filters: 400),
/// 503 when the catalogue cannot price it. The order's customer is the caller.
/// </summary>
internal static class CreateOrderEndpoint
{
    public static async Task<Results<Accepted<OrderView>, Ok<OrderView>, ProblemHttpResult>> HandleAsync(
        CreateOrderRequest request,
        [AsParameters] IdempotencyKeyHeader idempotency,
        ClaimsPrincipal user,
        CreateOrderHandler handler,
        HttpResponse response,
        CancellationToken ct)
    {
        if (CallerOrders.ForCaller(request, user.CallerId()) is not { } own)
        {
            return ApiProblems.NotYourCustomerId();
        }

        CreateOrderOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(own, idempotency.Value, ct);
        }
        catch (CatalogueUnavailableException)
        {
            return ApiProblems.CatalogueUnavailable(response);
        }

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
}
