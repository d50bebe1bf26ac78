using System.Net;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Shipments;
using ShippingService.Tests.Infrastructure;

namespace ShippingService.Tests;

public sealed class GetShipmentTests : IDisposable
{
    private readonly ShippingApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Get_returns_the_stored_shipment()
    {
        var client = factory.CreateClient();
        var shipped = await (await client.PostJsonAsync("/ship", Requests.Ship("o-10", Requests.Berlin))).ReadAsync<ShipmentResult>();

        var response = await client.GetAsync("/api/shipments/o-10");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var shipment = await response.ReadAsync<Shipment>();
        shipment.OrderId.Should().Be("o-10");
        shipment.Status.Should().Be(ShipmentStatus.Shipped);
        shipment.TrackingNumber.Should().Be(shipped.TrackingNumber);
        shipment.Items.Should().ContainSingle().Which.ProductId.Should().Be("sku-1");
    }

    [Fact]
    public async Task Get_unknown_order_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/shipments/nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
