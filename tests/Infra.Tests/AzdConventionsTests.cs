namespace OrderPlatform.Infra.Tests;

/// <summary>main.bicep follows the azd conventions: subscription scope, the azd parameters, tags and outputs.</summary>
[Collection(BicepCollection.Name)]
public sealed class AzdConventionsTests(BicepFixture bicep)
{
    [Fact]
    public void Main_targets_the_subscription_scope()
    {
        ((string)bicep.MainTemplate["$schema"]!).Should().Contain("subscriptionDeploymentTemplate");
    }

    [Fact]
    public void Parameters_file_maps_the_azd_variables_and_only_real_parameters()
    {
        var file = JsonNode.Parse(RepoPaths.ReadText("infra", "main.parameters.json"))!["parameters"]!.AsObject();
        var declared = bicep.MainTemplate["parameters"]!.AsObject();

        file.Select(p => p.Key).Should().BeSubsetOf(declared.Select(p => p.Key));
        declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key)
            .Should().BeSubsetOf(file.Select(p => p.Key), "parameters without a default must come from azd");
        ((string)file["environmentName"]!["value"]!).Should().Be("${AZURE_ENV_NAME}");
        ((string)file["location"]!["value"]!).Should().Be("${AZURE_LOCATION}");
        ((string)file["principalId"]!["value"]!).Should().Be("${AZURE_PRINCIPAL_ID}");

        // azd substitutes the signed-in principal's type, "User" or "ServicePrincipal" (Azure/azure-dev
        // cli/azd/pkg/infra/provisioning/bicep/bicep_provider.go evalParamEnvSubst; current_principal_id_provider.go).
        ((string)file["principalType"]!["value"]!).Should().Be("${AZURE_PRINCIPAL_TYPE}");
        Snapshot.Strings(declared["principalType"]!["allowedValues"]).Should().BeEquivalentTo(["User", "ServicePrincipal"]);
    }

    [Fact]
    public void Resource_group_and_resources_carry_the_azd_env_name_tag()
    {
        var tagged = bicep.Snapshot.Resources.Where(r => r["tags"] is not null).ToList();
        tagged.Should().Contain(r => (string)r["type"]! == "Microsoft.Resources/resourceGroups");
        tagged.Select(r => (string?)r["tags"]!["azd-env-name"]).Should().AllBe(BicepFixture.EnvironmentName);
    }

    [Fact]
    public void Outputs_include_what_azd_reads()
    {
        var outputs = bicep.Snapshot.Outputs;
        outputs.Select(o => o.Key).Should().Contain(
            ["AZURE_CONTAINER_REGISTRY_ENDPOINT", "AZURE_CONTAINER_APPS_ENVIRONMENT_NAME", "AZURE_RESOURCE_GROUP", "AZURE_LOCATION", "AZURE_TENANT_ID"]);
        ((string)outputs["AZURE_RESOURCE_GROUP"]!).Should().Be($"rg-{BicepFixture.EnvironmentName}");
    }
}
