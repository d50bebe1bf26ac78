using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Telemetry;
using OrderPlatform.DevSidecar.Workflows.Engine;
using OrderPlatform.DevSidecar.Workflows.Protocol;
using OrderPlatform.DevSidecar.Workflows.Tracing;
using D = Dapr.DurableTask.Protobuf;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Workflows.Grpc;

/// <summary>
/// Dapr's TaskHubSidecarService (what Dapr.Workflow's worker and DaprWorkflowClient call), served on every app's
/// gRPC port: each call acts on the engine of the app-id whose port received it, through the protocol translator.
/// </summary>
public sealed class TaskHubService(
    SidecarApps apps, WorkflowEngines engines, ProtocolTranslator translator, CallRecorder recorder, WorkflowSpans spans)
{
    /// <summary>A unary RPC the engine serves: translate the request, call the engine, translate the answer.</summary>
    public Task<TDaprResponse> ForwardAsync<TDaprRequest, TDaprResponse, TMsRequest, TMsResponse>(
        TaskHubRpc rpc,
        TDaprRequest request,
        ServerCallContext context,
        Func<TaskHubGrpcServer, TMsRequest, ServerCallContext, Task<TMsResponse>> call)
        where TDaprRequest : IMessage<TDaprRequest>
        where TDaprResponse : IMessage<TDaprResponse>, new()
        where TMsRequest : IMessage<TMsRequest>, new()
        where TMsResponse : IMessage<TMsResponse> =>
        RunAsync(rpc, request, context, async engine =>
        {
            var forEngine = translator.ToMicrosoft<TDaprRequest, TMsRequest>(request);
            var traced = Trace(engine.AppId, request, forEngine);
            TMsResponse response;
            try
            {
                response = await call(engine.Server, forEngine, context).ConfigureAwait(false);
            }
            catch
            {
                traced(false);
                throw;
            }

            traced(true);
            return translator.ToDapr<TMsResponse, TDaprResponse>(response);
        });

    /// <summary>The work-item stream: open until the worker disconnects or the app's engine stops.</summary>
    public Task StreamWorkItemsAsync(
        TaskHubRpc rpc, D.GetWorkItemsRequest request, IServerStreamWriter<D.WorkItem> stream, ServerCallContext context) =>
        RunAsync(rpc, request, context, async engine =>
        {
            await engine.ServeWorkerAsync(translator.ToMicrosoft<D.GetWorkItemsRequest, M.GetWorkItemsRequest>(request),
                new TranslatingStreamWriter<M.WorkItem, D.WorkItem>(stream, translator, (ms, dapr) => spans.Dispatching(engine.AppId, ms, dapr)),
                context).ConfigureAwait(false);
            return true;
        });

    /// <summary>A Dapr RPC served by the sidecar itself on top of the app's engine.</summary>
    public Task<TResponse> RunAsync<TRequest, TResponse>(
        TaskHubRpc rpc, TRequest request, ServerCallContext context, Func<WorkflowEngine, Task<TResponse>> body)
        where TRequest : IMessage
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(context);
        var appId = apps.Current(context.GetHttpContext()).AppId;
        return RecordAsync(appId, rpc, TaskHubRpc.TargetOf(request), () => body(engines.For(appId)));
    }

    /// <summary>The trace context a call carries into the engine (see <see cref="WorkflowSpans"/>); the callback gets the outcome.</summary>
    private Action<bool> Trace(string appId, IMessage request, IMessage forEngine)
    {
        switch (request, forEngine)
        {
            case (D.CreateInstanceRequest create, M.CreateInstanceRequest engineCreate):
                return spans.Scheduling(appId, create, engineCreate);
            case (D.WorkflowResponse, M.OrchestratorResponse episode):
                spans.Completing(appId, episode);
                break;
            case (D.ActivityResponse activity, _):
                spans.ActivityCompleted(appId, activity);
                break;
            case (D.TerminateRequest terminate, _):
                return ok => EndIf(ok, appId, terminate.InstanceId, "TERMINATED");
            case (D.PurgeInstancesRequest { InstanceId.Length: > 0 } purge, _):
                return ok => EndIf(ok, appId, purge.InstanceId, "PURGED");
        }

        return _ => { };
    }

    private void EndIf(bool succeeded, string appId, string instanceId, string status)
    {
        if (succeeded)
        {
            spans.Ended(appId, instanceId, status, error: false);
        }
    }

    private async Task<T> RecordAsync<T>(string appId, TaskHubRpc rpc, string? target, Func<Task<T>> body)
    {
        var stopwatch = Stopwatch.StartNew();
        var outcome = "ok";
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            outcome = e.StatusCode.ToString();
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = nameof(StatusCode.Cancelled);
            throw;
        }
        catch (Exception e)
        {
            outcome = nameof(StatusCode.Internal);
            throw new RpcException(new Status(StatusCode.Internal, $"{rpc.Name} failed: {e.Message}"));
        }
        finally
        {
            recorder.Record(appId, rpc.Api, target, outcome, stopwatch.Elapsed.TotalMilliseconds);
        }
    }
}
