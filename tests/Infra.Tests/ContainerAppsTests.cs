using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>The five container apps: Dapr, ingress, probes, scaling, identities and tags.</summary>
[Collection(BicepCollection.Name)]
public sealed class ContainerAppsTests(BicepFixture bicep)
{
    public static TheoryData<string> AppIdsData => new(AppIds.All);

    [Theory]
    [MemberData(nameof(AppIdsData))]
    public void Each_app_is_Dapr_enabled_with_its_app_id_port_and_protocol(string appId)
    {
        var dapr = bicep.Snapshot.ContainerApp(appId)["properties"]!["configuration"]!["dapr"]!;
        ((bool)dapr["enabled"]!).Should().BeTrue();
        ((string)dapr["appId"]!).Should().Be(appId);
        ((int)dapr["appPort"]!).Should().Be(8080);
        ((string)dapr["appProtocol"]!).Should().Be("http");
    }

    [Fact]
    public void Only_order_service_has_external_ingress_and_the_rest_internal()
    {
        bicep.Snapshot.ContainerApps.Should().HaveCount(AppIds.All.Count);
        foreach (var app in bicep.Snapshot.ContainerApps)
        {
            var ingress = app["properties"]!["configuration"]!["ingress"]!;
            ((bool)ingress["external"]!).Should().Be(Snapshot.ShortName(app) == AppIds.OrderService, Snapshot.ShortName(app));
            ((int)ingress["targetPort"]!).Should().Be(8080);
            ((bool)ingress["allowInsecure"]!).Should().BeFalse();
        }
    }

    [Fact]
    public void A_deployed_app_probes_the_service_health_endpoints()
    {
        var container = bicep.DeployedAppSnapshot.ContainerApp(AppIds.OrderService)["properties"]!["template"]!["containers"]![0]!;
        ((string)container["image"]!).Should().Be(BicepFixture.DeployedImage);
        var probes = container["probes"]!.AsArray().ToDictionary(p => (string)p!["type"]!, p => p!["httpGet"]!);
        probes.Keys.Should().BeEquivalentTo(["Startup", "Liveness", "Readiness"]);
        ((string)probes["Liveness"]["path"]!).Should().Be("/health/live");
        ((string)probes["Readiness"]["path"]!).Should().Be("/health/ready");
        probes.Values.Select(p => (int)p["port"]!).Should().AllBeEquivalentTo(8080);
    }

    [Theory]
    [MemberData(nameof(AppIdsData))]
    public void The_first_provision_runs_the_placeholder_at_the_real_minimum_with_probes_it_passes(string appId)
    {
        // The placeholder serves /healthz and the sample pages only (dotnet/dotnet-docker
        // samples/aspnetapp/aspnetapp/Program.cs), on ASPNETCORE_HTTP_PORTS: TCP probes on that port are what it passes.
        var app = bicep.Snapshot.ContainerApp(appId)["properties"]!["template"]!;
        var container = app["containers"]![0]!;
        ((string)container["image"]!).Should().Be("mcr.microsoft.com/dotnet/samples:aspnetapp");
        var port = int.Parse((string)container["env"]!.AsArray().Single(e => (string)e!["name"]! == "ASPNETCORE_HTTP_PORTS")!["value"]!,
            System.Globalization.CultureInfo.InvariantCulture);
        var probes = container["probes"]!.AsArray();
        probes.Select(p => (string)p!["type"]!).Should().BeEquivalentTo(["Startup", "Liveness", "Readiness"]);
        probes.Should().AllSatisfy(p =>
        {
            p!["httpGet"].Should().BeNull();
            ((int)p["tcpSocket"]!["port"]!).Should().Be(port);
        });

        // Workflow timers, reminders and the retention purger need order-service up from the first `azd up`.
        var expectedMinimum = appId == AppIds.NotificationService ? 0 : 1;
        ((int)app["scale"]!["minReplicas"]!).Should().Be(expectedMinimum);
    }

    [Fact]
    public void Main_reports_the_apps_left_on_the_placeholder_so_CD_provisions_again()
    {
        var output = bicep.MainTemplate["outputs"]!["SERVICES_ON_PLACEHOLDER"]!["copy"]!["input"]!.ToString();
        output.Should().Contain("outputs.usesPlaceholder.value");
        var module = bicep.CompiledTemplate("app/container-app.bicep");
        module["variables"]!["usesPlaceholder"]!.ToString().Should().Contain("empty(parameters('image'))")
            .And.Contain("variables('placeholderImage')", "a re-provision before the first deploy reads the placeholder back as the image");
    }

    [Theory]
    [MemberData(nameof(AppIdsData))]
    public void Each_app_has_its_own_identity_pulls_with_it_and_is_tagged_for_azd(string appId)
    {
        var app = bicep.Snapshot.ContainerApp(appId);
        var ownIdentity = bicep.Snapshot.IdentityId($"id-{appId}");
        app["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key).Should().Contain(ownIdentity);
        ((string)app["properties"]!["configuration"]!["registries"]![0]!["identity"]!).Should().Be(ownIdentity);
        ((string)app["tags"]!["azd-service-name"]!).Should().Be(appId);

        var registry = (string)bicep.Snapshot.OfType("Microsoft.ContainerRegistry/registries").Single()["id"]!;
        bicep.Snapshot.RoleAssignments.Should().Contain(r =>
            r.Scope == registry && r.Role == Roles.AcrPull && r.Principal.Contains($"/id-{appId}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Order_service_scales_on_http_and_notification_service_on_its_subscription_with_its_identity()
    {
        var orderScale = bicep.Snapshot.ContainerApp(AppIds.OrderService)["properties"]!["template"]!["scale"]!;
        orderScale["rules"]!.AsArray().Should().ContainSingle(r => r!["http"] != null);
        ((int)orderScale["minReplicas"]!).Should().Be(1);
        ((int)orderScale["maxReplicas"]!).Should().Be(10);

        // notification-service scales from zero: a dead letter must wake it as an order event does.
        var rules = bicep.Snapshot.ContainerApp(AppIds.NotificationService)["properties"]!["template"]!["scale"]!["rules"]!
            .AsArray().Select(r => r!["custom"]!).ToList();
        rules.Select(r => (string)r["metadata"]!["topicName"]!).Should().BeEquivalentTo([Topics.Orders, Topics.OrdersDeadLetter]);
        foreach (var rule in rules)
        {
            ((string)rule["type"]!).Should().Be("azure-servicebus");
            ((string)rule["identity"]!).Should().Be(bicep.Snapshot.IdentityId($"id-{AppIds.NotificationService}"));
            ((string)rule["metadata"]!["subscriptionName"]!).Should().Be(AppIds.NotificationService);
            rule["auth"].Should().BeNull("the rule authenticates with the managed identity, not a connection string");
        }
    }

    [Theory]
    [MemberData(nameof(AppIdsData))]
    public void Each_app_reports_telemetry_without_secrets_in_plain_env_vars(string appId)
    {
        var env = bicep.Snapshot.ContainerApp(appId)["properties"]!["template"]!["containers"]![0]!["env"]!.AsArray();
        var byName = env.ToDictionary(e => (string)e!["name"]!, e => e!);
        ((string)byName["OTEL_SERVICE_NAME"]["value"]!).Should().Be(appId);
        ((string)byName["APPLICATIONINSIGHTS_CONNECTION_STRING"]["secretRef"]!).Should().NotBeNullOrEmpty();
        byName["APPLICATIONINSIGHTS_CONNECTION_STRING"]["value"].Should().BeNull();
        ((string)byName["ASPNETCORE_HTTP_PORTS"]["value"]!).Should().Be("8080");
    }
}
