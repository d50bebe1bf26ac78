using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

/// <summary>ci.yml's dapr-e2e job: real daprd with dapr.yaml and components/, the E2E suite in external mode.</summary>
public partial class DaprJobTests
{
    private static readonly Job DaprJob = Workflow.Load(".github/workflows/ci.yml").Job("dapr-e2e");

    private static readonly string[] RunFileApps = ["order-service", "inventory-service", "payment-service", "shipping-service", "notification-service"];

    [Fact]
    public void The_suite_calls_order_services_app_port_and_shipping_services_daprd_and_no_internal_app_port()
    {
        var apps = (YamlJson.Parse(Repo.ReadText("dapr.yaml"))!["apps"] as JsonArray)!.ToDictionary(a => a!["appID"]!.ToString(), a => a!);

        DaprJob.EnvValue("ORDERPLATFORM_ORDER_URL").Should().Be($"http://127.0.0.1:{apps["order-service"]["appPort"]!.GetValue<long>()}", "the public API is order-service's app port");
        // The internal services answer only Dapr callers (apps/OrderPlatform.ServiceDefaults/Security/DaprCallers.cs):
        // the suite invokes them through shipping-service's daprd (the fixture does the same with the dev sidecar).
        DaprJob.EnvValue("ORDERPLATFORM_DAPR_URL").Should().Be($"http://127.0.0.1:{apps["shipping-service"]["daprHTTPPort"]!.GetValue<long>()}", "shipping-service's daprd HTTP API");
        VariablePattern().Matches(Repo.ReadText(".github/workflows/ci.yml")).Select(m => m.Value)
            .Should().NotContain(["ORDERPLATFORM_INVENTORY_URL", "ORDERPLATFORM_PAYMENT_URL", "ORDERPLATFORM_SHIPPING_URL", "ORDERPLATFORM_NOTIFICATION_URL"]);
    }

    [Fact]
    public void Every_ORDERPLATFORM_variable_the_workflows_set_is_read_by_the_end_to_end_suite()
    {
        var sources = string.Join('\n', Directory.EnumerateFiles(Repo.PathOf("tests/EndToEnd.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Select(File.ReadAllText));
        var used = Repo.WorkflowFiles().SelectMany(f => VariablePattern().Matches(Repo.ReadText(f)).Select(m => m.Value)).Distinct().ToList();

        used.Should().Contain(["ORDERPLATFORM_ORDER_URL", "ORDERPLATFORM_DAPR_URL"]);
        used.Where(v => !sources.Contains($"\"{v}\"", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Installs_pinned_Dapr_versions_and_runs_the_multi_app_run_file()
    {
        DaprJob.EnvValue("DAPR_CLI_VERSION").Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        DaprJob.EnvValue("DAPR_RUNTIME_VERSION").Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        var script = string.Join('\n', DaprJob.Steps.Select(s => s.Run));

        script.Should().Contain("dapr init --runtime-version \"$DAPR_RUNTIME_VERSION\"")
            .And.Contain("dapr run -f .");
    }

    [Fact]
    public void PostgreSQL_comes_from_the_repositorys_script_before_the_platform_starts()
    {
        var postgres = StepIndex("scripts/local-postgres.sh");

        postgres.Should().BeLessThan(StepIndex("dapr run -f ."));
        Repo.ReadText("scripts/local-postgres.sh").Should().Contain("apt-get install -y -qq postgresql", "the runner's apt provides it");
        string.Join('\n', DaprJob.Steps.Select(s => s.Run)).Should().NotContain("redis-stack", "no component needs RediSearch");
    }

    [Fact]
    public void The_apps_are_built_once_before_dapr_run_and_the_run_file_commands_do_not_build()
    {
        StepIndex("dotnet build OrderPlatform.sln").Should().BeLessThan(StepIndex("dapr run -f ."));
        var commands = (YamlJson.Parse(Repo.ReadText("dapr.yaml"))!["apps"] as JsonArray)!
            .Select(a => string.Join(' ', a!["command"]!.AsArray().Select(c => c!.ToString()))).ToList();

        commands.Should().HaveCount(RunFileApps.Length).And.OnlyContain(c => c.StartsWith("dotnet run --no-build ", StringComparison.Ordinal),
            "`dapr run -f` starts every app at once; five `dotnet run` builds of the shared projects would collide");
    }

    [Fact]
    public void The_platform_gets_the_settings_the_end_to_end_fixture_gives_the_platform_it_starts()
    {
        var start = DaprJob.Steps.Single(s => s.Run?.Contains("dapr run -f .", StringComparison.Ordinal) == true);
        var expected = FixtureSettings.Of().AppEnvironment.SelectMany(app => app.Value).ToList();

        expected.Select(e => e.Key).Should().Contain(["Orders__ApprovalTimeout", "Payments__FaultInjection__Enabled"]);
        // `dapr run -f` gives every app the CLI's environment (dapr/cli pkg/standalone/run.go, GetAppCommand: os.Environ()).
        foreach (var (name, value) in expected)
        {
            (start.Node["env"] as JsonObject)?[name]?.ToString().Should().Be(value, $"the fixture sets {name}");
        }

        DaprJob.EnvValue("ORDERPLATFORM_FAULTS").Should().Be("enabled", "payment-service's fault injection is on, so the suite runs the fault tests");
    }

    [Fact]
    public void Every_end_to_end_test_runs_and_the_resiliency_tests_run_alone_after_the_rest()
    {
        var runs = DaprJob.Steps.Where(s => s.Run?.Contains("dotnet test tests/EndToEnd.Tests", StringComparison.Ordinal) == true).ToList();
        var resiliency = typeof(OrderPlatform.EndToEnd.Tests.Scenarios.ResiliencyTests).FullName!;

        runs.Select(s => RunScripts.Filters(s.Run!).Single()).Should().Equal(
            new FilterCondition("FullyQualifiedName", "!~", resiliency),
            new FilterCondition("FullyQualifiedName", "~", resiliency));
        runs[1].Node["if"]!.ToString().Should().Contain("!cancelled()", "the resiliency tests run even when another test failed");
    }

    private static int StepIndex(string command) =>
        DaprJob.Steps.Single(s => s.Run?.Contains(command, StringComparison.Ordinal) == true).Index;

    /// <summary>Reads what tests/EndToEnd.Tests' fixture configures for the platform it starts itself.</summary>
    private sealed class FixtureSettings : OrderPlatform.EndToEnd.Tests.Infrastructure.PlatformFixture
    {
        public static OrderPlatform.PlatformLauncher.PlatformOptions Of() =>
            new FixtureSettings().ConfigureLocal(new OrderPlatform.PlatformLauncher.PlatformOptions());
    }

    [Fact]
    public void Logs_are_uploaded_whatever_the_outcome()
    {
        var upload = DaprJob.Steps.Single(s => s.Uses?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);

        upload.Node["if"]!.ToString().Should().Contain("always()");
    }

    [GeneratedRegex(@"\bORDERPLATFORM_[A-Z_]+\b")]
    private static partial Regex VariablePattern();
}
