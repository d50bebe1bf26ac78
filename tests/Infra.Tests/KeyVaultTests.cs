using System.Text.RegularExpressions;

namespace OrderPlatform.Infra.Tests;

/// <summary>
/// Key Vault: payment-gateway-key exists after the first provision (azd generates it), roles reach that one secret
/// only, the deployer's role matches the principal type azd reports, and purge protection is on.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed partial class KeyVaultTests(BicepFixture bicep)
{
    // azd's command substitution in parameter files: `$(name args…)` (Azure/azure-dev cli/azd/pkg/cmdsubst/cmdsubst.go
    // commandInvocationRegex); secretOrRandomPassword with no vault/secret arguments always generates a password.
    [GeneratedRegex(@"^\$\(\s*(\w+)([\w\s-]*)\)$")]
    private static partial Regex AzdCommand();

    private JsonObject Vault => bicep.Snapshot.OfType("Microsoft.KeyVault/vaults").Single();

    [Fact]
    public void The_gateway_key_is_generated_by_azd_and_written_to_the_vault_under_the_name_the_secret_store_serves()
    {
        var value = (string)JsonNode.Parse(RepoPaths.ReadText("infra", "main.parameters.json"))!["parameters"]!["paymentGatewayKey"]!["value"]!;
        var command = AzdCommand().Match(value);
        command.Success.Should().BeTrue($"'{value}' is an azd command substitution");
        command.Groups[1].Value.Should().Be("secretOrRandomPassword");
        ((string)bicep.MainTemplate["parameters"]!["paymentGatewayKey"]!["type"]!).Should().BeEquivalentTo("securestring");

        // The local secret store (components/secrets.json) holds the same names as the vault.
        var localNames = JsonNode.Parse(RepoPaths.ReadText("components", "secrets.json"))!.AsObject().Select(p => p.Key);
        var secrets = bicep.Snapshot.OfType("Microsoft.KeyVault/vaults/secrets").ToList();
        secrets.Select(Snapshot.ShortName).Should().BeEquivalentTo(localNames);
        ((string)secrets.Single()["name"]!).Should().StartWith(Snapshot.ShortName(Vault) + "/");
    }

    [Fact]
    public void The_key_is_written_only_while_payment_service_does_not_exist_so_a_provision_never_rotates_it()
    {
        var platform = Resources(bicep.MainTemplate).Single(r => (string?)r["name"] == "platform");
        var key = platform["properties"]!["parameters"]!["gatewayKeyValue"]!.ToString();
        key.Should().Contain("parameters('paymentServiceExists')").And.Contain("parameters('paymentGatewayKey')");

        var created = Resources(bicep.CompiledTemplate("core/keyvault.bicep"))
            .Single(r => (string)r["type"]! == "Microsoft.KeyVault/vaults/secrets" && r["existing"] is null);
        ((string)created["condition"]!).Should().Contain("parameters('initialSecretValue')");
    }

    [Fact]
    public void Secret_roles_are_scoped_to_the_one_secret_never_the_vault()
    {
        var secretId = (string)bicep.Snapshot.OfType("Microsoft.KeyVault/vaults/secrets").Single()["id"]!;
        var vaultRoles = bicep.Snapshot.RoleAssignments.Where(r => r.Scope.StartsWith((string)Vault["id"]!, StringComparison.Ordinal)).ToList();

        vaultRoles.Select(r => r.Role).Should().BeEquivalentTo([Roles.KeyVaultSecretsUser, Roles.KeyVaultSecretsOfficer]);
        vaultRoles.Select(r => r.Scope).Should().AllBe(secretId);
        vaultRoles.Single(r => r.Role == Roles.KeyVaultSecretsUser).Principal.Should().Contain("/id-payment-service'");
    }

    [Fact]
    public void Purge_protection_and_RBAC_are_on()
    {
        var properties = Vault["properties"]!;
        properties["enablePurgeProtection"]!.GetValue<bool>().Should().BeTrue();
        properties["enableSoftDelete"]!.GetValue<bool>().Should().BeTrue();
        properties["enableRbacAuthorization"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void The_deployer_role_carries_the_principal_type_azd_reports_so_a_service_principal_can_provision()
    {
        // ARM rejects a role assignment whose principalType does not match the principal (UnmatchedPrincipalType):
        // CD signs in as a service principal, so a hard-coded 'User' fails there.
        var officer = RoleAssignmentsOf(Roles.KeyVaultSecretsOfficer).Should().ContainSingle().Subject;
        ((string)officer["properties"]!["principalId"]!).Should().Be(BicepFixture.DeployerPrincipalId);
        ((string)officer["properties"]!["principalType"]!).Should().Be(BicepFixture.DeployerPrincipalType);
    }

    // Templates with symbolic names (languageVersion 2.0) hold resources in an object, the others in an array.
    private static IEnumerable<JsonNode> Resources(JsonObject template) => template["resources"] switch
    {
        JsonObject symbolic => symbolic.Select(r => r.Value!),
        JsonArray list => list.Select(r => r!),
        _ => [],
    };

    private IEnumerable<JsonObject> RoleAssignmentsOf(string role) =>
        bicep.Snapshot.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => ((string)r["properties"]!["roleDefinitionId"]!).EndsWith(role, StringComparison.Ordinal));
}
