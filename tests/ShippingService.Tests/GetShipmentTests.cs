using System.Net;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Shipments;
using OrderPlatform.ShippingService.Tests.Support;

namespace OrderPlatform.ShippingService.Tests;

public sealed class GetShipmentTests : ShippingTest
{
    [Fact]
    public async Task Get_returns_the_stored_shipment()
    {
        var client = Factory.CreateClient();
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
    public async Task Get_returns_a_shipment_another_replica_stored()
    {
        var client = Factory.CreateClient();
        var stored = new Shipment("o-11", "cust-1", ShipmentStatus.Rejected, null, "no carrier", [], Requests.Berlin, DateTimeOffset.UnixEpoch);
        await Factory.StoreAsync(stored);

        var shipment = await (await client.GetAsync("/api/shipments/o-11")).ReadAsync<Shipment>();

        shipment.Should().BeEquivalentTo(stored);
    }

    [Fact]
    public async Task Get_unknown_order_is_a_404_problem()
    {
        var response = await Factory.CreateClient().GetAsync("/api/shipments/nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task An_id_no_shipment_can_have_is_not_looked_up()
    {
        var client = Factory.CreateClient();

        var response = await client.GetAsync("/api/shipments/o%7C%7C1");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Factory.Hooks.Calls(GetState).Should().Be(0);
    }
}
