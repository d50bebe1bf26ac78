using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Pipelines.Tests.Infrastructure;

/// <summary>The SchemaStore GitHub workflow schema (copied into Schemas/, see Schemas/SOURCES.md).</summary>
internal static class WorkflowSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "github-workflow.json")));

    /// <summary>Schema errors as "instance location: message"; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode? document)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var results = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .DefaultIfEmpty("invalid (no details)")
            .ToList();
    }
}
