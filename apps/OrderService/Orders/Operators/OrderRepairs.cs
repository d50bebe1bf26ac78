using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.OrderService.Downstream;

namespace OrderPlatform.OrderService.Orders.Operators;

/// <summary>
/// Operator actions the workflow leaves to a person: finishing the compensation of a failed or cancelled order (its
/// refund or release kept failing: "needs an operator") and committing the stock of a shipped order whose commit
/// failed after shipping.
/// </summary>
public sealed class OrderRepairs(OperatorActions actions, PaymentClient payments, InventoryClient inventory)
{
    public const string Compensation = "operator compensation";
    public const string StockCommit = "operator stock commit";

    /// <summary>Refund, then release: both idempotent downstream.</summary>
    public Task<OperatorOutcome> CompensateAsync(string orderId, CancellationToken ct) =>
        actions.RunAsync(orderId, Compensation, [OrderStatus.Failed, OrderStatus.Cancelled],
        [
            new("refund", async token => (await payments.RefundAsync(new RefundRequest(orderId, Compensation), token)).Status.ToString()),
            new("stock release", async token => (await inventory.ReleaseAsync(new ReleaseStockRequest(orderId), token)).Status.ToString()),
        ], ct);

    /// <summary>Commits the reservation (idempotent); anything but Committed is reported as a problem.</summary>
    public Task<OperatorOutcome> CommitStockAsync(string orderId, CancellationToken ct) =>
        actions.RunAsync(orderId, StockCommit, [OrderStatus.Shipped, OrderStatus.Completed],
        [
            new("stock commit", async token => (await inventory.CommitAsync(new CommitStockRequest(orderId), token)).Status.ToString(),
                answer => answer == nameof(ReservationStatus.Committed)),
        ], ct);
}
