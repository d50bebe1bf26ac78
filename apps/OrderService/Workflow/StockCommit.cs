using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// After shipping: commits the order's reservation (reservation id = order id) so its units leave <c>reserved</c>.
/// The goods are gone, so nothing here is ever compensated (no refund, no release): a fault is retried and then holds
/// the order like any forward step; an answer other than Committed comes back as a note for the order's history and the
/// order still completes, the reservation left for an operator to commit.
/// </summary>
internal static class StockCommit
{
    /// <summary>Null when committed; otherwise the history note describing why not.</summary>
    public static async Task<string?> TryCommitAsync(OrderSteps steps)
    {
        var result = await steps.CommitStockAsync();
        return result.Status == ReservationStatus.Committed ? null : FailureReasons.CommitRefused(result);
    }
}
