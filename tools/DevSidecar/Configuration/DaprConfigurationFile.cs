using OrderPlatform.DaprFiles;
using OrderPlatform.DevSidecar.Resiliency;
using OrderPlatform.DevSidecar.Workflows.Retention;
using YamlDotNet.Core;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>
/// The parts of a Dapr <c>Configuration</c> file (daprd's <c>--config</c>, the run file's <c>configFilePath</c>) the
/// sidecar applies: <c>spec.workflow.stateRetentionPolicy</c>. Other settings (tracing, features, ...) are ignored.
/// </summary>
public static class DaprConfigurationFile
{
    public static WorkflowRetentionPolicy LoadRetention(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Dapr configuration file '{path}' does not exist.", path);
        }

        using var reader = File.OpenText(path);
        ConfigurationModel? model;
        try
        {
            model = DaprYaml.Deserializer.Deserialize<ConfigurationModel?>(reader);
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"{path}: not a Dapr Configuration ({e.Message}).", e);
        }

        if (model is null || !string.Equals(model.Kind, "Configuration", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path}: expected 'kind: Configuration'.");
        }

        var policy = model.Spec?.Workflow?.StateRetentionPolicy;
        return policy is null
            ? WorkflowRetentionPolicy.KeepForever
            : new WorkflowRetentionPolicy(
                Duration(path, "anyTerminal", policy.AnyTerminal),
                Duration(path, "completed", policy.Completed),
                Duration(path, "failed", policy.Failed),
                Duration(path, "terminated", policy.Terminated));
    }

    private static TimeSpan? Duration(string path, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return DaprDuration.TryParse(value, out var duration) && duration >= TimeSpan.Zero
            ? duration
            : throw new InvalidOperationException(
                $"{path}: spec.workflow.stateRetentionPolicy.{field} '{value}' is not a duration (e.g. 1m, 72h, 1h30m).");
    }

    private sealed class ConfigurationModel
    {
        public string? Kind { get; set; }

        public SpecModel? Spec { get; set; }
    }

    private sealed class SpecModel
    {
        public WorkflowModel? Workflow { get; set; }
    }

    private sealed class WorkflowModel
    {
        public RetentionModel? StateRetentionPolicy { get; set; }
    }

    private sealed class RetentionModel
    {
        public string? AnyTerminal { get; set; }

        public string? Completed { get; set; }

        public string? Failed { get; set; }

        public string? Terminated { get; set; }
    }
}
