using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>The Dapr components on the environment: types, identity-based auth, scopes equal to components/*.yaml.</summary>
[Collection(BicepCollection.Name)]
public sealed class DaprComponentsTests(BicepFixture bicep)
{
    private static readonly string[] StateStores =
    [
        Components.OrdersStore, Components.InventoryStore, Components.PaymentStore, Components.ShippingStore,
        Components.NotificationStore, Components.WorkflowStore,
    ];

    [Fact]
    public void Every_component_is_scoped_and_authenticates_with_an_identity_attached_to_each_scoped_app()
    {
        bicep.Snapshot.DaprComponents.Should().NotBeEmpty();
        foreach (var component in bicep.Snapshot.DaprComponents)
        {
            var name = Snapshot.ShortName(component);
            var scopes = Snapshot.Strings(component["properties"]!["scopes"]).ToList();
            scopes.Should().NotBeEmpty($"{name} must be scoped").And.BeSubsetOf(AppIds.All);

            if ((string?)component["properties"]!["componentType"] == "bindings.cron")
            {
                continue; // a schedule inside daprd: it reaches no Azure resource, so it has no identity
            }

            var clientId = Snapshot.Metadata(component).GetValueOrDefault("azureClientId");
            clientId.Should().NotBeNull($"{name} authenticates with a managed identity");
            var identityId = clientId![(clientId.IndexOf('\'', StringComparison.Ordinal) + 1)..clientId.IndexOf("',", StringComparison.Ordinal)];
            foreach (var appId in scopes)
            {
                bicep.Snapshot.ContainerApp(appId)["identity"]!["userAssignedIdentities"]!.AsObject()
                    .Select(i => i.Key).Should().Contain(identityId, $"{appId} needs the identity {name} authenticates with");
            }
        }
    }

    [Fact]
    public void Scopes_equal_the_local_components_yaml()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Combine("components"), "*.yaml"))
        {
            var yaml = Yaml.Parse(File.ReadAllText(file));
            if ((string?)yaml["kind"] != "Component")
            {
                continue;
            }

            var name = (string)yaml["metadata"]!["name"]!;
            Snapshot.Strings(bicep.Snapshot.DaprComponent(name)["properties"]!["scopes"])
                .Should().BeEquivalentTo(Snapshot.Strings(yaml["scopes"]), name);
        }
    }

    [Fact]
    public void State_stores_are_postgresql_v1_with_Entra_auth_and_only_the_workflow_store_holds_actors()
    {
        foreach (var name in StateStores)
        {
            var component = bicep.Snapshot.DaprComponent(name);
            ((string)component["properties"]!["componentType"]!).Should().Be("state.postgresql");
            ((string)component["properties"]!["version"]!).Should().Be("v1", "v1 supports the state query API");
            var metadata = Snapshot.Metadata(component);
            metadata["useAzureAD"].Should().Be("true");
            metadata["connectionString"].Should().NotContainAny("password", "Password");
            metadata.GetValueOrDefault("actorStateStore").Should().Be(name == Components.WorkflowStore ? "true" : null);
        }

        StateStores.Select(s => Snapshot.Metadata(bicep.Snapshot.DaprComponent(s))["tableName"])
            .Should().OnlyHaveUniqueItems("stores sharing a database must not share a table");
    }

    [Fact]
    public void No_template_hard_codes_a_cloud_specific_host_suffix()
    {
        foreach (var file in bicep.BicepFiles)
        {
            // Private DNS zone names are the one exception: environment() has no privatelink suffixes.
            var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(RepoPaths.Infra, file)), @"'privatelink\.[a-z.]+'", "''");
            text.Should().NotContainAny(
                [".servicebus.windows.net", ".vault.azure.net", ".azurecr.io", ".postgres.database.azure.com", ".windows.net", ".azure.com"], file);
        }
    }

    [Fact]
    public void Pubsub_uses_service_bus_topics_without_entity_management_and_secret_store_uses_key_vault()
    {
        var pubsub = bicep.Snapshot.DaprComponent(Components.PubSub);
        ((string)pubsub["properties"]!["componentType"]!).Should().Be("pubsub.azure.servicebus.topics");
        var metadata = Snapshot.Metadata(pubsub);
        metadata["disableEntityManagement"].Should().Be("true");
        // The host comes from the namespace's serviceBusEndpoint, so it is right in every Azure cloud.
        metadata["namespaceName"].Should().Contain("serviceBusEndpoint");

        var secrets = bicep.Snapshot.DaprComponent(Components.SecretStore);
        ((string)secrets["properties"]!["componentType"]!).Should().Be("secretstores.azure.keyvault");
        Snapshot.Metadata(secrets)["vaultName"].Should().Be(Snapshot.ShortName(bicep.Snapshot.OfType("Microsoft.KeyVault/vaults").Single()));
    }
}
