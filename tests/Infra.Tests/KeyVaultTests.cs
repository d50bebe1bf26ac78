namespace OrderPlatform.Infra.Tests;

/// <summary>Key Vault: the deployer's role matches the principal type azd reports.</summary>
[Collection(BicepCollection.Name)]
public sealed class KeyVaultTests(BicepFixture bicep)
{
    [Fact]
    public void The_deployer_role_carries_the_principal_type_azd_reports_so_a_service_principal_can_provision()
    {
        // ARM rejects a role assignment whose principalType does not match the principal (UnmatchedPrincipalType):
        // CD signs in as a service principal, so a hard-coded 'User' fails there.
        var officer = RoleAssignmentsOf(Roles.KeyVaultSecretsOfficer).Should().ContainSingle().Subject;
        ((string)officer["properties"]!["principalId"]!).Should().Be(BicepFixture.DeployerPrincipalId);
        ((string)officer["properties"]!["principalType"]!).Should().Be(BicepFixture.DeployerPrincipalType);
    }

    private IEnumerable<JsonObject> RoleAssignmentsOf(string role) =>
        bicep.Snapshot.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => ((string)r["properties"]!["roleDefinitionId"]!).EndsWith(role, StringComparison.Ordinal));
}
