using Microsoft.Extensions.Configuration;
using OrderPlatform.DaprFiles;
using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Tests.Configuration;

public sealed class RunFileTests
{
    private static readonly string RunFilePath = Path.Combine(RepoRoot.Path, "dapr.yaml");

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void The_repositorys_run_file_defines_the_five_services_with_distinct_ports()
    {
        var runFile = DaprRunFile.Load(RunFilePath);

        runFile.Apps.Select(a => a.AppId).Should().Equal(
            "order-service", "inventory-service", "payment-service", "shipping-service", "notification-service");
        runFile.Apps.Single(a => a.AppId == "order-service").AppPort.Should().Be(5100);
        runFile.Apps.SelectMany(a => new[] { a.AppPort, a.DaprHttpPort, a.DaprGrpcPort }).Should().OnlyHaveUniqueItems();
        runFile.ResourcesPath.Should().Be("./components");
        runFile.BaseDirectory.Should().Be(RepoRoot.Path);
    }

    [Fact]
    public void Configuration_overrides_ports_of_run_file_apps_and_adds_fully_specified_apps()
    {
        var settings = SidecarSettings.Resolve(new SidecarOptions { RunFile = RunFilePath }, Config(new()
        {
            ["DevSidecar:Apps:order-service:AppPort"] = "6100",
            ["DevSidecar:Apps:order-service:GrpcPort"] = "61001",
            ["DevSidecar:Apps:extra-app:AppPort"] = "7000",
            ["DevSidecar:Apps:extra-app:HttpPort"] = "7001",
            ["DevSidecar:Apps:extra-app:GrpcPort"] = "7002",
        }));

        var order = settings.Apps.Single(a => a.AppId == "order-service");
        order.AppPort.Should().Be(6100);
        order.GrpcPort.Should().Be(61001);
        order.HttpPort.Should().Be(DaprRunFile.Load(RunFilePath).Apps[0].DaprHttpPort);
        settings.Apps.Should().Contain(new AppDefinition("extra-app", 7000, 7001, 7002));
        settings.ResourcesPath.Should().Be(Path.Combine(RepoRoot.Path, "components"));
    }

    [Fact]
    public void An_unknown_app_with_only_some_ports_is_a_startup_error()
    {
        var act = () => SidecarSettings.Resolve(new SidecarOptions(), Config(new() { ["DevSidecar:Apps:ghost:AppPort"] = "7000" }));

        act.Should().Throw<InvalidOperationException>().WithMessage("*ghost*AppPort, HttpPort and GrpcPort*");
    }

    [Fact]
    public void A_port_that_is_not_a_port_is_a_startup_error()
    {
        var act = () => SidecarSettings.Resolve(
            new SidecarOptions { RunFile = RunFilePath }, Config(new() { ["DevSidecar:Apps:order-service:HttpPort"] = "99999" }));

        act.Should().Throw<InvalidOperationException>().WithMessage("*HttpPort must be a TCP port*");
    }

    [Fact]
    public void Command_line_style_keys_select_the_run_file_and_resources_path()
    {
        var settings = SidecarSettings.Resolve(new SidecarOptions(), Config(new()
        {
            ["run-file"] = RunFilePath,
            ["resources-path"] = Path.Combine(RepoRoot.Path, "components"),
            ["DAPR_API_TOKEN"] = "tok",
            ["DevSidecar:CallLogLevel"] = "None",
        }));

        settings.Apps.Should().HaveCount(5);
        settings.Components.Should().Contain(c => c.Name == "orders-store");
        settings.ApiToken.Should().Be("tok");
        settings.CallLogLevel.Should().Be(LogLevel.None);
    }

    [Fact]
    public void Two_apps_on_the_same_sidecar_port_are_refused()
    {
        var act = () => new SidecarApps([new AppDefinition("a", 1, 2, 3), new AppDefinition("b", 4, 5, 2)]);

        act.Should().Throw<InvalidOperationException>().WithMessage("*port 2*");
    }
}
