using Dapr.Workflow;
using Dapr.Workflow.Abstractions;
using Dapr.Workflow.Worker;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.OrderService.Workflow.Retention;

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

    [Fact]
    public void Retention_and_both_retry_sections_are_bound_over_their_defaults_and_the_purger_runs_as_a_hosted_service()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OrderWorkflow:Retention:PageSize"] = "7",
            ["OrderWorkflow:FaultRetry:Window"] = "00:20:00",
        });
        builder.AddOrderWorkflow();
        using var services = builder.Services.BuildServiceProvider();
        var retry = services.GetRequiredService<IOptionsMonitor<RetrySettingsOptions>>();

        services.GetRequiredService<IOptions<WorkflowRetentionOptions>>().Value.PageSize.Should().Be(7);
        retry.Get(WorkflowRetrySections.Fault).ToSettings().Should().Be(RetrySettings.DefaultFault with { Window = TimeSpan.FromMinutes(20) });
        retry.Get(WorkflowRetrySections.Compensation).ToSettings().Should().Be(RetrySettings.DefaultCompensation);
        builder.Services.Should().Contain(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WorkflowHistoryPurger));
    }

    [Theory]
    [InlineData("00:00:02", "00:00:02", "00:00:02", null)]
    [InlineData("00:00:02", "00:00:01", "00:00:02", "MaxInterval must not be below FirstInterval.")]
    [InlineData("00:00:02", "00:00:02", "00:00:01", "Window must not be below FirstInterval.")]
    public void Retry_settings_refuse_an_interval_cap_or_window_below_the_first_interval(string first, string max, string window, string? error)
    {
        var options = new RetrySettingsOptions { FirstInterval = TimeSpan.Parse(first), MaxInterval = TimeSpan.Parse(max), Window = TimeSpan.Parse(window) };
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        results.Select(r => r.ErrorMessage).Should().Equal(error is null ? [] : [error]);
    }
}
