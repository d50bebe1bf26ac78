using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using Moq.Protected;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Workflow.Activities;

namespace OrderPlatform.OrderService.Tests.Activities;

public sealed class DownstreamActivityTests
{
    private readonly Mock<HttpMessageHandler> handler = new();
    private readonly List<(HttpMethod Method, Uri Uri, string Body)> requests = [];

    private HttpClient Client(string appId, HttpStatusCode status, string json)
    {
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Returns(async (HttpRequestMessage request, CancellationToken ct) =>
            {
                requests.Add((request.Method, request.RequestUri!, await request.Content!.ReadAsStringAsync(ct)));
                return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            });
        return new HttpClient(handler.Object) { BaseAddress = new Uri($"http://{appId}") };
    }

    [Fact]
    public async Task Reserve_posts_camel_case_json_to_the_reserve_method_and_reads_the_result()
    {
        var inventory = new InventoryClient(Client("inventory-service", HttpStatusCode.OK, """{"reservationId":"ord-1","status":"reserved","shortages":[]}"""));

        var result = await new ReserveStockActivity(inventory).RunAsync(
            Mock.Of<WorkflowActivityContext>(), new ReserveStockRequest("ord-1", "ord-1", [new StockLine("sku-1", 2)]));

        result.Status.Should().Be(ReservationStatus.Reserved);
        var (method, uri, body) = requests.Should().ContainSingle().Subject;
        method.Should().Be(HttpMethod.Post);
        uri.Should().Be(new Uri("http://inventory-service/reserve"));
        JsonNode.Parse(body)!["items"]![0]!["productId"]!.GetValue<string>().Should().Be("sku-1");
        JsonNode.Parse(body)!["reservationId"]!.GetValue<string>().Should().Be("ord-1");
    }

    [Fact]
    public async Task A_payment_decline_is_a_result_not_an_error()
    {
        var payments = new PaymentClient(Client("payment-service", HttpStatusCode.OK,
            """{"orderId":"ord-1","paymentId":"","status":"declined","amount":60,"declineReason":"card expired","processedAt":"2026-03-14T10:00:00Z"}"""));

        var result = await new ProcessPaymentActivity(payments).RunAsync(
            Mock.Of<WorkflowActivityContext>(), new PaymentRequest("ord-1", "cust-1", 60m, "USD", "tok_visa"));

        result.Status.Should().Be(PaymentStatus.Declined);
        result.DeclineReason.Should().Be("card expired");
        requests.Single().Uri.Should().Be(new Uri("http://payment-service/process-payment"));
    }

    [Fact]
    public async Task A_non_success_answer_fails_the_activity()
    {
        var shipping = new ShippingClient(Client("shipping-service", HttpStatusCode.ServiceUnavailable, "{}"));

        var act = () => new ShipOrderActivity(shipping).RunAsync(
            Mock.Of<WorkflowActivityContext>(), new ShipmentRequest("ord-1", "cust-1", [new StockLine("sku-1", 1)], null));

        (await act.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        requests.Single().Uri.Should().Be(new Uri("http://shipping-service/ship"));
    }

    [Fact]
    public async Task Release_and_refund_call_their_compensation_methods()
    {
        var released = await new ReleaseStockActivity(new InventoryClient(Client("inventory-service", HttpStatusCode.OK, """{"reservationId":"ord-1","status":"released","shortages":[]}""")))
            .RunAsync(Mock.Of<WorkflowActivityContext>(), new ReleaseStockRequest("ord-1"));
        var refunded = await new RefundPaymentActivity(new PaymentClient(Client("payment-service", HttpStatusCode.OK, """{"orderId":"ord-1","status":"refunded"}""")))
            .RunAsync(Mock.Of<WorkflowActivityContext>(), new RefundRequest("ord-1", "cancelled"));

        released.Status.Should().Be(ReservationStatus.Released);
        refunded.Status.Should().Be(RefundStatus.Refunded);
        requests.Select(r => r.Uri.ToString()).Should().Equal("http://inventory-service/release", "http://payment-service/refund");
    }

    [Fact]
    public async Task Commit_posts_the_reservation_id_to_the_commit_method()
    {
        var inventory = new InventoryClient(Client("inventory-service", HttpStatusCode.OK, """{"reservationId":"ord-1","status":"committed","shortages":[]}"""));

        var result = await new CommitStockActivity(inventory).RunAsync(Mock.Of<WorkflowActivityContext>(), new CommitStockRequest("ord-1"));

        result.Status.Should().Be(ReservationStatus.Committed);
        var (_, uri, body) = requests.Should().ContainSingle().Subject;
        uri.Should().Be(new Uri("http://inventory-service/commit"));
        JsonNode.Parse(body)!["reservationId"]!.GetValue<string>().Should().Be("ord-1");
    }
}
