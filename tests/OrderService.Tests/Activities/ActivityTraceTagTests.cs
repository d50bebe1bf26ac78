using System.Net;
using System.Text;
using Dapr.Workflow;
using Moq.Protected;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Activities;

/// <summary>
/// Each downstream activity tags the worker's span with the order id (the workflow instance id), so the order's trace
/// search finds its calls.
/// </summary>
public sealed class ActivityTraceTagTests
{
    private static readonly WorkflowActivityContext Context = Mock.Of<WorkflowActivityContext>(c => c.InstanceId == "ord-7");

    public static TheoryData<string> Activities => new()
    {
        nameof(CheckStockActivity), nameof(ReserveStockActivity), nameof(ReleaseStockActivity), nameof(CommitStockActivity),
        nameof(ProcessPaymentActivity), nameof(RefundPaymentActivity), nameof(ShipOrderActivity),
    };

    [Theory]
    [MemberData(nameof(Activities))]
    public async Task A_downstream_activity_tags_its_span_with_the_order_id(string activity)
    {
        using var span = new OrderSpan();

        await RunAsync(activity);

        span.OrderId.Should().Be("ord-7");
    }

    private static Task RunAsync(string activity)
    {
        const string reservation = """{"reservationId":"ord-7","status":"reserved","shortages":[]}""";
        const string payment = """{"orderId":"ord-7","paymentId":"pay-7","status":"charged","amount":60,"processedAt":"2026-03-14T10:00:00Z"}""";
        return activity switch
        {
            nameof(CheckStockActivity) => new CheckStockActivity(new InventoryClient(Answering("""{"available":true,"shortages":[]}""")))
                .RunAsync(Context, new CheckStockRequest([new StockLine("sku-1", 1)])),
            nameof(ReserveStockActivity) => new ReserveStockActivity(new InventoryClient(Answering(reservation)))
                .RunAsync(Context, new ReserveStockRequest("ord-7", "ord-7", [new StockLine("sku-1", 1)])),
            nameof(ReleaseStockActivity) => new ReleaseStockActivity(new InventoryClient(Answering(reservation))).RunAsync(Context, new ReleaseStockRequest("ord-7")),
            nameof(CommitStockActivity) => new CommitStockActivity(new InventoryClient(Answering(reservation))).RunAsync(Context, new CommitStockRequest("ord-7")),
            nameof(ProcessPaymentActivity) => new ProcessPaymentActivity(new PaymentClient(Answering(payment)))
                .RunAsync(Context, new PaymentRequest("ord-7", "cust-1", 60m, "USD", "tok_visa")),
            nameof(RefundPaymentActivity) => new RefundPaymentActivity(new PaymentClient(Answering("""{"orderId":"ord-7","status":"refunded"}""")))
                .RunAsync(Context, new RefundRequest("ord-7", "cancelled")),
            _ => new ShipOrderActivity(new ShippingClient(Answering("""{"orderId":"ord-7","status":"shipped","trackingNumber":"T-7"}""")))
                .RunAsync(Context, new ShipmentRequest("ord-7", "cust-1", [new StockLine("sku-1", 1)], null)),
        };
    }

    private static HttpClient Answering(string json)
    {
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        return new HttpClient(handler.Object) { BaseAddress = new Uri("http://downstream") };
    }
}
