namespace OrderPlatform.Contracts;

/// <summary>
/// The platform's business metrics (meter <c>OrderPlatform</c>), in one place: the services record them and the Azure
/// workbook and alert queries (<c>infra/core/operations.bicep</c>, Log Analytics table <c>AppMetrics</c>) read them by
/// these names and tags; Infra.Tests checks that every name a query uses is one of these.
/// </summary>
public static class MetricNames
{
    /// <summary>Orders accepted whose workflow was started.</summary>
    public const string OrdersCreated = "orderplatform.orders.created";

    /// <summary>Orders that reached an end; tags <see cref="StatusTag"/> and, for failed ones, <see cref="ReasonTag"/>.</summary>
    public const string OrdersEnded = "orderplatform.orders.ended";

    /// <summary>Times an order was put on hold for an operator.</summary>
    public const string OrdersOnHold = "orderplatform.orders.on_hold";

    /// <summary>Duration (s) of each downstream step; tags <see cref="StepTag"/> and <see cref="OutcomeTag"/>.</summary>
    public const string StepDuration = "orderplatform.order.step.duration";

    /// <summary>Events notification-service received on the dead-letter topic (recorded once each).</summary>
    public const string DeadLettered = "orderplatform.notifications.dead_lettered";

    /// <summary>Times an in-app invocation circuit breaker opened; tag <see cref="TargetTag"/> (the callee's app-id).</summary>
    public const string CircuitOpened = "orderplatform.invocation.circuit_opened";

    public const string StatusTag = "status";
    public const string ReasonTag = "reason";
    public const string StepTag = "step";
    public const string OutcomeTag = "outcome";
    public const string TargetTag = "target";
}
