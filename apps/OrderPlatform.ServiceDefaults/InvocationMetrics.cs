using System.Diagnostics.Metrics;
using OrderPlatform.Contracts;

namespace OrderPlatform.ServiceDefaults;

/// <summary>Counts the in-app invocation circuit breakers opening (<see cref="MetricNames.CircuitOpened"/>, by callee).</summary>
public sealed class InvocationMetrics
{
    private readonly Counter<long> circuitOpened;

    public InvocationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        circuitOpened = meters.Create(TelemetryExtensions.ActivitySourceName).CreateCounter<long>(
            MetricNames.CircuitOpened, "{trip}", "Times a circuit breaker on service invocation opened (target: the callee's app-id).");
    }

    public void CircuitOpened(string targetAppId) =>
        circuitOpened.Add(1, new KeyValuePair<string, object?>(MetricNames.TargetTag, targetAppId));
}
