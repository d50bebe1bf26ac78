using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OrderPlatform.DevSidecar.Tests.State;

public sealed class TtlTests
{
    [Fact]
    public async Task A_value_saved_with_ttlInSeconds_expires_after_that_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = await SidecarTestHost.StartAsync(o =>
        {
            o.AddApp("app").AddComponent(TestComponents.StateStore("store"));
            o.ConfigureBuilder = b => b.Services.AddSingleton<TimeProvider>(clock);
        });
        var client = host.CreateDaprClient("app");
        var ttl = new Dictionary<string, string> { ["ttlInSeconds"] = "60" };
        await client.SaveStateAsync("store", "short", new Widget("s", 1), metadata: ttl);
        await client.SaveStateAsync("store", "forever", new Widget("f", 1));

        clock.Advance(TimeSpan.FromSeconds(59));
        (await client.GetStateAsync<Widget?>("store", "short")).Should().NotBeNull();

        clock.Advance(TimeSpan.FromSeconds(1));
        (await client.GetStateAsync<Widget?>("store", "short")).Should().BeNull();
        (await client.GetStateAsync<Widget?>("store", "forever")).Should().NotBeNull();
    }

    [Fact]
    public async Task An_invalid_ttl_is_refused()
    {
        await using var host = await SidecarTestHost.StartAsync(o => o.AddApp("app").AddComponent(TestComponents.StateStore("store")));
        var client = host.CreateDaprClient("app");

        var act = () => client.SaveStateAsync("store", "k", new Widget("x", 1), metadata: new Dictionary<string, string> { ["ttlInSeconds"] = "soon" });

        (await act.Should().ThrowAsync<Dapr.DaprException>()).Which.InnerException!.Message.Should().Contain("ttlInSeconds");
    }
}
