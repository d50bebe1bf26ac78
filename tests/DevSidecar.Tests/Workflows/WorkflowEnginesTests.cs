using Microsoft.Extensions.Logging.Abstractions;
using OrderPlatform.DevSidecar.Workflows.Engine;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>Engines are created per app-id on first use and stopped together with the sidecar.</summary>
public sealed class WorkflowEnginesTests
{
    [Fact]
    public void Each_app_id_gets_one_engine_of_its_own()
    {
        using var engines = new WorkflowEngines(NullLoggerFactory.Instance);

        var orders = engines.For("order-service");

        engines.For("order-service").Should().BeSameAs(orders);
        engines.For("payment-service").Should().NotBeSameAs(orders);
        engines.AppIds.Should().BeEquivalentTo("order-service", "payment-service");
    }

    [Fact]
    public void No_engine_exists_before_an_app_uses_the_workflow_api()
    {
        using var engines = new WorkflowEngines(NullLoggerFactory.Instance);

        engines.AppIds.Should().BeEmpty();
    }

    [Fact]
    public void Stopping_the_engines_ends_their_work_item_streams()
    {
        using var engines = new WorkflowEngines(NullLoggerFactory.Instance);
        var engine = engines.For("order-service");

        engines.StopAll();

        engine.Stopping.IsCancellationRequested.Should().BeTrue();
    }
}
