using System.Text.RegularExpressions;

namespace OrderPlatform.Infra.Tests;

/// <summary>No keys, secrets or connection strings leave the templates, and local (key) auth is off everywhere.</summary>
[Collection(BicepCollection.Name)]
public sealed partial class NoSecretsTests(BicepFixture bicep)
{
    [GeneratedRegex("key|secret|password|connectionstring|token", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLike();

    [Fact]
    public void Outputs_hold_no_secret_key_or_connection_string()
    {
        foreach (var file in bicep.BicepFiles)
        {
            foreach (var (name, output) in bicep.CompiledTemplate(file)["outputs"]?.AsObject() ?? [])
            {
                var text = name + output!.ToJsonString();
                text.Should().NotContainAny(["listKeys", "listConnectionStrings", "ConnectionString", "InstrumentationKey"], $"{file} output {name}");
                SecretLike().IsMatch(name.Replace("KEY_VAULT", "VAULT", StringComparison.Ordinal)).Should().BeFalse($"{file} output {name} looks like a secret");
            }
        }
    }

    [Fact]
    public void No_template_lists_keys_and_no_plain_env_var_or_component_metadata_carries_a_secret()
    {
        foreach (var file in bicep.BicepFiles)
        {
            bicep.CompiledTemplate(file).ToJsonString().Should().NotContainAny("listKeys(", "listConnectionStrings(", "listCredentials(");
        }

        var env = bicep.Snapshot.ContainerApps.SelectMany(a => a["properties"]!["template"]!["containers"]!.AsArray())
            .SelectMany(c => c!["env"]!.AsArray()).Where(e => e!["value"] is not null);
        foreach (var variable in env)
        {
            SecretLike().IsMatch((string)variable!["name"]!).Should().BeFalse($"{variable["name"]} must use secretRef");
            ((string)variable["value"]!).Should().NotContainAny("ConnectionString", "InstrumentationKey", "password=");
        }

        foreach (var component in bicep.Snapshot.DaprComponents)
        {
            var metadata = Snapshot.Metadata(component);
            metadata.Keys.Should().NotContain(n => SecretLike().IsMatch(n) && n != "connectionString");
            metadata.Values.Should().NotContain(v => v.Contains("password", StringComparison.OrdinalIgnoreCase) ||
                v.Contains("SharedAccessKey", StringComparison.OrdinalIgnoreCase) || v.StartsWith("secretRef:", StringComparison.Ordinal));
            component["properties"]!["secrets"].Should().BeNull();
        }
    }

    [Fact]
    public void Local_auth_is_disabled_on_every_data_service()
    {
        Props("Microsoft.ServiceBus/namespaces")["disableLocalAuth"]!.GetValue<bool>().Should().BeTrue();
        Props("Microsoft.ContainerRegistry/registries")["adminUserEnabled"]!.GetValue<bool>().Should().BeFalse();
        Props("Microsoft.KeyVault/vaults")["enableRbacAuthorization"]!.GetValue<bool>().Should().BeTrue();
        Props("Microsoft.KeyVault/vaults")["accessPolicies"].Should().BeNull();
        Props("Microsoft.OperationalInsights/workspaces")["features"]!["disableLocalAuth"]!.GetValue<bool>().Should().BeTrue();
        var auth = Props("Microsoft.DBforPostgreSQL/flexibleServers")["authConfig"]!;
        ((string)auth["passwordAuth"]!).Should().Be("Disabled");
        ((string)auth["activeDirectoryAuth"]!).Should().Be("Enabled");
        Props("Microsoft.DBforPostgreSQL/flexibleServers")["administratorLoginPassword"].Should().BeNull();
    }

    [Fact]
    public void Every_role_assignment_is_a_data_plane_role_on_a_single_resource()
    {
        var assignments = bicep.Snapshot.RoleAssignments.ToList();
        assignments.Should().NotBeEmpty();
        foreach (var (scope, role, _) in assignments)
        {
            Roles.DataPlane.Should().Contain(role);
            scope.Should().Contain("/providers/", "no role is granted on a whole resource group or subscription");
        }
    }

    private JsonObject Props(string type) => bicep.Snapshot.OfType(type).Single()["properties"]!.AsObject();
}
