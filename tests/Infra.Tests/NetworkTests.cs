namespace OrderPlatform.Infra.Tests;

/// <summary>
/// The two network modes of main.bicep: the default (public endpoints, PostgreSQL admitting Azure-internal addresses)
/// and the private-network mode (privateNetwork / PRIVATE_NETWORK: VNet, private endpoints, public access off).
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class NetworkTests(BicepFixture bicep)
{
    // Private link sub-resource per service type (Microsoft's private endpoint DNS zone table).
    private static readonly Dictionary<string, string> GroupIds = new()
    {
        ["Microsoft.DBforPostgreSQL/flexibleServers"] = "postgresqlServer",
        ["Microsoft.ServiceBus/namespaces"] = "namespace",
        ["Microsoft.KeyVault/vaults"] = "vault",
        ["Microsoft.ContainerRegistry/registries"] = "registry",
    };

    [Fact]
    public void Default_mode_keeps_public_endpoints_and_the_allow_Azure_rule_and_no_network()
    {
        var snapshot = bicep.Snapshot;
        foreach (var type in GroupIds.Keys)
        {
            PublicAccess(snapshot, type).Should().Be("Enabled", type);
        }

        snapshot.OfType("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules").Select(r => (string)r["properties"]!["startIpAddress"]!)
            .Should().Equal("0.0.0.0");
        snapshot.OfType("Microsoft.Network/virtualNetworks").Should().BeEmpty();
        snapshot.OfType("Microsoft.Network/privateEndpoints").Should().BeEmpty();
        Environment(snapshot)["vnetConfiguration"].Should().BeNull();
    }

    [Fact]
    public void Private_mode_turns_public_access_off_and_drops_the_firewall_rule()
    {
        var snapshot = bicep.PrivateSnapshot;
        foreach (var type in GroupIds.Keys)
        {
            PublicAccess(snapshot, type).Should().Be("Disabled", type);
        }

        snapshot.OfType("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules").Should().BeEmpty();
        ((string)snapshot.OfType("Microsoft.KeyVault/vaults").Single()["properties"]!["networkAcls"]!["defaultAction"]!).Should().Be("Deny");
        // Private endpoints need the Premium tier on Service Bus and Container Registry.
        ((string)snapshot.OfType("Microsoft.ServiceBus/namespaces").Single()["sku"]!["name"]!).Should().Be("Premium");
        ((string)snapshot.OfType("Microsoft.ContainerRegistry/registries").Single()["sku"]!["name"]!).Should().Be("Premium");
    }

    [Fact]
    public void Private_mode_gives_each_service_a_private_endpoint_registered_in_a_zone_linked_to_the_vnet()
    {
        var snapshot = bicep.PrivateSnapshot;
        var vnet = snapshot.OfType("Microsoft.Network/virtualNetworks").Should().ContainSingle().Subject;
        var endpointsSubnet = $"{(string)vnet["id"]!}/subnets/private-endpoints";
        var zones = snapshot.OfType("Microsoft.Network/privateDnsZones").ToDictionary(z => (string)z["id"]!);
        snapshot.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").Select(l => (string)l["properties"]!["virtualNetwork"]!["id"]!)
            .Should().HaveCount(zones.Count).And.AllBe((string)vnet["id"]!);

        var endpoints = snapshot.OfType("Microsoft.Network/privateEndpoints").ToList();
        endpoints.Should().HaveCount(GroupIds.Count);
        foreach (var (type, groupId) in GroupIds)
        {
            var serviceId = (string)snapshot.OfType(type).Single()["id"]!;
            var endpoint = endpoints.Should().ContainSingle(e =>
                (string)e["properties"]!["privateLinkServiceConnections"]![0]!["properties"]!["privateLinkServiceId"]! == serviceId, type).Subject;
            Snapshot.Strings(endpoint["properties"]!["privateLinkServiceConnections"]![0]!["properties"]!["groupIds"]).Should().Equal(groupId);
            ((string)endpoint["properties"]!["subnet"]!["id"]!).Should().Be(endpointsSubnet);

            var group = snapshot.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups")
                .Single(g => ((string)g["id"]!).StartsWith((string)endpoint["id"]! + "/", StringComparison.Ordinal));
            zones.Should().ContainKey((string)group["properties"]!["privateDnsZoneConfigs"]![0]!["properties"]!["privateDnsZoneId"]!);
        }
    }

    [Fact]
    public void Private_mode_puts_the_environment_in_the_delegated_subnet_and_keeps_the_ingress_external()
    {
        var vnet = bicep.PrivateSnapshot.OfType("Microsoft.Network/virtualNetworks").Single();
        var subnet = vnet["properties"]!["subnets"]!.AsArray().Single(s => (string)s!["name"]! == "container-apps")!;
        ((string)subnet["properties"]!["delegations"]![0]!["properties"]!["serviceName"]!).Should().Be("Microsoft.App/environments");

        var vnetConfiguration = Environment(bicep.PrivateSnapshot)["vnetConfiguration"]!;
        ((string)vnetConfiguration["infrastructureSubnetId"]!).Should().Be($"{(string)vnet["id"]!}/subnets/container-apps");
        ((bool)vnetConfiguration["internal"]!).Should().BeFalse("order-service keeps its public ingress");
    }

    [Fact]
    public void The_mode_is_one_azd_parameter()
    {
        var file = JsonNode.Parse(RepoPaths.ReadText("infra", "main.parameters.json"))!["parameters"]!;
        ((string)file["privateNetwork"]!["value"]!).Should().Be("${PRIVATE_NETWORK=false}");
        ((bool)bicep.MainTemplate["parameters"]!["privateNetwork"]!["defaultValue"]!).Should().BeFalse();
    }

    private static string PublicAccess(Snapshot snapshot, string type)
    {
        var properties = snapshot.OfType(type).Single()["properties"]!;
        return (string)(properties["publicNetworkAccess"] ?? properties["network"]!["publicNetworkAccess"])!;
    }

    private static JsonNode Environment(Snapshot snapshot) =>
        snapshot.OfType("Microsoft.App/managedEnvironments").Single()["properties"]!;
}
