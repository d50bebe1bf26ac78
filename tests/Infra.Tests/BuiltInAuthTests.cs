namespace OrderPlatform.Infra.Tests;

/// <summary>
/// The order API's own token validation wired to Entra ID: the app registration's client id (from azd's preprovision
/// hook) and the tenant's v2 issuer reach order-service as app settings, and no ACA built-in auth sits in front.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class BuiltInAuthTests(BicepFixture bicep)
{
    [Fact]
    public void No_built_in_authentication_the_app_validates_its_tokens_itself()
    {
        bicep.Snapshot.OfType("Microsoft.App/containerApps/authConfigs").Should().BeEmpty();
        Resources(bicep.CompiledTemplate("app/container-app.bicep")).Should().NotContain(r => (string)r["type"]! == "Microsoft.App/containerApps/authConfigs");
        ((JsonObject)bicep.MainTemplate["parameters"]!).Select(p => p.Key).Should().NotContain(["enableBuiltInAuth", "authClientId"]);
    }

    [Fact]
    public void Order_service_gets_the_tenant_issuer_and_the_app_registration_as_audience_and_no_other_app_does()
    {
        var settings = bicep.MainTemplate["variables"]!["orderApiSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToString());

        var issuer = "[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, tenant().tenantId)]";
        bicep.MainTemplate["variables"]!["orderApiIssuer"]!.ToString().Should().Be(issuer);
        settings.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["Authentication__Schemes__Bearer__Authority"] = "[variables('orderApiIssuer')]",
            ["Authentication__Schemes__Bearer__ValidIssuer"] = "[variables('orderApiIssuer')]",
            ["Authentication__Schemes__Bearer__ValidAudiences__0"] = "[parameters('orderApiClientId')]",
            ["Authentication__Schemes__Bearer__ValidAudiences__1"] = "[format('api://{0}', parameters('orderApiClientId'))]",
            ["Auth__CallerIdClaim"] = "oid",
            // The order API's other setting: its write limit's client IP behind ACA's ingress (SmokeDataTests).
            ["RequestLimits__ClientIpFromForwardedFor"] = "true",
        });
        var services = bicep.MainTemplate["variables"]!["services"]!.AsArray();
        services.Single(s => (string)s!["appId"]! == "order-service")!["settings"]!.ToString().Should().Be("[variables('orderApiSettings')]");
        services.Where(s => (string)s!["appId"]! != "order-service").Should().OnlyContain(s => !s!["settings"]!.ToString().Contains("orderApi", StringComparison.Ordinal));
    }

    [Fact]
    public void The_client_id_comes_from_the_preprovision_hook_through_the_azd_environment_and_the_scope_is_an_output()
    {
        ((int)bicep.MainTemplate["parameters"]!["orderApiClientId"]!["minLength"]!).Should().Be(1, "no default: without it order-service would refuse to start");
        var parameters = JsonNode.Parse(RepoPaths.ReadText("infra/main.parameters.json"))!["parameters"]!;
        parameters["orderApiClientId"]!["value"]!.ToString().Should().Be("${ORDER_API_CLIENT_ID}");
        bicep.MainTemplate["outputs"]!["ORDER_API_SCOPE"]!["value"]!.ToString().Should().Be("[format('api://{0}/.default', parameters('orderApiClientId'))]");

        var hook = RepoPaths.ReadText("infra/hooks/preprovision.sh");
        hook.Should().Contain("azd env set ORDER_API_CLIENT_ID \"$app_id\"")
            .And.Contain("\"Orders.Operator\"", "the app role order-service's operator policy requires (OrderRoles.Operator)")
            .And.Contain("requestedAccessTokenVersion: 2", "v2 tokens carry the v2 issuer order-service validates")
            .And.Contain("identifierUris\\\":[\\\"api://$app_id\\\"]");
        var operatorRole = RepoPaths.ReadText("apps/OrderService/Auth/OrderRoles.cs");
        operatorRole.Should().Contain("public const string Operator = \"Orders.Operator\";");
    }

    [Fact]
    public void The_deployed_order_service_container_gets_the_resolved_settings()
    {
        var app = bicep.Snapshot.ContainerApp("order-service");
        var env = app["properties"]!["template"]!["containers"]![0]!["env"]!.AsArray()
            .Where(e => e!["value"] is not null).ToDictionary(e => (string)e!["name"]!, e => e!["value"]!.ToString());

        // bicep snapshot resolves the tenant, not environment(): login.microsoftonline.com/ in the public cloud.
        env["Authentication__Schemes__Bearer__ValidIssuer"].Should().MatchRegex(
            @"^\[format\('\{0\}\{1\}/v2\.0', environment\(\)\.authentication\.loginEndpoint, '[0-9a-f-]{36}'\)\]$");
        env["Authentication__Schemes__Bearer__Authority"].Should().Be(env["Authentication__Schemes__Bearer__ValidIssuer"]);
        env["Authentication__Schemes__Bearer__ValidAudiences__0"].Should().Be(BicepFixture.OrderApiClientId);
        env["Authentication__Schemes__Bearer__ValidAudiences__1"].Should().Be($"api://{BicepFixture.OrderApiClientId}");
        bicep.Snapshot.ContainerApps.Where(r => Snapshot.ShortName(r) != "order-service")
            .Should().OnlyContain(r => !r["properties"]!["template"]!.ToJsonString().Contains("Authentication__", StringComparison.Ordinal));
    }

    // Templates with symbolic names (languageVersion 2.0) hold resources in an object, the others in an array.
    private static IEnumerable<JsonNode> Resources(JsonObject template) => template["resources"] switch
    {
        JsonObject symbolic => symbolic.Select(r => r.Value!),
        JsonArray list => list.Select(r => r!),
        _ => [],
    };
}
