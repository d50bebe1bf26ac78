using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using D = Dapr.DurableTask.Protobuf;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Workflows.Grpc;

/// <summary>
/// Registers every RPC of Dapr's TaskHubSidecarService. Dapr.Protos-style: the Dapr fork ships client stubs only,
/// so the server methods are built from its message types. RPCs the engine cannot serve answer Unimplemented.
/// </summary>
internal sealed class TaskHubMethodProvider : IServiceMethodProvider<TaskHubService>
{
    private static readonly string ServiceName = D.TaskHubSidecarService.Descriptor.FullName;

    /// <summary>Every RPC this provider serves (a test checks it against Dapr's service descriptor).</summary>
    public static IReadOnlyList<TaskHubRpc> Rpcs { get; } =
    [
        new("Hello", "workflow.hello"), new("StartInstance", "workflow.schedule"), new("GetInstance", "workflow.get"),
        new("WaitForInstanceStart", "workflow.wait-start"), new("WaitForInstanceCompletion", "workflow.wait-completion"),
        new("RaiseEvent", "workflow.raise"), new("TerminateInstance", "workflow.terminate"),
        new("SuspendInstance", "workflow.suspend"), new("ResumeInstance", "workflow.resume"),
        new("PurgeInstances", "workflow.purge"), new("GetWorkItems", "workflow.work-items"),
        new("CompleteActivityTask", "workflow.activity-complete"),
        new("CompleteOrchestratorTask", "workflow.workflow-complete"),
        new("CompleteWorkflowTask", "workflow.workflow-complete"),
        new("ListInstanceIDs", "workflow.list"), new("GetInstanceHistory", "workflow.history"),
        new("RerunWorkflowFromEvent", "workflow.rerun"),
    ];

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TaskHubService> context)
    {
        Forward<Empty, Empty, Empty, Empty>(context, "Hello", (s, r, c) => s.Hello(r, c));
        Forward<D.CreateInstanceRequest, D.CreateInstanceResponse, M.CreateInstanceRequest, M.CreateInstanceResponse>(
            context, "StartInstance", (s, r, c) => s.StartInstance(r, c));
        Forward<D.GetInstanceRequest, D.GetInstanceResponse, M.GetInstanceRequest, M.GetInstanceResponse>(
            context, "GetInstance", (s, r, c) => s.GetInstance(r, c));
        Forward<D.GetInstanceRequest, D.GetInstanceResponse, M.GetInstanceRequest, M.GetInstanceResponse>(
            context, "WaitForInstanceStart", (s, r, c) => s.WaitForInstanceStart(r, c));
        Forward<D.GetInstanceRequest, D.GetInstanceResponse, M.GetInstanceRequest, M.GetInstanceResponse>(
            context, "WaitForInstanceCompletion", (s, r, c) => s.WaitForInstanceCompletion(r, c));
        Forward<D.RaiseEventRequest, D.RaiseEventResponse, M.RaiseEventRequest, M.RaiseEventResponse>(
            context, "RaiseEvent", (s, r, c) => s.RaiseEvent(r, c));
        Forward<D.TerminateRequest, D.TerminateResponse, M.TerminateRequest, M.TerminateResponse>(
            context, "TerminateInstance", (s, r, c) => s.TerminateInstance(r, c));
        Forward<D.SuspendRequest, D.SuspendResponse, M.SuspendRequest, M.SuspendResponse>(
            context, "SuspendInstance", (s, r, c) => s.SuspendInstance(r, c));
        Forward<D.ResumeRequest, D.ResumeResponse, M.ResumeRequest, M.ResumeResponse>(
            context, "ResumeInstance", (s, r, c) => s.ResumeInstance(r, c));
        Forward<D.PurgeInstancesRequest, D.PurgeInstancesResponse, M.PurgeInstancesRequest, M.PurgeInstancesResponse>(
            context, "PurgeInstances", (s, r, c) => s.PurgeInstances(r, c));
        Forward<D.ActivityResponse, D.CompleteTaskResponse, M.ActivityResponse, M.CompleteTaskResponse>(
            context, "CompleteActivityTask", (s, r, c) => s.CompleteActivityTask(r, c));
        Forward<D.WorkflowResponse, D.CompleteTaskResponse, M.OrchestratorResponse, M.CompleteTaskResponse>(
            context, "CompleteOrchestratorTask", (s, r, c) => s.CompleteOrchestratorTask(r, c));
        Forward<D.WorkflowResponse, D.CompleteTaskResponse, M.OrchestratorResponse, M.CompleteTaskResponse>(
            context, "CompleteWorkflowTask", (s, r, c) => s.CompleteOrchestratorTask(r, c));
        context.AddServerStreamingMethod(
            Method<D.GetWorkItemsRequest, D.WorkItem>(MethodType.ServerStreaming, "GetWorkItems"), [],
            (service, request, stream, call) => service.StreamWorkItemsAsync(Rpc("GetWorkItems"), request, stream, call));
        Serve<D.ListInstanceIDsRequest, D.ListInstanceIDsResponse>(context, "ListInstanceIDs", InstanceIdListing.ListAsync);
        Serve<D.GetInstanceHistoryRequest, D.GetInstanceHistoryResponse>(context, "GetInstanceHistory", (_, _, _) =>
            throw Unimplemented("GetInstanceHistory", "the in-memory engine keeps no readable history"));
        Serve<D.RerunWorkflowFromEventRequest, D.RerunWorkflowFromEventResponse>(context, "RerunWorkflowFromEvent", (_, _, _) =>
            throw Unimplemented("RerunWorkflowFromEvent", "the in-memory engine cannot replay an instance from an event"));
    }

    private static RpcException Unimplemented(string rpc, string reason) =>
        new(new Status(StatusCode.Unimplemented, $"{rpc} is not supported by the dev sidecar: {reason}."));

    private static TaskHubRpc Rpc(string name) => Rpcs.Single(r => r.Name == name);

    private static void Forward<TDReq, TDResp, TMReq, TMResp>(
        ServiceMethodProviderContext<TaskHubService> context,
        string name,
        Func<Microsoft.DurableTask.Testing.Sidecar.Grpc.TaskHubGrpcServer, TMReq, ServerCallContext, Task<TMResp>> call)
        where TDReq : class, IMessage<TDReq>, new()
        where TDResp : class, IMessage<TDResp>, new()
        where TMReq : IMessage<TMReq>, new()
        where TMResp : IMessage<TMResp> =>
        context.AddUnaryMethod(Method<TDReq, TDResp>(MethodType.Unary, name), [], (service, request, call2) =>
            service.ForwardAsync<TDReq, TDResp, TMReq, TMResp>(Rpc(name), request, call2, call));

    private static void Serve<TReq, TResp>(
        ServiceMethodProviderContext<TaskHubService> context,
        string name,
        Func<Engine.WorkflowEngine, TReq, ServerCallContext, Task<TResp>> body)
        where TReq : class, IMessage<TReq>, new()
        where TResp : class, IMessage<TResp>, new() =>
        context.AddUnaryMethod(Method<TReq, TResp>(MethodType.Unary, name), [], (service, request, call) =>
            service.RunAsync(Rpc(name), request, call, engine => body(engine, request, call)));

    private static Method<TReq, TResp> Method<TReq, TResp>(MethodType type, string name)
        where TReq : class, IMessage<TReq>, new()
        where TResp : class, IMessage<TResp>, new() =>
        new(type, ServiceName, name, Marshaller<TReq>(), Marshaller<TResp>());

    private static Marshaller<T> Marshaller<T>()
        where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}
