using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>
/// The CD smoke tests order seeded products after every deployment: on Azure inventory-service tops the seed
/// catalogue back up at start-up (Inventory:SeedMode=TopUp), so the smoke tests never run out of stock. Only there.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class SmokeDataTests(BicepFixture bicep)
{
    private string? Setting(string appId, string name) =>
        bicep.Snapshot.ContainerApp(appId)["properties"]!["template"]!["containers"]![0]!["env"]!.AsArray()
            .SingleOrDefault(e => (string)e!["name"]! == name)?["value"]?.ToString();

    [Fact]
    public void Inventory_service_tops_the_seed_catalogue_up_on_every_start()
    {
        Setting(AppIds.InventoryService, "Inventory__SeedMode").Should().Be("TopUp");
    }

    [Fact]
    public void No_other_service_gets_the_inventory_setting()
    {
        foreach (var appId in AppIds.All.Where(a => a != AppIds.InventoryService))
        {
            Setting(appId, "Inventory__SeedMode").Should().BeNull(appId);
        }
    }

    [Fact]
    public void Order_service_reads_the_client_ip_of_its_write_limit_from_the_ingress_forwarded_for_header_and_nothing_else_does()
    {
        // MicrosoftDocs/azure-docs articles/container-apps/ingress-overview.md: the ingress appends the sender's IP to
        // X-Forwarded-For; without this every anonymous caller would share the proxy's address and one write budget.
        Setting(AppIds.OrderService, "RequestLimits__ClientIpFromForwardedFor").Should().Be("true");
        foreach (var appId in AppIds.All.Where(a => a != AppIds.OrderService))
        {
            Setting(appId, "RequestLimits__ClientIpFromForwardedFor").Should().BeNull(appId);
        }
    }
}
