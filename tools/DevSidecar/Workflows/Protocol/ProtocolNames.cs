namespace OrderPlatform.DevSidecar.Workflows.Protocol;

/// <summary>Naming differences between the forks that do not change meaning (Dapr renamed orchestrations to workflows).</summary>
public static class ProtocolNames
{
    /// <summary>Dapr's <c>CompleteWorkflowTask</c> is Microsoft's <c>CompleteOrchestratorTask</c>; other names match.</summary>
    public static string MicrosoftMethodName(string daprMethod) =>
        daprMethod == "CompleteWorkflowTask" ? "CompleteOrchestratorTask" : daprMethod;

    /// <summary>A field or enum value name with the orchestration→workflow renames folded, for comparison.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Replace("_", string.Empty, StringComparison.Ordinal)
            .ToUpperInvariant()
            .Replace("SUBORCHESTRATION", "CHILDWORKFLOW", StringComparison.Ordinal)
            .Replace("ORCHESTRATOR", "WORKFLOW", StringComparison.Ordinal)
            .Replace("ORCHESTRATION", "WORKFLOW", StringComparison.Ordinal);
    }
}
