using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.DaprFiles;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Hosting;

namespace OrderPlatform.DevSidecar.Tests.Configuration;

/// <summary>The sidecar started from the repository's own dapr.yaml + components, ports moved to free ones by configuration.</summary>
public sealed class RepoRunFileHostTests
{
    [Fact]
    public async Task Services_reach_their_components_as_configured_in_the_repository()
    {
        var apps = DaprRunFile.Load(Path.Combine(RepoRoot.Path, "dapr.yaml")).Apps;
        var ports = FreePorts.Take(apps.Count * 2);
        var args = apps.SelectMany((a, i) => new[]
        {
            $"--DevSidecar:Apps:{a.AppId}:HttpPort={ports[i * 2]}",
            $"--DevSidecar:Apps:{a.AppId}:GrpcPort={ports[(i * 2) + 1]}",
        }).ToArray();
        await using var app = SidecarHost.Build(new SidecarOptions { Args = args, RunFile = Path.Combine(RepoRoot.Path, "dapr.yaml") }, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var payment = app.Services.GetRequiredService<SidecarApps>().FindById("payment-service")!;
        using var client = new Dapr.Client.DaprClientBuilder()
            .UseGrpcEndpoint($"http://127.0.0.1:{payment.GrpcPort}").UseHttpEndpoint($"http://127.0.0.1:{payment.HttpPort}").Build();

        var secret = await client.GetSecretAsync("secret-store", "payment-gateway-key");
        await client.SaveStateAsync("payment-store", "p1", new { amount = 5 });

        secret.Should().ContainKey("payment-gateway-key");
        (await client.GetStateAsync<Dictionary<string, int>>("payment-store", "p1")).Should().Contain("amount", 5);
        await app.StopAsync();
    }
}
