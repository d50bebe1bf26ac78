using System.Net;
using System.Text;
using System.Text.Json;
using Moq.Protected;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Downstream;

namespace OrderPlatform.OrderService.Tests.Activities;

/// <summary>How an invoke client tells "the service could not answer" from the caller's own cancellation and from a bad answer.</summary>
public sealed class HttpJsonTests
{
    public static TheoryData<Exception, bool, bool> Cases => new()
    {
        { new HttpRequestException("connection refused"), false, true },
        { new HttpRequestException("connection refused"), true, true },
        { new TaskCanceledException("timed out"), false, true },
        { new TaskCanceledException("the caller went away"), true, false },
        { new JsonException("not json"), false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_a_failed_call_or_a_timeout_the_caller_did_not_ask_for_is_unreachable(Exception exception, bool callerCancelled, bool unreachable)
    {
        using var cts = new CancellationTokenSource();
        if (callerCancelled)
        {
            cts.Cancel();
        }

        Downstream.HttpJson.IsUnreachable(exception, cts.Token).Should().Be(unreachable);
    }

    [Fact]
    public async Task A_null_body_is_a_failed_call_naming_the_service_and_method()
    {
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("null", Encoding.UTF8, "application/json") });
        var inventory = new InventoryClient(new HttpClient(handler.Object) { BaseAddress = new Uri("http://inventory-service") });

        var act = () => inventory.CheckStockAsync(new CheckStockRequest([new StockLine("sku-1", 1)]));

        (await act.Should().ThrowAsync<HttpRequestException>()).WithMessage("inventory-service check-stock answered an empty body.");
    }
}
