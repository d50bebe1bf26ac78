using DurableTask.Core;
using Microsoft.Extensions.Configuration;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Workflows.Retention;

namespace OrderPlatform.DevSidecar.Tests.Configuration;

/// <summary>The Dapr Configuration file: where it comes from and the workflow retention policy read from it.</summary>
public sealed class DaprConfigurationFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("devsidecar-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_repositorys_run_file_gives_every_sidecar_the_local_configuration()
    {
        var settings = SidecarSettings.Resolve(
            new SidecarOptions { RunFile = Path.Combine(RepoRoot.Path, "dapr.yaml") }, new ConfigurationBuilder().Build());

        settings.WorkflowRetention.Should().Be(new WorkflowRetentionPolicy(
            AnyTerminal: TimeSpan.FromHours(72), Completed: TimeSpan.FromMinutes(1),
            Failed: TimeSpan.FromHours(72), Terminated: TimeSpan.FromHours(72)));
    }

    [Fact]
    public void The_config_option_overrides_the_run_files_configFilePath()
    {
        var file = Write("completed: 30s");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["config"] = file }).Build();

        var settings = SidecarSettings.Resolve(new SidecarOptions { RunFile = Path.Combine(RepoRoot.Path, "dapr.yaml") }, configuration);

        settings.WorkflowRetention.Should().Be(new WorkflowRetentionPolicy(Completed: TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Without_a_configuration_ended_instances_are_kept_until_purged()
    {
        var settings = SidecarSettings.Resolve(new SidecarOptions(), new ConfigurationBuilder().Build());

        settings.WorkflowRetention.KeepsEverything.Should().BeTrue();
    }

    [Fact]
    public void A_configuration_without_a_workflow_section_keeps_everything()
    {
        var file = Path.Combine(folder, "plain.yaml");
        File.WriteAllText(file, "apiVersion: dapr.io/v1alpha1\nkind: Configuration\nmetadata:\n  name: c\nspec:\n  tracing:\n    samplingRate: \"1\"\n");

        DaprConfigurationFile.LoadRetention(file).KeepsEverything.Should().BeTrue();
    }

    [Fact]
    public void A_duration_that_is_not_one_names_the_field_at_fault()
    {
        var act = () => DaprConfigurationFile.LoadRetention(Write("completed: 1m", "failed: soon"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*stateRetentionPolicy.failed 'soon'*");
    }

    [Fact]
    public void A_file_of_another_kind_or_a_missing_file_is_a_startup_error()
    {
        var component = Path.Combine(folder, "component.yaml");
        File.WriteAllText(component, "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: c\n");

        ((Action)(() => DaprConfigurationFile.LoadRetention(component))).Should().Throw<InvalidOperationException>().WithMessage("*kind: Configuration*");
        ((Action)(() => DaprConfigurationFile.LoadRetention(Path.Combine(folder, "none.yaml")))).Should().Throw<FileNotFoundException>();
    }

    [Theory]
    [InlineData(OrchestrationStatus.Completed, 1)]
    [InlineData(OrchestrationStatus.Failed, 72)]
    [InlineData(OrchestrationStatus.Terminated, 72)]
    [InlineData(OrchestrationStatus.Canceled, 72)]
    public void Each_terminal_state_uses_its_own_retention_or_anyTerminal(OrchestrationStatus status, int hours)
    {
        var policy = new WorkflowRetentionPolicy(AnyTerminal: TimeSpan.FromHours(72), Completed: TimeSpan.FromHours(1));

        policy.For(status).Should().Be(TimeSpan.FromHours(hours));
    }

    [Theory]
    [InlineData(OrchestrationStatus.Running)]
    [InlineData(OrchestrationStatus.Pending)]
    [InlineData(OrchestrationStatus.Suspended)]
    public void Instances_that_have_not_ended_have_no_retention(OrchestrationStatus status) =>
        new WorkflowRetentionPolicy(AnyTerminal: TimeSpan.FromMinutes(1)).For(status).Should().BeNull();

    private string Write(params string[] retention)
    {
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, TestComponents.RetentionConfiguration(retention));
        return file;
    }
}
