using System.Globalization;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>The human-readable reasons recorded in an order's history and <c>failureReason</c>.</summary>
internal static class FailureReasons
{
    public const string ApprovalTimedOut = "approval timed out";
    public const string CancelIgnored = "cancellation ignored: the order has already shipped";

    public static string CommitRefused(ReservationResult result) =>
        $"stock commit after shipping answered {result.Status.ToString().ToLowerInvariant()} (the reservation was not committed)";

    public const string CancelIgnoredOnHold = "cancellation ignored: shipping was attempted and its outcome is unknown, so nothing is compensated";

    /// <summary>History of an order put on hold: which step, the last error, and how to re-drive it.</summary>
    public static string OnHold(string step, string error, TimeSpan window, string orderId) =>
        $"on hold: {step} kept failing for {window} ({error}); resume with POST /api/orders/{orderId}/resume";

    /// <summary>History entry of a compensation attempt that failed and will be tried again.</summary>
    public static string CompensationAttemptFailed(string what, int attempt, string error, TimeSpan nextIn) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} attempt {attempt} failed: {error}; next attempt in {nextIn}");

    public static string Resumed(string step) => $"resumed by an operator: retrying {step}";

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
