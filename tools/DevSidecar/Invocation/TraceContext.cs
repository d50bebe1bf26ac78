using System.Diagnostics;

namespace OrderPlatform.DevSidecar.Invocation;

/// <summary>W3C trace context of an incoming call: its traceparent/tracestate, or a fresh one when the caller sent none.</summary>
public sealed record TraceContext(string TraceParent, string TraceState)
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static TraceContext From(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return From(headers[TraceParentHeader].ToString(), headers[TraceStateHeader].ToString());
    }

    public static TraceContext From(string? traceParent, string? traceState)
    {
        if (!string.IsNullOrEmpty(traceParent) && ActivityContext.TryParse(traceParent, traceState, out _))
        {
            return new TraceContext(traceParent, traceState ?? string.Empty);
        }

        return new TraceContext(
            Activity.Current?.Id is { } id && Activity.Current.IdFormat == ActivityIdFormat.W3C ? id : NewTraceParent(),
            Activity.Current?.TraceStateString ?? string.Empty);
    }

    public static string NewTraceParent() => $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";

    public void ApplyTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(TraceParentHeader);
        request.Headers.TryAddWithoutValidation(TraceParentHeader, TraceParent);
        request.Headers.Remove(TraceStateHeader);
        if (TraceState.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(TraceStateHeader, TraceState);
        }
    }
}
