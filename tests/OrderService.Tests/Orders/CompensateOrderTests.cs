using System.Net;
using System.Net.Http.Json;
using Dapr.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Orders.Compensation;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;
using OrderService.Tests.Api;
using OrderService.Tests.Support;

namespace OrderService.Tests.Orders;

/// <summary>The operator's compensation of a failed or cancelled order: refund, release, a history entry.</summary>
public sealed class CompensateOrderTests
{
    private readonly FakeStateStore store = new();
    private readonly Downstream downstream = new();
    private readonly CompensateOrderHandler handler;

    public CompensateOrderTests()
    {
        var dapr = new Mock<DaprClient>();
        store.Attach(dapr);
        handler = new CompensateOrderHandler(
            new OrderRepository(dapr.Object),
            new PaymentClient(new HttpClient(downstream) { BaseAddress = new Uri("http://payment-service/") }),
            new InventoryClient(new HttpClient(downstream) { BaseAddress = new Uri("http://inventory-service/") }),
            new FakeTimeProvider(TestOrders.Now.AddHours(1)),
            NullLogger<CompensateOrderHandler>.Instance);
    }

    [Fact]
    public async Task A_failed_order_is_refunded_and_released_and_the_attempt_is_in_its_history()
    {
        store.Put("ord-1", TestOrders.Stored("ord-1", OrderStatus.Failed));

        var outcome = await handler.HandleAsync("ord-1", CancellationToken.None);

        outcome.Problems.Should().BeEmpty();
        downstream.Calls.Should().Equal("/refund ord-1", "/release ord-1");
        var last = store.Get<StoredOrder>("ord-1")!.History[^1];
        last.Should().Be(new OrderStatusChange(OrderStatus.Failed, TestOrders.Now.AddHours(1), "operator compensation: refund Refunded, stock release Released"));
        outcome.Order!.Status.Should().Be(OrderStatus.Failed);
    }

    [Fact]
    public async Task A_step_that_still_fails_is_reported_and_recorded_and_the_other_step_still_runs()
    {
        store.Put("ord-2", TestOrders.Stored("ord-2", OrderStatus.Cancelled));
        downstream.FailRefundWith = HttpStatusCode.ServiceUnavailable;

        var outcome = await handler.HandleAsync("ord-2", CancellationToken.None);

        outcome.Problems.Should().ContainSingle().Which.Should().StartWith("refund failed:").And.Contain("503");
        downstream.Calls.Should().Equal("/refund ord-2", "/release ord-2");
        store.Get<StoredOrder>("ord-2")!.History[^1].Detail.Should()
            .StartWith("operator compensation incomplete: refund failed").And.EndWith("(stock release Released)");
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Completed)]
    public async Task Only_failed_or_cancelled_orders_are_compensated(OrderStatus status)
    {
        store.Put("ord-3", TestOrders.Stored("ord-3", status));

        var outcome = await handler.HandleAsync("ord-3", CancellationToken.None);

        outcome.Conflict.Should().Contain(status.ToString());
        downstream.Calls.Should().BeEmpty();
        store.Get<StoredOrder>("ord-3")!.History.Should().HaveCount(TestOrders.Stored("ord-3", status).History.Count);
    }

    [Fact]
    public async Task An_unknown_order_is_not_found()
    {
        var outcome = await handler.HandleAsync("ord-none", CancellationToken.None);

        outcome.Found.Should().BeFalse();
        downstream.Calls.Should().BeEmpty();
    }

    /// <summary>payment-service's refund and inventory-service's release behind the typed clients.</summary>
    private sealed class Downstream : HttpMessageHandler
    {
        public List<string> Calls { get; } = [];

        public HttpStatusCode? FailRefundWith { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/refund")
            {
                var refund = (await request.Content!.ReadFromJsonAsync<RefundRequest>(JsonDefaults.Options, cancellationToken))!;
                Calls.Add($"{path} {refund.OrderId}");
                return FailRefundWith is { } status
                    ? new HttpResponseMessage(status)
                    : Json(new RefundResult(refund.OrderId, RefundStatus.Refunded));
            }

            var release = (await request.Content!.ReadFromJsonAsync<ReleaseStockRequest>(JsonDefaults.Options, cancellationToken))!;
            Calls.Add($"{path} {release.ReservationId}");
            return Json(new ReservationResult(release.ReservationId, ReservationStatus.Released, []));
        }

        private static HttpResponseMessage Json<T>(T body) => new(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: JsonDefaults.Options) };
    }
}
