using System.Net;
using System.Text;
using OrderPlatform.DevSidecar.Messaging.Delivery;

namespace OrderPlatform.DevSidecar.Tests.Messaging;

public class DeliveryResponseTests
{
    [Theory]
    [InlineData(200, "", DeliveryStatus.Success)]
    [InlineData(204, "", DeliveryStatus.Success)]
    [InlineData(200, """{"status":"SUCCESS"}""", DeliveryStatus.Success)]
    [InlineData(200, """{"status":""}""", DeliveryStatus.Success)]
    [InlineData(200, "not json", DeliveryStatus.Success)]
    [InlineData(200, """{"status":"retry"}""", DeliveryStatus.Retry)]
    [InlineData(200, """{"status":"DROP"}""", DeliveryStatus.Drop)]
    [InlineData(200, """{"status":"LATER"}""", DeliveryStatus.Retry)]
    [InlineData(404, "", DeliveryStatus.NotFound)]
    [InlineData(500, """{"status":"SUCCESS"}""", DeliveryStatus.Retry)]
    [InlineData(400, "", DeliveryStatus.Retry)]
    public async Task Reads_the_subscriber_answer_as_daprd_does(int status, string body, DeliveryStatus expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8) };

        (await DeliveryResponse.ClassifyAsync(response, CancellationToken.None)).Should().Be(expected);
    }
}
