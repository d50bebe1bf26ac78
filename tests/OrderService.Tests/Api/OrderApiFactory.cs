using Dapr.Client;
using Dapr.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.OrderService.Downstream;
using OrderService.Tests.Support;

namespace OrderService.Tests.Api;

/// <summary>
/// The order API in-process with a mocked <see cref="DaprClient"/> (over <see cref="FakeStateStore"/>), a mocked
/// <see cref="IDaprWorkflowClient"/>, a fixed clock, inventory-service's check-stock faked (<see cref="FakeInventory"/>),
/// and the Dapr workflow worker removed (it would dial a sidecar).
/// </summary>
public sealed class OrderApiFactory : WebApplicationFactory<Program>
{
    public Mock<DaprClient> Dapr { get; } = new();
    public Mock<IDaprWorkflowClient> Workflows { get; } = new();
    internal FakeStateStore Store { get; private set; } = new();
    public FakeTimeProvider Clock { get; } = new(TestOrders.Now);
    internal FakeInventory Inventory { get; } = new();

    /// <summary>Fresh mocks and an empty store for the next test (tests of the collection run one at a time).</summary>
    public void Reset()
    {
        Dapr.Reset();
        Workflows.Reset();
        Store = new FakeStateStore();
        Store.Attach(Dapr);
        Inventory.Reset();
        Dapr.Setup(d => d.PublishEventAsync(Components.PubSub, Topics.Orders, It.IsAny<OrderEvent>(), It.IsAny<Dictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        Workflows.Setup(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()))
            .ReturnsAsync((string _, string id, object _) => id);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Orders:ApprovalThreshold", "1000");
        builder.UseSetting("Orders:EventTtlSeconds", "900");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(Dapr.Object);
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

/// <summary>Base for API tests: one shared host, reset before each test.</summary>
[Collection(OrderApiCollection.Name)]
public abstract class OrderApiTests
{
    protected OrderApiTests(OrderApiFactory api)
    {
        Api = api;
        api.Reset();
        Client = api.CreateClient();
    }

    protected OrderApiFactory Api { get; }
    protected HttpClient Client { get; }
}
