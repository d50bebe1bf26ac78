using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.DaprFiles;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Hosting;

namespace OrderPlatform.DevSidecar.Tests.Configuration;

/// <summary>
/// Relative paths in component metadata resolve per app from its run-file <c>appDirPath</c>, because <c>dapr run -f</c>
/// starts each daprd there (dapr/cli cmd/run.go, startDaprdAndAppProcesses) and secretstores.local.file opens
/// <c>secretsFile</c> as given (dapr/components-contrib secretstores/local/file/filestore.go).
/// </summary>
public sealed class AppDirectoryPathTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sidecar-appdir-").FullName;

    [Fact]
    public void The_run_file_gives_each_app_its_appDirPath_resolved_against_the_run_files_directory()
    {
        var apps = DaprRunFile.Load(Path.Combine(RepoRoot.Path, "dapr.yaml")).Apps;

        apps.Single(a => a.AppId == "payment-service").AppDirectory.Should().Be(Path.Combine(RepoRoot.Path, "apps", "PaymentService"));
        apps.Should().OnlyContain(a => a.AppDirectory != null && Directory.Exists(a.AppDirectory));
    }

    [Fact]
    public void A_relative_path_resolves_from_the_apps_directory_and_from_the_base_directory_for_an_app_without_one()
    {
        var registry = new ComponentRegistry([], root, [new AppDefinition("a", 1, 2, 3, Path.Combine(root, "apps", "a")), new AppDefinition("b", 4, 5, 6)]);

        registry.ResolvePath("a", "./secrets.json").Should().Be(Path.Combine(root, "apps", "a", "secrets.json"));
        registry.ResolvePath("a", "../../shared.json").Should().Be(Path.Combine(root, "shared.json"));
        registry.ResolvePath("b", "./secrets.json").Should().Be(Path.Combine(root, "secrets.json"));
    }

    [Fact]
    public void The_repositorys_secret_store_file_is_found_from_payment_services_directory()
    {
        var runFile = DaprRunFile.Load(Path.Combine(RepoRoot.Path, "dapr.yaml"));
        var registry = new ComponentRegistry(ComponentLoader.LoadFolder(Path.Combine(RepoRoot.Path, "components")), runFile.BaseDirectory, runFile.Apps.Select(AppDefinition.From));
        var store = registry.Resolve("payment-service", "secret-store", "secretstores.");

        registry.ResolvePath("payment-service", store.GetMetadata("secretsFile")!)
            .Should().Be(Path.Combine(RepoRoot.Path, "components", "secrets.json"));
    }

    [Fact]
    public async Task One_secret_store_scoped_to_two_apps_reads_the_file_in_each_apps_directory()
    {
        WriteSecrets("apps/first", "first-value");
        WriteSecrets("apps/second", "second-value");
        WriteSecrets(".", "run-file-directory-value");
        File.WriteAllText(Path.Combine(root, "dapr.yaml"), """
            version: 1
            apps:
              - appID: first
                appDirPath: ./apps/first/
                appPort: 1
                daprHTTPPort: 2
                daprGRPCPort: 3
              - appID: second
                appDirPath: ./apps/second
                appPort: 4
                daprHTTPPort: 5
                daprGRPCPort: 6
            """);
        var ports = FreePorts.Take(4);
        var options = new SidecarOptions
        {
            RunFile = Path.Combine(root, "dapr.yaml"),
            Args =
            [
                $"--DevSidecar:Apps:first:HttpPort={ports[0]}", $"--DevSidecar:Apps:first:GrpcPort={ports[1]}",
                $"--DevSidecar:Apps:second:HttpPort={ports[2]}", $"--DevSidecar:Apps:second:GrpcPort={ports[3]}",
            ],
        };
        options.Components.Add(TestComponents.SecretFile("secrets", "./secrets.json", null, "first", "second"));
        await using var app = SidecarHost.Build(options, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();

        (await SecretOf(app, "first")).Should().Be("first-value");
        (await SecretOf(app, "second")).Should().Be("second-value");
        await app.StopAsync();
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static async Task<string> SecretOf(WebApplication app, string appId)
    {
        var ports = app.Services.GetRequiredService<SidecarApps>().FindById(appId)!;
        using var client = new DaprClientBuilder()
            .UseGrpcEndpoint($"http://127.0.0.1:{ports.GrpcPort}").UseHttpEndpoint($"http://127.0.0.1:{ports.HttpPort}").Build();
        return (await client.GetSecretAsync("secrets", "key"))["key"];
    }

    private void WriteSecrets(string directory, string value)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, directory)).FullName;
        File.WriteAllText(Path.Combine(dir, "secrets.json"), $$"""{ "key": "{{value}}" }""");
    }
}
