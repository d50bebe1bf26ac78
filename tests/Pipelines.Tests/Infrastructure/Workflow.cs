using System.Text.Json.Nodes;

namespace Pipelines.Tests.Infrastructure;

/// <summary>A workflow file read as JSON (see <see cref="YamlJson"/>), with its jobs and steps.</summary>
internal sealed record Workflow(string File, JsonObject Root)
{
    public static Workflow Load(string relativePath) =>
        new(relativePath, YamlJson.Parse(Repo.ReadText(relativePath)) as JsonObject
            ?? throw new InvalidOperationException($"{relativePath} is not a YAML mapping"));

    public static IReadOnlyList<Workflow> All() => Repo.WorkflowFiles().Select(Load).ToList();

    public IEnumerable<Job> Jobs =>
        (Root["jobs"] as JsonObject ?? [])
            .Select(kv => new Job(this, kv.Key, kv.Value as JsonObject ?? []));

    public IEnumerable<Step> Steps => Jobs.SelectMany(j => j.Steps);

    public Job Job(string id) => Jobs.Single(j => j.Id == id);
}

internal sealed record Job(Workflow Workflow, string Id, JsonObject Node)
{
    public IEnumerable<Step> Steps =>
        (Node["steps"] as JsonArray ?? []).Select((s, i) => new Step(this, i, s as JsonObject ?? []));

    public string Where => $"{Workflow.File} job '{Id}'";

    public string? EnvValue(string name) => (Node["env"] as JsonObject)?[name]?.ToString();
}

internal sealed record Step(Job Job, int Index, JsonObject Node)
{
    public string? Uses => Node["uses"]?.ToString();

    public string? Run => Node["run"]?.ToString();

    public string? WorkingDirectory => Node["working-directory"]?.ToString();

    public string Where => $"{Job.Where} step {Index + 1} ({Node["name"]?.ToString() ?? Uses ?? "unnamed"})";
}
