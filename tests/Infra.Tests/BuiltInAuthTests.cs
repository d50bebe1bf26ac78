namespace OrderPlatform.Infra.Tests;

/// <summary>Optional ACA built-in authentication: only on the ingress app, only when switched on, API-style (401).</summary>
[Collection(BicepCollection.Name)]
public sealed class BuiltInAuthTests(BicepFixture bicep)
{
    [Fact]
    public void Container_app_module_declares_auth_only_when_a_client_id_is_given_and_returns_401()
    {
        var auth = Resources(bicep.CompiledTemplate("app/container-app.bicep")).Single(r => (string)r["type"]! == "Microsoft.App/containerApps/authConfigs");
        ((string)auth["condition"]!).Should().Contain("parameters('authClientId')");
        ((string)auth["properties"]!["globalValidation"]!["unauthenticatedClientAction"]!).Should().Be("Return401");
        Snapshot.Strings(auth["properties"]!["globalValidation"]!["excludedPaths"])
            .Should().BeEquivalentTo(["/health/live", "/health/ready"]);
    }

    [Fact]
    public void Main_passes_the_client_id_only_to_the_ingress_app_and_only_when_enabled()
    {
        var apps = Resources(bicep.MainTemplate)
            .Single(r => (string)r["type"]! == "Microsoft.Resources/deployments" && ((string)r["name"]!).Contains("app-", StringComparison.Ordinal));
        var value = apps["properties"]!["parameters"]!["authClientId"]!.ToString();
        value.Should().Contain("variables('ingressAppId')").And.Contain("parameters('enableBuiltInAuth')");
        ((string)bicep.MainTemplate["variables"]!["ingressAppId"]!).Should().Be("order-service");
    }

    // Templates with symbolic names (languageVersion 2.0) hold resources in an object, the others in an array.
    private static IEnumerable<JsonNode> Resources(JsonObject template) => template["resources"] switch
    {
        JsonObject symbolic => symbolic.Select(r => r.Value!),
        JsonArray list => list.Select(r => r!),
        _ => [],
    };
}
