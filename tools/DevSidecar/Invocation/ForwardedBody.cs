namespace OrderPlatform.DevSidecar.Invocation;

/// <summary>
/// The body of an invocation request: streamed straight through when the call is attempted once, buffered when
/// the target's retry policy may replay it (as daprd does with WithReplay).
/// </summary>
internal sealed class ForwardedBody
{
    private readonly byte[]? buffered;
    private Stream? stream;

    private ForwardedBody(byte[]? buffered, Stream? stream)
    {
        this.buffered = buffered;
        this.stream = stream;
    }

    public static async Task<ForwardedBody> CaptureAsync(HttpRequest request, bool replayable, CancellationToken cancellationToken)
    {
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody)
        {
            return new ForwardedBody(request.ContentLength == 0 ? [] : null, null);
        }

        if (!replayable)
        {
            return new ForwardedBody(null, request.Body);
        }

        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, cancellationToken);
        return new ForwardedBody(copy.ToArray(), null);
    }

    /// <summary>Content for the next attempt (null when the request had no body).</summary>
    public HttpContent? NextContent()
    {
        if (buffered is not null)
        {
            return new ByteArrayContent(buffered);
        }

        var once = stream;
        stream = null;
        return once is null ? null : new StreamContent(once);
    }
}
