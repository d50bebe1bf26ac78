using System.Diagnostics.Metrics;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders;

/// <summary>
/// Business metrics on the platform's Meter (<see cref="TelemetryExtensions.ActivitySourceName"/>, exported by the
/// service defaults to the Aspire dashboard and Azure Monitor): orders started, orders put on hold, orders that ended by outcome (failed
/// ones by a reason category, so the tag stays low-cardinality), and how long each downstream step takes.
/// </summary>
public sealed class OrderMetrics
{
    public const string Created = MetricNames.OrdersCreated;
    public const string Ended = MetricNames.OrdersEnded;
    public const string StepDuration = MetricNames.StepDuration;
    public const string OnHold = MetricNames.OrdersOnHold;

    private readonly Counter<long> created;
    private readonly Counter<long> ended;
    private readonly Counter<long> onHold;
    private readonly Histogram<double> stepDuration;

    public OrderMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(TelemetryExtensions.ActivitySourceName);
        created = meter.CreateCounter<long>(Created, "{order}", "Orders accepted whose workflow was started.");
        ended = meter.CreateCounter<long>(Ended, "{order}", "Orders that reached an end (status: completed, failed, cancelled; reason: for failed ones).");
        onHold = meter.CreateCounter<long>(OnHold, "{order}", "Times an order was put on hold for an operator (a step's faults outlasted the retry window).");
        stepDuration = meter.CreateHistogram<double>(StepDuration, "s", "Duration of each downstream step the workflow calls (step: the invoked method; outcome: ok or fault).");
    }

    public void OrderStarted() => created.Add(1);

    /// <summary>Counts <paramref name="status"/> when it ends the order or holds it; other statuses are not counted here.</summary>
    public void StatusRecorded(OrderStatus status, string? failureReason)
    {
        switch (status)
        {
            case OrderStatus.Completed or OrderStatus.Cancelled:
                ended.Add(1, new KeyValuePair<string, object?>(MetricNames.StatusTag, Tag(status)));
                break;
            case OrderStatus.OnHold:
                onHold.Add(1);
                break;
            case OrderStatus.Failed:
                ended.Add(1, new KeyValuePair<string, object?>(MetricNames.StatusTag, Tag(status)), new KeyValuePair<string, object?>(MetricNames.ReasonTag, ReasonCategory(failureReason)));
                break;
        }
    }

    public void StepCompleted(string step, TimeSpan duration, bool fault) =>
        stepDuration.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>(MetricNames.StepTag, step), new KeyValuePair<string, object?>(MetricNames.OutcomeTag, fault ? "fault" : "ok"));

    /// <summary>The failure reasons the workflow writes (<c>Workflow/FailureReasons</c>), grouped.</summary>
    public static string ReasonCategory(string? reason) => reason switch
    {
        null or "" => "unknown",
        _ when reason.StartsWith("insufficient stock", StringComparison.Ordinal) || reason.StartsWith("stock reservation", StringComparison.Ordinal) => "out-of-stock",
        _ when reason.StartsWith("payment declined", StringComparison.Ordinal) => "payment-declined",
        _ when reason.StartsWith("shipment rejected", StringComparison.Ordinal) => "unserviceable",
        _ when reason.StartsWith("approval", StringComparison.Ordinal) => "not-approved",
        _ => "other",
    };

    private static string Tag(OrderStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>Times every call an invoke client makes (the method is the step) into <see cref="OrderMetrics"/>.</summary>
public sealed class StepTimingHandler(OrderMetrics metrics, TimeProvider clock) : DelegatingHandler
{
    /// <summary>The step's name when the method's last segment is not one (an id: the tag must stay low-cardinality).</summary>
    public static readonly HttpRequestOptionsKey<string> Step = new("orderplatform.step");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = request.Options.TryGetValue(Step, out var named) ? named : request.RequestUri?.Segments[^1] ?? "unknown";
        var started = clock.GetTimestamp();
        var fault = true;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            fault = (int)response.StatusCode >= 500;
            return response;
        }
        finally
        {
            metrics.StepCompleted(step, clock.GetElapsedTime(started), fault);
        }
    }
}
