using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Invocation;

namespace OrderPlatform.DevSidecar.Messaging.Publishing;

/// <summary>POST /v1.0/publish/{pubsubname}/{topic}?metadata.x=y — 204 on success, daprd's error JSON otherwise.</summary>
internal static class PublishEndpoints
{
    private const string MetadataPrefix = "metadata.";

    public static void Map(WebApplication app) =>
        app.MapPost("/v1.0/publish/{pubsubname}/{**topic}", PublishAsync);

    private static async Task<IResult> PublishAsync(
        HttpContext context, string pubsubname, string? topic, SidecarApps apps, Publisher publisher)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var metadata = context.Request.Query
            .Where(q => q.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key[MetadataPrefix.Length..], q => q.Value.ToString(), StringComparer.Ordinal);
        var request = new PublishRequest(
            apps.Current(context).AppId, pubsubname, topic ?? string.Empty, body.ToArray(),
            context.Request.ContentType, metadata, TraceContext.From(context.Request.Headers));
        try
        {
            await publisher.PublishAsync(request, context.RequestAborted);
            return Results.NoContent();
        }
        catch (DaprApiException error)
        {
            return error.ToHttpResult();
        }
    }
}
