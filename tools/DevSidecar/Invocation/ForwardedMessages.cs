namespace OrderPlatform.DevSidecar.Invocation;

/// <summary>Copies requests to the app channel and responses back, without hop-by-hop headers.</summary>
internal static class ForwardedMessages
{
    public const string CallerHeader = "dapr-caller-app-id";
    public const string CalleeHeader = "dapr-callee-app-id";
    public const string AppIdHeader = "dapr-app-id";

    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection",
        "Proxy-Authorization", "dapr-api-token", AppIdHeader, CallerHeader, CalleeHeader,
    };

    public static HttpRequestMessage CreateRequest(
        HttpRequest source, Uri target, HttpContent? content, string caller, string callee, TraceContext trace)
    {
        var message = new HttpRequestMessage(new HttpMethod(source.Method), target) { Content = content };
        foreach (var (name, values) in source.Headers)
        {
            if (NotForwarded.Contains(name) || message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                continue;
            }

            content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }

        message.Headers.TryAddWithoutValidation(CallerHeader, caller);
        message.Headers.TryAddWithoutValidation(CalleeHeader, callee);
        trace.ApplyTo(message);
        return message;
    }

    public static async Task CopyResponseAsync(HttpResponseMessage from, HttpResponse to, CancellationToken cancellationToken)
    {
        to.StatusCode = (int)from.StatusCode;
        foreach (var (name, values) in from.Headers.Concat(from.Content.Headers))
        {
            if (!NotForwarded.Contains(name))
            {
                to.Headers[name] = values.ToArray();
            }
        }

        await from.Content.CopyToAsync(to.Body, cancellationToken);
    }

    /// <summary>The app-channel URL of <paramref name="method"/> (a path, possibly with slashes) plus the query string.</summary>
    public static Uri TargetUri(Uri appBaseAddress, string method, QueryString query) =>
        new($"{appBaseAddress.GetLeftPart(UriPartial.Authority)}/{method.TrimStart('/')}{query.Value}");
}
