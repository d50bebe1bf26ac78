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
    public void The_smoke_tests_get_the_api_scope_main_bicep_outputs_and_sign_in_through_azd()
    {
        var runs = Deploy.Steps.Select(s => s.Run ?? string.Empty).ToList();
        var values = runs.FindIndex(r => r.Contains("azd env get-values > ", StringComparison.Ordinal));
        var smoke = runs.FindIndex(r => r.Contains("--filter \"Category=Smoke\"", StringComparison.Ordinal));

        // The scope is read from main.bicep's ORDER_API_SCOPE output, written to the step output the smoke step reads.
        runs[values].Should().Contain("^ORDER_API_SCOPE=").And.Contain("api-scope=$api_scope");
        Deploy.Steps.ElementAt(smoke).Node["env"]!["ORDERPLATFORM_API_SCOPE"]!.ToString()
            .Should().Be("${{ steps.endpoints.outputs.api-scope }}");
        Repo.ReadText("infra/main.bicep").Should().Contain("output ORDER_API_SCOPE string = 'api://${orderApiClientId}/.default'");
        // tests/EndToEnd.Tests reads that variable and asks azd's signed-in identity (the azd auth login step) for the token.
        var clients = Repo.ReadText("tests/EndToEnd.Tests/Infrastructure/PlatformClients.cs");
        clients.Should().Contain("\"ORDERPLATFORM_API_SCOPE\"").And.Contain("new AzureDeveloperCliCredential()");
        runs.FindIndex(r => r.Contains("azd auth login", StringComparison.Ordinal)).Should().BeLessThan(smoke);
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

    [Fact]
    public void Every_infra_parameter_azd_does_not_compute_is_a_pipeline_variable_the_job_passes_to_azd()
    {
        // azd computes these itself (Azure/azure-dev cli/azd/pkg/infra/provisioning/bicep/bicep_provider.go for the
        // principal; service_target_containerapp.go sets SERVICE_<NAME>_RESOURCE_EXISTS before provisioning); the
        // job's env sets AZURE_ENV_NAME and AZURE_LOCATION from the variables azd pipeline config always creates.
        string[] computed = ["AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_PRINCIPAL_ID", "AZURE_PRINCIPAL_TYPE"];
        var parameters = ParameterFileVariablePattern().Matches(Repo.ReadText("infra/main.parameters.json"))
            .Select(m => m.Groups[1].Value)
            .Where(v => !computed.Contains(v) && !(v.StartsWith("SERVICE_", StringComparison.Ordinal) && v.EndsWith("_RESOURCE_EXISTS", StringComparison.Ordinal)))
            .Distinct().ToList();
        var pipelineVariables = (YamlJson.Parse(Repo.ReadText("azure.yaml"))!["pipeline"]?["variables"] as JsonArray ?? [])
            .Select(v => v!.ToString()).ToList();

        parameters.Should().NotBeEmpty();
        pipelineVariables.Should().BeEquivalentTo(parameters, "azd pipeline config copies exactly these to GitHub");
        foreach (var name in parameters)
        {
            Deploy.EnvValue(name).Should().Be($"${{{{ vars.{name} }}}}", $"a CD provision must not reset {name} to its default");
        }
    }

    [Fact]
    public void Installs_a_pinned_azd_version()
    {
        var step = Deploy.Steps.Single(s => s.Uses != null && s.Uses.StartsWith("Azure/setup-azd@", StringComparison.Ordinal));
        // Azure/setup-azd action.yml: input `version`, default 'latest'.
        (step.Node["with"]?["version"]?.ToString()).Should().MatchRegex(@"^\d+\.\d+\.\d+$");
    }

    [Fact]
    public void Waits_for_the_new_revisions_and_the_ingress_before_the_smoke_tests()
    {
        var runs = Deploy.Steps.Select(s => s.Run ?? string.Empty).ToList();
        var wait = runs.FindIndex(r => r.Contains("latestReadyRevisionName", StringComparison.Ordinal));
        var values = runs.FindIndex(r => r.Contains("azd env get-values >", StringComparison.Ordinal));
        var smoke = runs.FindIndex(r => r.Contains("--filter \"Category=Smoke\"", StringComparison.Ordinal));
        wait.Should().BeGreaterThan(values).And.BeLessThan(smoke);
        runs[wait].Should().Contain("latestRevisionName").And.Contain("/health/ready").And.Contain("exit 1");

        // Every app the smoke order passes through; notification-service scales to zero and is not on that path.
        var services = (YamlJson.Parse(Repo.ReadText("azure.yaml"))!["services"] as JsonObject)!.Select(p => p.Key);
        foreach (var app in services.Where(a => a != "notification-service"))
        {
            runs[wait].Should().Contain(app);
        }
    }

    /// <summary>`${NAME}` or `${NAME=default}` in an azd parameters file.</summary>
    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)[^}]*\}")]
    private static partial Regex ParameterFileVariablePattern();

    /// <summary>A value picked out of `azd env get-values` (NAME="value" lines) with an anchored sed/grep pattern.</summary>
    [GeneratedRegex(@"\^([A-Z][A-Z0-9_]*)=")]
    private static partial Regex AzdValuePattern();

    [GeneratedRegex(@"(?m)^\s*output\s+([A-Za-z_][A-Za-z0-9_]*)\s")]
    private static partial Regex BicepOutputPattern();
}
