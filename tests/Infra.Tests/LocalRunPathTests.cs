using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>
/// Every path in dapr.yaml and every file path inside components/ resolves under <c>dapr run -f .</c> as the Dapr CLI
/// and daprd resolve it (see <see cref="DaprRunFile"/>): from the run file's folder, from each app's appDirPath, and
/// from daprd's working directory (= appDirPath) for paths daprd opens itself.
/// </summary>
public sealed class LocalRunPathTests
{
    /// <summary>
    /// Metadata that components-contrib opens as a file path (from each type's metadata.yaml in dapr/components-contrib:
    /// secretstores/local/file, state/postgresql/v1, pubsub/redis, bindings/cron). A type missing here fails the test, so a new
    /// component type gets its path fields looked up before it is used.
    /// </summary>
    private static readonly Dictionary<string, string[]> PathMetadata = new(StringComparer.Ordinal)
    {
        ["secretstores.local.file"] = ["secretsFile"],
        ["state.postgresql"] = ["sslRootCert"],
        ["pubsub.redis"] = [],
        ["bindings.cron"] = [],
    };

    private static readonly IReadOnlyList<DaprRunApp> Apps = DaprRunFile.Resolve(RepoPaths.Combine("dapr.yaml"));

    [Fact]
    public void Every_app_gets_the_repositorys_components_and_configuration_from_its_appDirPath()
    {
        Apps.Select(a => a.AppId).Should().BeEquivalentTo(AppIds.All);
        foreach (var app in Apps)
        {
            app.AppDirPath.Should().StartWith(RepoPaths.Combine("apps") + Path.DirectorySeparatorChar, app.AppId);
            File.Exists(Path.Combine(app.AppDirPath, Path.GetFileName(app.AppDirPath) + ".csproj"))
                .Should().BeTrue($"{app.AppId}'s command (dotnet run) runs in its appDirPath, which must hold its project");
            app.ResourcesPaths.Should().Equal([RepoPaths.Combine("components")],
                $"{app.AppId} must not pick up another folder (an appDirPath/.dapr/resources folder takes precedence over common)");
            app.ConfigFile.Should().Be(RepoPaths.Combine("components", "config", "appconfig.yaml"), app.AppId);
        }
    }

    [Fact]
    public void Every_file_a_component_names_exists_from_the_working_directory_of_each_daprd_that_loads_it()
    {
        var checkedPaths = 0;
        foreach (var app in Apps)
        {
            foreach (var component in ComponentsLoadedBy(app))
            {
                var type = (string)component["spec"]!["type"]!;
                var name = (string)component["metadata"]!["name"]!;
                PathMetadata.Should().ContainKey(type, $"{name}: look up which metadata of {type} are file paths");
                foreach (var item in component["spec"]!["metadata"]?.AsArray() ?? [])
                {
                    if (!PathMetadata[type].Contains((string)item!["name"]!) || (string?)item["value"] is not { Length: > 0 } path)
                    {
                        continue;
                    }

                    var opened = app.Open(path);
                    File.Exists(opened).Should().BeTrue(
                        $"{name}.{item["name"]} = {path} is opened by {app.AppId}'s daprd, started in {app.WorkingDirectory}, as {opened}");
                    checkedPaths++;
                }
            }
        }

        checkedPaths.Should().BePositive("secret-store's secretsFile is one such path");
    }

    [Fact]
    public void The_resolver_reads_paths_from_each_apps_directory_as_daprd_does()
    {
        var payment = Apps.Single(a => a.AppId == AppIds.PaymentService);

        payment.WorkingDirectory.Should().Be(RepoPaths.Combine("apps", "PaymentService"));
        payment.Open("./components/secrets.json").Should().Be(RepoPaths.Combine("apps", "PaymentService", "components", "secrets.json"));
    }

    /// <summary>The kind: Component documents of the app's resources paths that are scoped to it (or unscoped).</summary>
    private static IEnumerable<JsonNode> ComponentsLoadedBy(DaprRunApp app) =>
        app.ResourcesPaths.SelectMany(dir => Directory.GetFiles(dir, "*.y*ml"))
            .Select(f => Yaml.Parse(File.ReadAllText(f)))
            .Where(y => (string?)y["kind"] == "Component")
            .Where(y => y["scopes"]?.AsArray() is not { Count: > 0 } scopes || scopes.Any(s => (string?)s == app.AppId));
}
