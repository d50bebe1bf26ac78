using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Orders.Operators;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Orders;

/// <summary>
/// Operator actions: compensating a failed or cancelled order (refund, release) and committing a shipped order's stock,
/// each attempt written to the order's history.
/// </summary>
public sealed class OrderRepairsTests : IAsyncLifetime
{
    private readonly FakeDownstream downstream = new();
    private OrdersSidecar sidecar = null!;
    private OrderRepairs handler = null!;

    private OrdersState Store => sidecar.State;

    public async Task InitializeAsync()
    {
        sidecar = await OrdersSidecar.StartAsync();
        handler = new OrderRepairs(
            new OperatorActions(new OrderRepository(sidecar.Store()), new FakeTimeProvider(TestOrders.Now.AddHours(1)), NullLogger<OperatorActions>.Instance),
            FakeDownstreamClients.Payments(downstream), FakeDownstreamClients.Inventory(downstream));
    }

    public async Task DisposeAsync() => await sidecar.DisposeAsync();

    [Fact]
    public async Task A_failed_order_is_refunded_and_released_and_the_attempt_is_in_its_history()
    {
        await Store.PutAsync("ord-1", TestOrders.Stored("ord-1", OrderStatus.Failed));

        var outcome = await handler.CompensateAsync("ord-1", CancellationToken.None);

        outcome.Problems.Should().BeEmpty();
        downstream.Calls.Should().Equal("/refund ord-1", "/release ord-1");
        var last = (await Store.GetAsync<StoredOrder>("ord-1"))!.History[^1];
        last.Should().Be(new OrderStatusChange(OrderStatus.Failed, TestOrders.Now.AddHours(1), "operator compensation: refund Refunded, stock release Released"));
        outcome.Order!.Status.Should().Be(OrderStatus.Failed);
    }

    [Fact]
    public async Task A_step_that_still_fails_is_reported_and_recorded_and_the_other_step_still_runs()
    {
        await Store.PutAsync("ord-2", TestOrders.Stored("ord-2", OrderStatus.Cancelled));
        downstream.FailRefundWith = HttpStatusCode.ServiceUnavailable;

        var outcome = await handler.CompensateAsync("ord-2", CancellationToken.None);

        outcome.Problems.Should().ContainSingle().Which.Should().StartWith("refund failed:").And.Contain("503");
        downstream.Calls.Should().Equal("/refund ord-2", "/release ord-2");
        (await Store.GetAsync<StoredOrder>("ord-2"))!.History[^1].Detail.Should()
            .StartWith("operator compensation incomplete: refund failed").And.EndWith("(stock release Released)");
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Completed)]
    public async Task Only_failed_or_cancelled_orders_are_compensated(OrderStatus status)
    {
        await Store.PutAsync("ord-3", TestOrders.Stored("ord-3", status));

        var outcome = await handler.CompensateAsync("ord-3", CancellationToken.None);

        outcome.Conflict.Should().Contain(status.ToString());
        downstream.Calls.Should().BeEmpty();
        (await Store.GetAsync<StoredOrder>("ord-3"))!.History.Should().HaveCount(TestOrders.Stored("ord-3", status).History.Count);
    }

    [Fact]
    public async Task An_unknown_order_is_not_found()
    {
        var outcome = await handler.CompensateAsync("ord-none", CancellationToken.None);

        outcome.Found.Should().BeFalse();
        downstream.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task A_shipped_orders_stock_is_committed_and_recorded()
    {
        await Store.PutAsync("ord-5", TestOrders.Stored("ord-5", OrderStatus.Completed));

        var outcome = await handler.CommitStockAsync("ord-5", CancellationToken.None);

        outcome.Problems.Should().BeEmpty();
        downstream.Calls.Should().Equal("/commit ord-5");
        (await Store.GetAsync<StoredOrder>("ord-5"))!.History[^1].Detail.Should().Be("operator stock commit: stock commit Committed");
    }

    [Fact]
    public async Task A_commit_that_is_refused_is_a_problem_and_only_shipped_or_completed_orders_are_committed()
    {
        await Store.PutAsync("ord-6", TestOrders.Stored("ord-6", OrderStatus.Shipped));
        await Store.PutAsync("ord-7", TestOrders.Stored("ord-7", OrderStatus.Failed));
        downstream.CommitAnswer = ReservationStatus.NotFound;

        var refused = await handler.CommitStockAsync("ord-6", CancellationToken.None);
        var notShipped = await handler.CommitStockAsync("ord-7", CancellationToken.None);

        refused.Problems.Should().Equal("stock commit NotFound");
        (await Store.GetAsync<StoredOrder>("ord-6"))!.History[^1].Detail.Should().Be("operator stock commit incomplete: stock commit NotFound");
        notShipped.Conflict.Should().Contain("Failed");
        downstream.Calls.Should().Equal("/commit ord-6");
    }

    [Fact]
    public async Task An_action_whose_steps_all_succeed_is_a_200_with_the_order_and_its_steps_in_the_history()
    {
        await Store.PutAsync("ord-8", TestOrders.Stored("ord-8", OrderStatus.Failed));

        var outcome = await Actions().RunAsync("ord-8", "repair", [OrderStatus.Failed], [Step("a", "done"), Step("b", "done")], CancellationToken.None);

        (await Store.GetAsync<StoredOrder>("ord-8"))!.History[^1].Detail.Should().Be("repair: a done, b done");
        var ok = outcome.ToResult("ord-8").Result.Should().BeOfType<Ok<OrderView>>().Subject;
        (ok.Value!.OrderId, ok.Value.History[^1].Detail).Should().Be(("ord-8", "repair: a done, b done"));
    }

    [Fact]
    public async Task An_action_with_failing_steps_is_a_502_naming_each_and_the_history_keeps_what_was_done()
    {
        await Store.PutAsync("ord-9", TestOrders.Stored("ord-9", OrderStatus.Failed));
        OperatorStep[] steps = [Step("a", "done"), Step("b", "refused", succeeded: false), Step("c", "done"), Failing("d")];

        var outcome = await Actions().RunAsync("ord-9", "repair", [OrderStatus.Failed], steps, CancellationToken.None);

        (await Store.GetAsync<StoredOrder>("ord-9"))!.History[^1].Detail.Should().Be("repair incomplete: b refused; d failed: no answer (a done, c done)");
        var problem = outcome.ToResult("ord-9").Result.Should().BeOfType<ProblemHttpResult>().Subject.ProblemDetails;
        (problem.Status, problem.Title, problem.Detail).Should().Be((502, "Operator action incomplete", "b refused; d failed: no answer"));
    }

    private OperatorActions Actions() =>
        new(new OrderRepository(sidecar.Store()), new FakeTimeProvider(TestOrders.Now.AddHours(1)), NullLogger<OperatorActions>.Instance);

    private static OperatorStep Step(string what, string answer, bool succeeded = true) =>
        new(what, _ => Task.FromResult(answer), _ => succeeded);

    private static OperatorStep Failing(string what) => new(what, _ => throw new InvalidOperationException("no answer"));
}
