using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Shipments;
using OrderPlatform.ShippingService.Storage;
using OrderPlatform.ShippingService.Tests.Support;
using OrderPlatform.Testing;

namespace OrderPlatform.ShippingService.Tests;

/// <summary>What the mutation run found unchecked: exact problem and error texts, and the store traffic of a first shipment.</summary>
public sealed class ShipmentEdgeTests : ShippingTest
{
    [Fact]
    public async Task An_unknown_order_is_a_404_that_names_it()
    {
        var response = await Factory.CreateClient().GetAsync("/api/shipments/nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadAsync<ProblemBody>()).Should().Be(new ProblemBody(404, "No shipment for order 'nope'.", null, null));
    }

    [Fact]
    public void A_blank_entry_is_refused_with_a_message_naming_the_setting()
    {
        Factory.Settings["Shipping:UnserviceablePostalCodes:0"] = " ";

        var start = () => Factory.Start();

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("''UnserviceablePostalCodes' has a blank entry.'");
    }

    [Fact]
    public async Task A_first_shipment_is_inserted_once_and_never_read()
    {
        var client = Factory.CreateClient();

        var response = await client.PostJsonAsync("/ship", Requests.Ship("o-once", Requests.Berlin));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Factory.Hooks.Calls(GetState).Should().Be(0, "the insert won: there is no winner to read back");
        Factory.Hooks.Calls(SaveState).Should().Be(1);
    }

    [Fact]
    public async Task A_lost_insert_whose_winner_vanished_is_an_error_naming_the_order()
    {
        // Another replica stores the order's shipment just before this request's insert, and it is deleted before the
        // request reads the winner back: nothing to return, nothing stored by this request. Reads: the kit's check
        // that the failed insert lost a race (StateStore.TrySaveAsync), then the winner's.
        Factory.CreateClient();
        var key = StateKeys.Shipment("o-gone");
        Factory.Hooks.Before(SaveState, ct => Factory.StoreAsync(
            new Shipment("o-gone", "cust-1", ShipmentStatus.Shipped, "TRK-OTHER", null, [], Requests.Berlin, DateTimeOffset.UnixEpoch), ct));
        Factory.Hooks.Before(GetState, ct => Factory.Hooks.Calls(GetState) == 2
            ? Factory.Dapr.DeleteStateAsync(Components.ShippingStore, key, cancellationToken: ct)
            : Task.CompletedTask);
        var handler = Factory.Services.GetRequiredService<ShipmentHandler>();

        var ship = () => handler.ShipAsync(Requests.Ship("o-gone", Requests.Berlin), CancellationToken.None);

        await ship.Should().ThrowAsync<InvalidOperationException>().WithMessage("Shipment for order 'o-gone' was neither inserted nor found.");
        (await Factory.StoredAsync("o-gone")).Should().BeNull();
    }
}
