namespace OrderPlatform.OrderService.Workflow;

/// <summary>External events the order workflow listens for (raised by the API).</summary>
public static class OrderWorkflowEvents
{
    public const string CancelOrder = "CancelOrder";
    public const string ApprovalDecision = "ApprovalDecision";

    /// <summary>An operator re-drives an order that is <c>OnHold</c>: the step that kept failing is tried again.</summary>
    public const string ResumeOrder = "ResumeOrder";
}

/// <summary>Payload of <see cref="OrderWorkflowEvents.CancelOrder"/>.</summary>
public sealed record CancelOrderSignal(string Reason);

/// <summary>Payload of <see cref="OrderWorkflowEvents.ApprovalDecision"/>.</summary>
public sealed record ApprovalDecision(bool Approved, string? Approver, string? Reason);

/// <summary>Payload of <see cref="OrderWorkflowEvents.ResumeOrder"/>.</summary>
public sealed record ResumeOrderSignal(DateTimeOffset RequestedAt);
