using System.Net;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Shipments;
using OrderPlatform.ShippingService.Tests.Support;
using OrderPlatform.Testing;

namespace OrderPlatform.ShippingService.Tests;

public sealed class DestinationTests : ShippingTest
{
    [Theory]
    [InlineData("AQ")]
    [InlineData("aq")]
    public async Task Unserviceable_country_is_rejected_with_a_reason_that_is_recorded(string country)
    {
        var response = await Factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-aq", Requests.Berlin with { Country = country }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await response.ReadAsync<ShipmentResult>();
        result.Status.Should().Be(ShipmentStatus.Rejected);
        result.TrackingNumber.Should().BeNull();
        result.Reason.Should().Contain("country").And.Contain(country);
        var stored = (await Factory.StoredAsync("o-aq"))!;
        stored.Status.Should().Be(ShipmentStatus.Rejected);
        stored.Reason.Should().Be(result.Reason);
    }

    [Fact]
    public async Task Unserviceable_postal_code_is_rejected_with_a_reason()
    {
        var response = await Factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-pc", Requests.Berlin with { PostalCode = "00000" }));

        var result = await response.ReadAsync<ShipmentResult>();
        result.Status.Should().Be(ShipmentStatus.Rejected);
        result.Reason.Should().Contain("postal code").And.Contain("00000");
        (await Factory.StoredAsync("o-pc"))!.Status.Should().Be(ShipmentStatus.Rejected);
    }

    [Fact]
    public async Task No_address_means_collect_in_store_with_a_tracking_number()
    {
        var response = await Factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-cis", address: null));

        var result = await response.ReadAsync<ShipmentResult>();
        result.Status.Should().Be(ShipmentStatus.Shipped);
        result.TrackingNumber.Should().MatchRegex("^TRK-[A-Z0-9]{12}$");
        result.Reason.Should().Be(Shipment.CollectInStore);
    }

    [Fact]
    public async Task Unserviceable_lists_come_from_configuration()
    {
        Factory.Settings["Shipping:UnserviceableCountries:0"] = "KP";
        Factory.Settings["Shipping:UnserviceablePostalCodes:0"] = "99999";
        var client = Factory.CreateClient();

        var korea = await (await client.PostJsonAsync("/ship", Requests.Ship("o-kp", Requests.Berlin with { Country = "KP" }))).ReadAsync<ShipmentResult>();
        var postal = await (await client.PostJsonAsync("/ship", Requests.Ship("o-99", Requests.Berlin with { PostalCode = "99999" }))).ReadAsync<ShipmentResult>();
        var antarctica = await (await client.PostJsonAsync("/ship", Requests.Ship("o-aq2", Requests.Berlin with { Country = "AQ" }))).ReadAsync<ShipmentResult>();

        korea.Status.Should().Be(ShipmentStatus.Rejected);
        postal.Status.Should().Be(ShipmentStatus.Rejected);
        antarctica.Status.Should().Be(ShipmentStatus.Shipped);
    }

    [Theory]
    [InlineData("Shipping:UnserviceableCountries:1", "UnserviceableCountries")]
    [InlineData("Shipping:UnserviceablePostalCodes:1", "UnserviceablePostalCodes")]
    public void A_blank_unserviceable_entry_stops_the_service_at_start_up(string setting, string named)
    {
        Factory.Settings[setting] = " ";

        var start = () => Factory.Start();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(named);
    }
}
