using System.Diagnostics;
using Grpc.Core;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Telemetry;

namespace OrderPlatform.DevSidecar.Api;

/// <summary>
/// Runs one API call as the app whose sidecar port received it: times it, records it with <see cref="CallRecorder"/>
/// and turns <see cref="DaprApiException"/> into Dapr's HTTP or gRPC error.
/// </summary>
public sealed class ApiCalls(SidecarApps apps, CallRecorder recorder)
{
    public Task<TResponse> Grpc<TResponse>(ServerCallContext context, string api, string? target, Func<AppDefinition, TResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var app = apps.Current(context.GetHttpContext());
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = handler(app);
            recorder.Record(app.AppId, api, target, "ok", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return Task.FromResult(response);
        }
        catch (DaprApiException e)
        {
            recorder.Record(app.AppId, api, target, e.ErrorCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw e.ToRpcException();
        }
    }

    public async Task<IResult> Http(HttpContext context, string api, string? target, Func<AppDefinition, Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var app = apps.Current(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await handler(app);
            recorder.Record(app.AppId, api, target, "ok", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (DaprApiException e)
        {
            recorder.Record(app.AppId, api, target, e.ErrorCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return e.ToHttpResult();
        }
    }

    public Task<IResult> Http(HttpContext context, string api, string? target, Func<AppDefinition, IResult> handler) =>
        Http(context, api, target, app => Task.FromResult(handler(app)));
}
