using System.Diagnostics;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Resiliency;
using OrderPlatform.DevSidecar.Telemetry;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OrderPlatform.DevSidecar.Invocation;

/// <summary>
/// Forwards a service invocation to the target app's app channel under the target's resiliency policy. As daprd
/// does, any app status outside 200–399 counts as a failure (retried, counted by the circuit breaker; a retry
/// policy's matching.httpStatusCodes narrows what is retried), and when retries run out the app's last response
/// is returned as-is. Timeouts, an open breaker and unreachable apps answer 500 ERR_DIRECT_INVOKE.
/// </summary>
public sealed class InvocationForwarder(
    SidecarApps apps, ResiliencePipelines pipelines, IHttpClientFactory httpClientFactory, CallRecorder recorder)
{
    private static readonly OutcomeClassifier<HttpResponseMessage> Classifier =
        new(r => (int)r.StatusCode is < 200 or > 399, r => (int)r.StatusCode);

    public async Task ForwardAsync(HttpContext context, string targetAppId, string method)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var caller = apps.Current(context).AppId;
        var outcome = "error";
        try
        {
            if (apps.FindById(targetAppId) is not { } target)
            {
                outcome = "unknown-app";
                await InvocationErrors.UnknownApp(targetAppId).ToHttpResult().ExecuteAsync(context);
                return;
            }

            var result = await SendAsync(context, caller, target, method);
            outcome = result.Exception switch
            {
                null => ((int)result.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                BrokenCircuitException => "circuit-open",
                TimeoutRejectedException => "timeout",
                _ => "unreachable",
            };
            await RespondAsync(context, target.AppId, result);
        }
        finally
        {
            recorder.Record(caller, "invoke", targetAppId, outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task<Outcome<HttpResponseMessage>> SendAsync(HttpContext context, string caller, AppDefinition target, string method)
    {
        var policyTarget = PolicyTarget.App(target.AppId);
        var definition = pipelines.Definition(caller, policyTarget);
        var body = await ForwardedBody.CaptureAsync(context.Request, definition.HasRetries, context.RequestAborted);
        var uri = ForwardedMessages.TargetUri(target.AppBaseAddress, method, context.Request.QueryString);
        var trace = TraceContext.From(context.Request.Headers);
        var client = AppChannel.Create(httpClientFactory);
        var pipeline = pipelines.For(caller, policyTarget, Classifier);
        var resilience = ResilienceContextPool.Shared.Get(context.RequestAborted);
        try
        {
            return await pipeline.ExecuteOutcomeAsync(
                async (rc, _) =>
                {
                    try
                    {
                        var request = ForwardedMessages.CreateRequest(context.Request, uri, body.NextContent(), caller, target.AppId, trace);
                        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, rc.CancellationToken);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                resilience,
                0);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    private static async Task RespondAsync(HttpContext context, string targetAppId, Outcome<HttpResponseMessage> result)
    {
        if (result.Exception is { } error)
        {
            var reason = error switch
            {
                BrokenCircuitException => error.Message,
                TimeoutRejectedException => "context deadline exceeded",
                _ => error.Message,
            };
            await InvocationErrors.DirectInvoke(targetAppId, reason).ToHttpResult().ExecuteAsync(context);
            return;
        }

        using var response = result.Result!;
        await ForwardedMessages.CopyResponseAsync(response, context.Response, context.RequestAborted);
    }
}
