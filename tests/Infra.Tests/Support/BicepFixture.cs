using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderPlatform.Infra.Tests.Support;

/// <summary>
/// Runs the Bicep CLI once per test run (three processes, in parallel): lint every .bicep (SARIF), build every
/// .bicep to ARM JSON, and snapshot main.bicep (the resources a deployment would create, expressions evaluated).
/// </summary>
public sealed class BicepFixture : IAsyncLifetime
{
    public const string EnvironmentName = "infratest";
    public const string Location = "westeurope";

    /// <summary>The deployer as CD signs in: a service principal (azd: AZURE_PRINCIPAL_ID / AZURE_PRINCIPAL_TYPE).</summary>
    public const string DeployerPrincipalId = "00000000-0000-0000-0000-00000000cccc";
    public const string DeployerPrincipalType = "ServicePrincipal";

    private readonly string work = Directory.CreateTempSubdirectory("infra-tests-").FullName;

    public IReadOnlyList<string> BicepFiles { get; } = Directory
        .GetFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoPaths.Infra, f)).Order(StringComparer.Ordinal).ToList();

    public BicepCli.Result Lint { get; private set; } = null!;

    public BicepCli.Result Build { get; private set; } = null!;

    public BicepCli.Result SnapshotRun { get; private set; } = null!;

    public string BuildDirectory => Path.Combine(work, "build");

    public JsonObject MainTemplate => CompiledTemplate("main.bicep");

    public Snapshot Snapshot { get; private set; } = null!;

    public JsonObject CompiledTemplate(string bicepFile) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(BuildDirectory, Path.ChangeExtension(bicepFile, ".json"))))!.AsObject();

    /// <summary>The SARIF documents `bicep lint --pattern` printed, one per file.</summary>
    public IReadOnlyList<JsonObject> LintReports() => ReadJsonStream(Lint.StdOut);

    public async Task InitializeAsync()
    {
        var paramFile = Path.Combine(work, "snapshot.bicepparam");
        var mainPath = Path.GetRelativePath(work, Path.Combine(RepoPaths.Infra, "main.bicep")).Replace('\\', '/');
        await File.WriteAllTextAsync(paramFile,
            $"using '{mainPath}'\nparam environmentName = '{EnvironmentName}'\nparam location = '{Location}'\n" +
            $"param principalId = '{DeployerPrincipalId}'\nparam principalType = '{DeployerPrincipalType}'\n" +
            "param paymentGatewayKey = 'snapshot-only-not-a-key'\n");

        var lint = BicepCli.RunAsync(RepoPaths.Root, "lint", "--pattern", "infra/**/*.bicep", "--diagnostics-format", "sarif");
        var build = BicepCli.RunAsync(RepoPaths.Root, "build", "--pattern", "infra/**/*.bicep", "--outdir", BuildDirectory,
            "--diagnostics-format", "sarif");
        var snapshot = BicepCli.RunAsync(work, "snapshot", paramFile, "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-00000000aaaa", "--tenant-id", "00000000-0000-0000-0000-00000000bbbb");
        (Lint, Build, SnapshotRun) = (await lint, await build, await snapshot);

        var snapshotFile = Path.Combine(work, "snapshot.snapshot.json");
        if (File.Exists(snapshotFile))
        {
            Snapshot = new Snapshot(JsonNode.Parse(await File.ReadAllTextAsync(snapshotFile))!.AsObject());
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }

    internal static List<JsonObject> ReadJsonStream(string text)
    {
        var documents = new List<JsonObject>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            documents.Add(JsonNode.Parse(ref reader)!.AsObject());
        }

        return documents;
    }
}

[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepFixture>
{
    public const string Name = "bicep";
}
