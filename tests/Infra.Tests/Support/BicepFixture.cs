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

    /// <summary>The app registration's client id the snapshot provisions with (azd's preprovision hook sets the real one).</summary>
    public const string OrderApiClientId = "11111111-2222-3333-4444-555555555555";
    public const string Location = "westeurope";

    /// <summary>The deployer as CD signs in: a service principal (azd: AZURE_PRINCIPAL_ID / AZURE_PRINCIPAL_TYPE).</summary>
    public const string DeployerPrincipalId = "00000000-0000-0000-0000-00000000cccc";
    public const string DeployerPrincipalType = "ServicePrincipal";

    /// <summary>The snapshot's ALERT_EMAIL (main.bicep <c>alertEmail</c>).</summary>
    public const string AlertEmail = "operators@example.com";

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

    /// <summary>main.bicep as the default snapshot, with the private-network mode on.</summary>
    public Snapshot PrivateSnapshot { get; private set; } = null!;

    /// <summary>app/container-app.bicep alone, as a provision after `azd deploy` runs it: with the app's real image.</summary>
    public Snapshot DeployedAppSnapshot { get; private set; } = null!;

    public const string DeployedImage = "crinfratest.azurecr.io/order-platform/order-service-infratest:azd-deploy-1";

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
            "param paymentGatewayKey = 'snapshot-only-not-a-key'\n" +
            $"param alertEmail = '{AlertEmail}'\n" +
            $"param orderApiClientId = '{OrderApiClientId}'\n");

        var lint = BicepCli.RunAsync(RepoPaths.Root, "lint", "--pattern", "infra/**/*.bicep", "--diagnostics-format", "sarif");
        var build = BicepCli.RunAsync(RepoPaths.Root, "build", "--pattern", "infra/**/*.bicep", "--outdir", BuildDirectory,
            "--diagnostics-format", "sarif");
        var snapshot = BicepCli.RunAsync(work, "snapshot", paramFile, "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-00000000aaaa", "--tenant-id", "00000000-0000-0000-0000-00000000bbbb");
        var privateParamFile = Path.Combine(work, "private.bicepparam");
        await File.WriteAllTextAsync(privateParamFile, (await File.ReadAllTextAsync(paramFile)) + "param privateNetwork = true\n");
        var privateSnapshot = BicepCli.RunAsync(work, "snapshot", privateParamFile, "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-00000000aaaa", "--tenant-id", "00000000-0000-0000-0000-00000000bbbb");

        var appParamFile = Path.Combine(work, "deployed-app.bicepparam");
        var appPath = Path.GetRelativePath(work, Path.Combine(RepoPaths.Infra, "app", "container-app.bicep")).Replace('\\', '/');
        await File.WriteAllTextAsync(appParamFile, $$"""
            using '{{appPath}}'
            param location = '{{Location}}'
            param tags = {}
            param appId = 'order-service'
            param environmentId = '/subscriptions/00000000-0000-0000-0000-00000000aaaa/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/cae'
            param identityName = 'id-order-service'
            param registryServer = 'crinfratest.azurecr.io'
            param image = '{{DeployedImage}}'
            param applicationInsightsName = 'appi'
            """);
        var appSnapshot = BicepCli.RunAsync(work, "snapshot", appParamFile, "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-00000000aaaa", "--tenant-id", "00000000-0000-0000-0000-00000000bbbb",
            "--resource-group", "rg");
        (Lint, Build, SnapshotRun) = (await lint, await build, await snapshot);
        var appRun = await appSnapshot;
        var privateRun = await privateSnapshot;

        Snapshot = Load("snapshot.snapshot.json")!;
        PrivateSnapshot = Load("private.snapshot.json")
            ?? throw new InvalidOperationException($"bicep snapshot with privateNetwork failed: {privateRun.StdOut}{privateRun.StdErr}");
        DeployedAppSnapshot = Load("deployed-app.snapshot.json")
            ?? throw new InvalidOperationException($"bicep snapshot of container-app.bicep failed: {appRun.StdOut}{appRun.StdErr}");
    }

    private Snapshot? Load(string file)
    {
        var path = Path.Combine(work, file);
        return File.Exists(path) ? new Snapshot(JsonNode.Parse(File.ReadAllText(path))!.AsObject()) : null;
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
