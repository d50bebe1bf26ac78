using Dapr.Workflow;
using OrderPlatform.DevSidecar.Telemetry;
using OrderPlatform.DevSidecar.Tests.Infrastructure;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Support;

/// <summary>
/// The whole dev sidecar (shared test host, free ports) serving two app-ids, each with its own Dapr.Workflow worker: "orders-app" hosts every sample,
/// "billing-app" only its own "Identify" workflow. Shared by the workflow tests (instance ids are unique per test).
/// </summary>
public sealed class WorkflowFixture : IAsyncLifetime
{
    public const string OrdersApp = "orders-app";
    public const string BillingApp = "billing-app";

    internal SidecarTestHost Sidecar { get; private set; } = null!;

    internal CallRecorder Calls => Sidecar.GetRequiredService<CallRecorder>();

    internal WorkflowApp Orders { get; private set; } = null!;

    internal WorkflowApp Billing { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sidecar = await SidecarTestHost.StartAsync(o => o.AddApp(OrdersApp).AddApp(BillingApp));
        Orders = await WorkflowApp.StartAsync(Sidecar.GrpcEndpoint(OrdersApp), RegisterOrdersApp);
        Billing = await WorkflowApp.StartAsync(Sidecar.GrpcEndpoint(BillingApp), o =>
            o.RegisterWorkflow<BillingIdentifyWorkflow>("Identify"));
    }

    public async Task DisposeAsync()
    {
        await Orders.DisposeAsync();
        await Billing.DisposeAsync();
        await Sidecar.DisposeAsync();
    }

    private static void RegisterOrdersApp(WorkflowRuntimeOptions options)
    {
        options.RegisterWorkflow<ChainWorkflow>();
        options.RegisterWorkflow<CompensatingWorkflow>();
        options.RegisterWorkflow<ParentWorkflow>();
        options.RegisterWorkflow<ChildWorkflow>();
        options.RegisterWorkflow<ApprovalWorkflow>();
        options.RegisterWorkflow<WaitForGoWorkflow>();
        options.RegisterWorkflow<TimerWorkflow>();
        options.RegisterWorkflow<RacingEventsWorkflow>();
        options.RegisterWorkflow<RendezvousWorkflow>();
        options.RegisterActivity<RendezvousActivity>();
        options.RegisterWorkflow<OrdersIdentifyWorkflow>("Identify");
        options.RegisterActivity<ReserveActivity>();
        options.RegisterActivity<ChargeActivity>();
        options.RegisterActivity<ReleaseActivity>();
        options.RegisterActivity<ShipActivity>();
    }
}

[CollectionDefinition(Name)]
public sealed class WorkflowCollection : ICollectionFixture<WorkflowFixture>
{
    public const string Name = "workflow sidecar";
}
