using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Compensation;

/// <summary>What an operator's compensation did: the order afterwards, or why nothing was done.</summary>
public sealed record CompensationOutcome(StoredOrder? Order, bool Found, string? Conflict = null, IReadOnlyList<string>? Problems = null);

/// <summary>
/// Finishes the compensation of a failed or cancelled order (the workflow reports "needs an operator" when its own
/// refund or release kept failing): refund, then release, both idempotent downstream, so running this again or on an
/// order that needed nothing is harmless. Each attempt is written to the order's history.
/// </summary>
public sealed class CompensateOrderHandler(
    OrderRepository orders, PaymentClient payments, InventoryClient inventory, TimeProvider clock, ILogger<CompensateOrderHandler> logger)
{
    public const string Reason = "operator compensation";

    public async Task<CompensationOutcome> HandleAsync(string orderId, CancellationToken ct)
    {
        var order = await orders.GetAsync(orderId, ct);
        if (order is null)
        {
            return new CompensationOutcome(null, Found: false);
        }

        if (order.Status is not (OrderStatus.Failed or OrderStatus.Cancelled))
        {
            return new CompensationOutcome(null, true, $"Only a failed or cancelled order is compensated; this one is {order.Status}.");
        }

        var done = new List<string>();
        var problems = new List<string>();
        await StepAsync("refund", async () => (await payments.RefundAsync(new RefundRequest(orderId, Reason), ct)).Status.ToString(), done, problems);
        await StepAsync("stock release", async () => (await inventory.ReleaseAsync(new ReleaseStockRequest(orderId), ct)).Status.ToString(), done, problems);
        var detail = problems.Count == 0
            ? $"{Reason}: {string.Join(", ", done)}"
            : $"{Reason} incomplete: {string.Join("; ", problems)}{(done.Count > 0 ? $" ({string.Join(", ", done)})" : string.Empty)}";
        var now = clock.GetUtcNow();
        var updated = await orders.UpdateAsync(orderId, o => o with
        {
            History = [.. o.History, new OrderStatusChange(o.Status, now, detail)],
            UpdatedAt = now,
        }, ct);
        return new CompensationOutcome(updated, true, null, problems);
    }

    private async Task StepAsync(string what, Func<Task<string>> step, List<string> done, List<string> problems)
    {
        try
        {
            done.Add($"{what} {await step()}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Operator compensation: {Step} failed", what);
            problems.Add($"{what} failed: {ex.Message}");
        }
    }
}
