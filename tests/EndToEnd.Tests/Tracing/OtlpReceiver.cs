using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderPlatform.EndToEnd.Tests.Tracing.Otlp;

namespace OrderPlatform.EndToEnd.Tests.Tracing;

/// <summary>One exported span, flattened: the service (resource <c>service.name</c>) that sent it and its attributes.</summary>
public sealed record ReceivedSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name,
    IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> LinkedTraceIds)
{
    public string? this[string attribute] => Attributes.TryGetValue(attribute, out var value) ? value : null;
}

/// <summary>
/// An OTLP/HTTP (protobuf) endpoint on loopback for the processes under test (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>): keeps every span posted to <c>/v1/traces</c>, accepts and drops
/// logs and metrics.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedSpan> spans = new();
    private WebApplication? app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ReceivedSpan> Spans => [.. spans];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            var export = ExportTraceServiceRequest.Parser.ParseFrom(await ReadBodyAsync(request));
            foreach (var span in Flatten(export))
            {
                spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await app.StartAsync();
        Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    private static IEnumerable<ReceivedSpan> Flatten(ExportTraceServiceRequest export) =>
        from resource in export.ResourceSpans
        let service = Attributes(resource.Resource?.Attributes).GetValueOrDefault("service.name", string.Empty)
        from scope in resource.ScopeSpans
        from span in scope.Spans
        select new ReceivedSpan(
            service, scope.Scope?.Name ?? string.Empty, Convert.ToHexStringLower(span.TraceId.Span),
            Convert.ToHexStringLower(span.SpanId.Span), Convert.ToHexStringLower(span.ParentSpanId.Span), span.Name,
            Attributes(span.Attributes), [.. span.Links.Select(l => Convert.ToHexStringLower(l.TraceId.Span))]);

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue>? attributes) =>
        (attributes ?? []).GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Last().Value switch
            {
                { ValueCase: AnyValue.ValueOneofCase.StringValue } v => v.StringValue,
                { ValueCase: AnyValue.ValueOneofCase.IntValue } v => v.IntValue.ToString(CultureInfo.InvariantCulture),
                { ValueCase: AnyValue.ValueOneofCase.BoolValue } v => v.BoolValue ? "true" : "false",
                { ValueCase: AnyValue.ValueOneofCase.DoubleValue } v => v.DoubleValue.ToString(CultureInfo.InvariantCulture),
                _ => string.Empty,
            },
            StringComparer.Ordinal);
}
