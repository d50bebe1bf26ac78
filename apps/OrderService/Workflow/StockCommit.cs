using Dapr.Workflow;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Workflow.Activities;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// After shipping: commits the order's reservation (reservation id = order id) so its units leave <c>reserved</c>.
/// The goods are gone, so a failure here is never compensated (no refund, no release): it comes back as a note for the
/// order's history and the order still completes; the reservation stays Reserved for an operator to commit.
/// </summary>
internal static class StockCommit
{
    /// <summary>The commit is idempotent downstream, so the workflow engine may retry it.</summary>
    private static readonly WorkflowTaskOptions CommitOptions =
        new(new WorkflowRetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    /// <summary>Null when committed; otherwise the history note describing why not.</summary>
    public static async Task<string?> TryCommitAsync(WorkflowContext context, string orderId)
    {
        try
        {
            var result = await context.CallActivityAsync<ReservationResult>(
                nameof(CommitStockActivity), new CommitStockRequest(orderId), CommitOptions);
            return result.Status == ReservationStatus.Committed ? null : FailureReasons.CommitRefused(result);
        }
        catch (WorkflowTaskFailedException ex)
        {
            return FailureReasons.CommitFailed(ex.FailureDetails.ErrorMessage);
        }
    }
}
