using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

/// <summary>ci.yml's dapr-e2e job: real daprd with dapr.yaml and components/, the E2E suite in external mode.</summary>
public partial class DaprJobTests
{
    private static readonly Job DaprJob = Workflow.Load(".github/workflows/ci.yml").Job("dapr-e2e");

    private static readonly Dictionary<string, string> UrlVariables = new(StringComparer.Ordinal)
    {
        ["order-service"] = "ORDERPLATFORM_ORDER_URL",
        ["inventory-service"] = "ORDERPLATFORM_INVENTORY_URL",
        ["payment-service"] = "ORDERPLATFORM_PAYMENT_URL",
        ["shipping-service"] = "ORDERPLATFORM_SHIPPING_URL",
        ["notification-service"] = "ORDERPLATFORM_NOTIFICATION_URL",
    };

    [Fact]
    public void Service_urls_point_at_the_app_ports_of_dapr_yaml()
    {
        var apps = (YamlJson.Parse(Repo.ReadText("dapr.yaml"))!["apps"] as JsonArray)!
            .ToDictionary(a => a!["appID"]!.ToString(), a => a!["appPort"]!.GetValue<long>());

        apps.Keys.Should().BeEquivalentTo(UrlVariables.Keys);
        foreach (var (appId, variable) in UrlVariables)
        {
            DaprJob.EnvValue(variable).Should().Be($"http://127.0.0.1:{apps[appId]}", $"{appId} listens on its appPort");
        }
    }

    [Fact]
    public void Every_ORDERPLATFORM_variable_the_workflows_set_is_read_by_the_end_to_end_suite()
    {
        var sources = string.Join('\n', Directory.EnumerateFiles(Repo.PathOf("tests/EndToEnd.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Select(File.ReadAllText));
        var used = Repo.WorkflowFiles().SelectMany(f => VariablePattern().Matches(Repo.ReadText(f)).Select(m => m.Value)).Distinct().ToList();

        used.Should().Contain(UrlVariables.Values);
        used.Where(v => !sources.Contains($"\"{v}\"", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Installs_pinned_Dapr_versions_and_runs_the_multi_app_run_file()
    {
        DaprJob.EnvValue("DAPR_CLI_VERSION").Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        DaprJob.EnvValue("DAPR_RUNTIME_VERSION").Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        var script = string.Join('\n', DaprJob.Steps.Select(s => s.Run));

        script.Should().Contain("dapr init --runtime-version \"$DAPR_RUNTIME_VERSION\"")
            .And.Contain("dapr run -f .")
            .And.Contain("--filter \"Category=EndToEnd\"");
        DaprJob.EnvValue("ORDERPLATFORM_FAULTS").Should().BeNull("real daprd has no fault injection of the dev sidecar");
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
