using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Operators;

/// <summary>What an operator action did: the order afterwards, or why nothing was done.</summary>
public sealed record OperatorOutcome(StoredOrder? Order, bool Found, string? Conflict = null, IReadOnlyList<string>? Problems = null)
{
    /// <summary>
    /// 200 + the order once every step is done; 502 when a step still fails (the attempt is in the order's history:
    /// call again); 404; 409 for an order the action does not apply to.
    /// </summary>
    internal Results<Ok<OrderView>, ProblemHttpResult> ToResult(string id) => this switch
    {
        { Found: false } => ApiProblems.NotFound(id),
        // RunAsync gives every found order the action does not apply to its conflict text.
        { Order: null } => ApiProblems.Conflict(Conflict!),
        { Problems.Count: > 0 } => TypedResults.Problem(
            string.Join("; ", Problems), statusCode: StatusCodes.Status502BadGateway, title: "Operator action incomplete"),
        _ => TypedResults.Ok(OrderView.From(Order)),
    };
}

/// <summary>One idempotent downstream call of an operator action: its name and what it answered.</summary>
public sealed record OperatorStep(string What, Func<CancellationToken, Task<string>> RunAsync, Func<string, bool>? Succeeded = null);

/// <summary>
/// Runs an operator action on one order: only in the states it applies to, every step even when an earlier one fails
/// (all are idempotent downstream, so the action can simply be called again), and the attempt written to the order's
/// history with each step's answer or error.
/// </summary>
public sealed class OperatorActions(OrderRepository orders, TimeProvider clock, ILogger<OperatorActions> logger)
{
    public async Task<OperatorOutcome> RunAsync(
        string orderId, string action, IReadOnlyCollection<OrderStatus> appliesTo, IReadOnlyList<OperatorStep> steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appliesTo);
        ArgumentNullException.ThrowIfNull(steps);
        var order = await orders.GetAsync(orderId, ct);
        if (order is null)
        {
            return new OperatorOutcome(null, Found: false);
        }

        if (!appliesTo.Contains(order.Status))
        {
            return new OperatorOutcome(null, true, $"{action} applies to {string.Join(" or ", appliesTo)} orders; this one is {order.Status}.");
        }

        var done = new List<string>();
        var problems = new List<string>();
        foreach (var step in steps)
        {
            await RunStepAsync(step, done, problems, ct);
        }

        var detail = problems.Count == 0
            ? $"{action}: {string.Join(", ", done)}"
            : $"{action} incomplete: {string.Join("; ", problems)}{(done.Count > 0 ? $" ({string.Join(", ", done)})" : string.Empty)}";
        var now = clock.GetUtcNow();
        var updated = await orders.UpdateAsync(orderId, o => o with
        {
            History = [.. o.History, new OrderStatusChange(o.Status, now, detail)],
            UpdatedAt = now,
        }, ct);
        return new OperatorOutcome(updated, true, null, problems);
    }

    private async Task RunStepAsync(OperatorStep step, List<string> done, List<string> problems, CancellationToken ct)
    {
        try
        {
            var answer = await step.RunAsync(ct);
            (step.Succeeded is null || step.Succeeded(answer) ? done : problems).Add($"{step.What} {answer}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Operator action step {Step} failed", step.What);
            problems.Add($"{step.What} failed: {ex.Message}");
        }
    }
}
