using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

/// <summary>azure-dev.yml: what `azd pipeline config` sets up, in the order a deployment needs.</summary>
public partial class DeploymentTests
{
    private static readonly Workflow Cd = Workflow.Load(".github/workflows/azure-dev.yml");
    private static readonly Job Deploy = Cd.Job("deploy");

    [Fact]
    public void Runs_after_the_CI_workflow_by_its_real_name_and_by_hand()
    {
        var ciName = Workflow.Load(".github/workflows/ci.yml").Root["name"]!.ToString();
        var on = Cd.Root["on"]!.AsObject();

        on.ContainsKey("workflow_dispatch").Should().BeTrue();
        on["workflow_run"]!["workflows"]!.AsArray().Select(n => n!.ToString()).Should().Equal(ciName);
        on["workflow_run"]!["branches"]!.AsArray().Select(n => n!.ToString()).Should().Equal("main");
    }

    [Fact]
    public void Deploys_only_successful_CI_runs_of_pushes_to_this_repository()
    {
        var condition = Deploy.Node["if"]!.ToString();

        condition.Should().Contain("github.event.workflow_run.conclusion == 'success'")
            .And.Contain("github.event.workflow_run.event == 'push'")
            .And.Contain("github.event.workflow_run.head_repository.full_name == github.repository");
    }

    [Fact]
    public void Uses_the_repository_variables_azd_pipeline_config_sets()
    {
        foreach (var name in new[] { "AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID", "AZURE_ENV_NAME", "AZURE_LOCATION" })
        {
            Deploy.EnvValue(name).Should().Be($"${{{{ vars.{name} }}}}");
        }
    }

    [Fact]
    public void Logs_in_with_OIDC_in_a_protected_environment()
    {
        Deploy.Node["permissions"]!["id-token"]!.ToString().Should().Be("write");
        Deploy.Node["environment"]!["name"]!.ToString().Should().NotBeNullOrWhiteSpace();
        Deploy.Steps.Should().Contain(s => s.Uses != null && s.Uses.StartsWith("Azure/setup-azd@", StringComparison.Ordinal));
        Deploy.Steps.Should().NotContain(s => s.Node.ToJsonString().Contains("secrets.", StringComparison.Ordinal),
            "federated credentials need no client secret");
    }

    [Fact]
    public void Provisions_then_deploys_then_smoke_tests_the_ingress()
    {
        var runs = Deploy.Steps.Select(s => s.Run ?? string.Empty).ToList();
        int IndexOf(string text) => runs.FindIndex(r => r.Contains(text, StringComparison.Ordinal));

        var login = IndexOf("azd auth login");
        var provision = IndexOf("azd provision --no-prompt");
        var deploy = IndexOf("azd deploy --no-prompt");
        var values = IndexOf("azd env get-values");
        var smoke = IndexOf("--filter \"Category=Smoke\"");

        new[] { login, provision, deploy, values, smoke }.Should().NotContain(-1).And.BeInAscendingOrder();
        Deploy.Steps.ElementAt(smoke).Node["env"]!["ORDERPLATFORM_ORDER_URL"]!.ToString()
            .Should().Be("${{ steps.endpoints.outputs.order-url }}");
    }

    [Fact]
    public void Provisions_again_after_the_deployment_when_main_bicep_reports_apps_on_the_placeholder()
    {
        var runs = Deploy.Steps.Select(s => s.Run ?? string.Empty).ToList();
        var deploy = runs.FindIndex(r => r.Contains("azd deploy --no-prompt", StringComparison.Ordinal));
        var again = runs.FindIndex(r => r.Contains("^SERVICES_ON_PLACEHOLDER=", StringComparison.Ordinal));
        var smoke = runs.FindIndex(r => r.Contains("--filter \"Category=Smoke\"", StringComparison.Ordinal));

        again.Should().BeGreaterThan(deploy).And.BeLessThan(smoke);
        runs[again].Should().Contain("azd provision --no-prompt");
    }

    [Fact]
    public void The_azd_project_file_is_at_the_repository_root()
    {
        File.Exists(Repo.PathOf("azure.yaml")).Should().BeTrue("azd provision and azd deploy run from the root and read azure.yaml");
    }

    [Fact]
    public void Every_azd_value_the_workflow_reads_is_an_output_of_infra_main_bicep()
    {
        var read = AzdValuePattern().Matches(string.Join('\n', Deploy.Steps.Select(s => s.Run)))
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        var bicep = Repo.PathOf("infra/main.bicep");
        File.Exists(bicep).Should().BeTrue("azd provisions infra/main.bicep");
        var outputs = BicepOutputPattern().Matches(File.ReadAllText(bicep)).Select(m => m.Groups[1].Value).ToHashSet();

        read.Should().NotBeEmpty();
        read.Should().BeSubsetOf(outputs, "azd env get-values lists the outputs of infra/main.bicep");
    }

    /// <summary>A value picked out of `azd env get-values` (NAME="value" lines) with an anchored sed/grep pattern.</summary>
    [GeneratedRegex(@"\^([A-Z][A-Z0-9_]*)=")]
    private static partial Regex AzdValuePattern();

    [GeneratedRegex(@"(?m)^\s*output\s+([A-Za-z_][A-Za-z0-9_]*)\s")]
    private static partial Regex BicepOutputPattern();
}
