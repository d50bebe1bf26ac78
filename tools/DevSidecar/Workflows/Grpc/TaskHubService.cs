using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Telemetry;
using OrderPlatform.DevSidecar.Workflows.Engine;
using OrderPlatform.DevSidecar.Workflows.Protocol;
using D = Dapr.DurableTask.Protobuf;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Workflows.Grpc;

/// <summary>
/// Dapr's TaskHubSidecarService (what Dapr.Workflow's worker and DaprWorkflowClient call), served on every app's
/// gRPC port: each call acts on the engine of the app-id whose port received it, through the protocol translator.
/// </summary>
public sealed class TaskHubService(
    SidecarApps apps, WorkflowEngines engines, ProtocolTranslator translator, CallRecorder recorder)
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
            var response = await call(engine.Server, translator.ToMicrosoft<TDaprRequest, TMsRequest>(request), context)
                .ConfigureAwait(false);
            return translator.ToDapr<TMsResponse, TDaprResponse>(response);
        });

    /// <summary>The work-item stream: open until the worker disconnects or the app's engine stops.</summary>
    public Task StreamWorkItemsAsync(
        TaskHubRpc rpc, D.GetWorkItemsRequest request, IServerStreamWriter<D.WorkItem> stream, ServerCallContext context) =>
        RunAsync(rpc, request, context, async engine =>
        {
            await engine.ServeWorkerAsync(translator.ToMicrosoft<D.GetWorkItemsRequest, M.GetWorkItemsRequest>(request),
                new TranslatingStreamWriter<M.WorkItem, D.WorkItem>(stream, translator), context).ConfigureAwait(false);
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
