using Dapr.Client;
using Dapr.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.Testing;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// The order API in-process against the dev sidecar hosted in the test process (<see cref="SidecarServiceFactory{TProgram}"/>:
/// real DaprClient, real gRPC, the repository's components), every state and pub/sub request read on the way by
/// <see cref="SidecarServiceFactory{TProgram}.Hooks"/>. Kept as fakes: the <see cref="IDaprWorkflowClient"/> (these tests check what the API schedules
/// and raises; the workflow itself is tested with WorkflowHarness, and the worker, which would run orders through
/// faked downstream services, is removed), inventory-service's check-stock at the HttpClient level
/// (<see cref="FakeInventory"/>) and the clock.
/// </summary>
public sealed class OrderApiFactory() : SidecarServiceFactory<Program>(AppIds.OrderService)
{
    private OrdersState? state;

    public Mock<IDaprWorkflowClient> Workflows { get; } = new();
    public FakeTimeProvider Clock { get; } = new(TestOrders.Now);
    internal FakeInventory Inventory { get; } = new();

    /// <summary><c>orders-store</c> as order-service's app-id sees it, beside the service.</summary>
    internal OrdersState State => state ??= new OrdersState(Dapr);

    /// <summary>
    /// Fresh mocks and records for the next test (tests of the collection run one at a time). The store is not
    /// emptied: each test uses its own order ids and idempotency keys.
    /// </summary>
    public void Reset()
    {
        Workflows.Reset();
        Workflows.Setup(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()))
            .ReturnsAsync((string _, string id, object _) => id);
        Inventory.Reset();
        Hooks.ClearRecords();
        Hooks.Before("SaveState", null);
        Hooks.ResetCounts();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Orders:ApprovalThreshold", "1000");
        builder.UseSetting("Orders:EventTtlSeconds", "900");
        // The clock is fake: a conflict retry must not wait on it.
        builder.UseSetting("StateStore:ConflictDelay", "00:00:00");
        builder.UseSetting("StateStore:ConflictMaxDelay", "00:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(_ => Sidecar.CreateClient(Hooks));
            services.RemoveAll<IDaprWorkflowClient>();
            services.AddSingleton(Workflows.Object);
            services.AddHttpClient<InventoryClient>().ConfigurePrimaryHttpMessageHandler(Inventory.CreateHandler);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            var workflowWorkers = services
                .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(DaprWorkflowClient).Assembly)
                .ToList();
            workflowWorkers.Should().NotBeEmpty("AddDaprWorkflow registers the worker as a hosted service");
            workflowWorkers.ForEach(d => services.Remove(d));
        });
    }
}

[CollectionDefinition(Name)]
public sealed class OrderApiCollection : ICollectionFixture<OrderApiFactory>
{
    public const string Name = "order-api";
}

/// <summary>Base for API tests: one shared host and sidecar, mocks and records reset before each test.</summary>
[Collection(OrderApiCollection.Name)]
public abstract class OrderApiTests
{
    protected OrderApiTests(OrderApiFactory api)
    {
        Api = api;
        Client = api.CreateClient();
        api.Reset();
    }

    protected OrderApiFactory Api { get; }
    protected HttpClient Client { get; }

    internal OrdersState State => Api.State;

    internal DaprCallHooks Hooks => Api.Hooks;
}
