using System.Globalization;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>The human-readable reasons recorded in an order's history and <c>failureReason</c>.</summary>
internal static class FailureReasons
{
    public const string ApprovalTimedOut = "approval timed out";
    public const string CancelIgnored = "cancellation ignored: the order has already shipped";

    public static string CommitFailed(string error) =>
        $"stock commit failed after shipping: {error} (not compensated; the reservation is left for an operator to commit: POST /api/orders/{{id}}/commit-stock)";

    public static string CommitRefused(ReservationResult result) =>
        $"stock commit after shipping answered {result.Status.ToString().ToLowerInvariant()} (the reservation was not committed)";

    public static string OutOfStock(IReadOnlyList<StockShortage> shortages) =>
        "insufficient stock: " + Shortages(shortages);

    public static string ReservationRejected(ReservationResult result) =>
        $"stock reservation {result.Status.ToString().ToLowerInvariant()}: " + Shortages(result.Shortages);

    public static string NotApproved(ApprovalOutcome outcome, ApprovalDecision? decision) =>
        outcome == ApprovalOutcome.TimedOut ? ApprovalTimedOut : Describe("approval rejected", decision);

    public static string Describe(string what, ApprovalDecision? decision)
    {
        var text = what;
        if (!string.IsNullOrWhiteSpace(decision?.Approver))
        {
            text += " by " + decision.Approver;
        }

        return string.IsNullOrWhiteSpace(decision?.Reason) ? text : $"{text}: {decision.Reason}";
    }

    private static string Shortages(IReadOnlyList<StockShortage>? shortages) =>
        shortages is null || shortages.Count == 0
            ? "no details"
            : string.Join(", ", shortages.Select(s => string.Create(
                CultureInfo.InvariantCulture, $"{s.ProductId} (requested {s.Requested}, available {s.Available})")));
}
