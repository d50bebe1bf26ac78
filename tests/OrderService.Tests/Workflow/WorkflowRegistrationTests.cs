using Dapr.Workflow;
using Dapr.Workflow.Abstractions;
using Dapr.Workflow.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>The workflow worker's registry as order-service builds it: every name once, and no duplicate warnings.</summary>
public sealed class WorkflowRegistrationTests : IDisposable
{
    private static readonly string[] Activities =
    [
        nameof(CheckStockActivity), nameof(ReserveStockActivity), nameof(ReleaseStockActivity), nameof(CommitStockActivity),
        nameof(ProcessPaymentActivity), nameof(RefundPaymentActivity), nameof(ShipOrderActivity), nameof(RecordOrderStatusActivity),
        nameof(CheckStockStepActivity), nameof(ReserveStockStepActivity), nameof(ProcessPaymentStepActivity), nameof(ShipOrderStepActivity),
        nameof(CommitStockStepActivity),
    ];

    private readonly ServiceProvider provider;
    private readonly IWorkflowsFactory factory;

    public WorkflowRegistrationTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace)).AddFakeLogging();
        builder.AddOrderWorkflow();
        provider = builder.Services.BuildServiceProvider();
        factory = provider.GetRequiredService<IWorkflowsFactory>();
    }

    private IReadOnlyList<FakeLogRecord> Logs => provider.GetFakeLogCollector().GetSnapshot();

    public void Dispose() => provider.Dispose();

    [Fact]
    public void The_workflow_and_each_activity_are_registered_exactly_once_without_warnings()
    {
        Logs.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message).Should().BeEmpty();
        Logs.Select(l => l.Message).Where(m => m.StartsWith("Registered workflow", StringComparison.Ordinal))
            .Should().Equal($"Registered workflow '{nameof(OrderWorkflow)}'");
        Logs.Select(l => l.Message).Where(m => m.StartsWith("Registered activity", StringComparison.Ordinal))
            .Should().BeEquivalentTo(Activities.Select(a => $"Registered activity '{a}'"));
    }

    [Fact]
    public void The_worker_can_create_the_order_workflow_by_the_name_the_api_schedules()
    {
        factory.TryCreateWorkflow(new TaskIdentifier(nameof(OrderWorkflow)), provider, out var workflow, out var error).Should().BeTrue(error?.Message);

        workflow.Should().BeOfType<OrderWorkflow>();
    }

    [Fact]
    public void The_api_gets_the_workflow_client_through_its_interface()
    {
        provider.GetRequiredService<IDaprWorkflowClient>().Should().BeSameAs(provider.GetRequiredService<DaprWorkflowClient>());
    }
}
