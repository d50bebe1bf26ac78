using System.Diagnostics;

namespace OrderPlatform.DevSidecar.Telemetry;

/// <summary>
/// Every call runs inside an Activity continuing the caller's <c>traceparent</c> (so outgoing HttpClient calls carry
/// it), and the answer returns the sidecar's <c>traceparent</c>.
/// </summary>
public sealed class TraceParentMiddleware(RequestDelegate next)
{
    public const string Header = "traceparent";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var own = Activity.Current is null ? Start(context.Request.Headers[Header].ToString()) : null;
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current)
        {
            context.Response.Headers[Header] = current.Id;
        }

        await next(context);
    }

    private static Activity Start(string traceParent)
    {
        var activity = new Activity("dev-sidecar.call");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        if (ActivityContext.TryParse(traceParent, null, out var parent))
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }

        return activity.Start();
    }
}
