using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OrderPlatform.OrderService.Orders.Signals;

/// <summary><c>POST /api/orders/{id}/cancel</c> and <c>/approve</c>: 202 when the event was raised, 400, 404, 409.</summary>
internal static class SignalEndpoints
{
    public static async Task<Results<Accepted<OrderView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CancelOrderRequest? request,
        IValidator<CancelOrderRequest> validator,
        OrderSignalHandler handler,
        CancellationToken ct)
    {
        request ??= new CancelOrderRequest();
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return ToResult(id, await handler.CancelAsync(id, request.Reason, ct));
    }

    public static async Task<Results<Accepted<OrderView>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        string id, ApprovalRequest request, IValidator<ApprovalRequest> validator, OrderSignalHandler handler, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return ToResult(id, await handler.ApproveAsync(id, request, ct));
    }

    private static Results<Accepted<OrderView>, ValidationProblem, ProblemHttpResult> ToResult(string id, SignalOutcome outcome) =>
        outcome switch
        {
            { Order: { } order } => TypedResults.Accepted(ApiProblems.Location(order.OrderId), OrderView.From(order)),
            { Found: false } => ApiProblems.NotFound(id),
            _ => ApiProblems.Conflict(outcome.Conflict ?? "The order is not in a state that accepts this request."),
        };
}
