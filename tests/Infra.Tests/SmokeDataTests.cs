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
}
