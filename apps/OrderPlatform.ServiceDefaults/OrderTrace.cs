using System.Diagnostics;
using OpenTelemetry;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// The order id on every span of one order's trace (<c>order.id</c>): set on the current span and carried as W3C
/// baggage, which .NET's HTTP client sends (<c>baggage</c> header) and ASP.NET Core reads back on the callee, so
/// <see cref="OrderIdSpanProcessor"/> tags every span below it, in this service and the ones it invokes. Pub/sub and
/// workflow hops carry no baggage: the receiving code calls <see cref="Tag"/> itself.
/// </summary>
public static class OrderTrace
{
    public const string OrderIdTag = "order.id";

    /// <summary>Tags the current span (and, through baggage, everything it calls) with the order id.</summary>
    public static void Tag(string? orderId)
    {
        if (string.IsNullOrEmpty(orderId) || Activity.Current is not { } current)
        {
            return;
        }

        current.SetTag(OrderIdTag, orderId);
        current.SetBaggage(OrderIdTag, orderId);
    }

    /// <summary>
    /// Links the current span to the span that created the order (a signal such as approve or cancel arrives in a
    /// trace of its own; the link leads from it to the order's trace).
    /// </summary>
    public static void LinkTo(string? orderTraceParent)
    {
        if (Activity.Current is { } current && !string.IsNullOrEmpty(orderTraceParent)
            && ActivityContext.TryParse(orderTraceParent, null, isRemote: true, out var order) && order.TraceId != current.TraceId)
        {
            current.AddLink(new ActivityLink(order));
        }
    }

    /// <summary>The current span's W3C <c>traceparent</c>, to keep with the order for <see cref="LinkTo"/>.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
}

/// <summary>Copies the <c>order.id</c> baggage (set here or received from the caller) onto every span as a tag.</summary>
public sealed class OrderIdSpanProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data) => Copy(data);

    public override void OnEnd(Activity data) => Copy(data);

    private static void Copy(Activity? span)
    {
        if (span is not null && span.GetTagItem(OrderTrace.OrderIdTag) is null && span.GetBaggageItem(OrderTrace.OrderIdTag) is { } id)
        {
            span.SetTag(OrderTrace.OrderIdTag, id);
        }
    }
}
