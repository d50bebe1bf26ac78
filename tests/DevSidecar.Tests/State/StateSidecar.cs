namespace OrderPlatform.DevSidecar.Tests.State;

/// <summary>A sidecar for state tests: apps a and b sharing store "shared" (keyPrefix appid), plus b-only "private".</summary>
public sealed class StateSidecar : IAsyncLifetime
{
    public SidecarTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SidecarTestHost.StartAsync(o => o
        .AddApp("app-a")
        .AddApp("app-b")
        .AddComponent(TestComponents.StateStore("shared"))
        .AddComponent(TestComponents.StateStore("by-name", new Dictionary<string, string> { ["keyPrefix"] = "name" }))
        .AddComponent(TestComponents.StateStore("no-prefix", new Dictionary<string, string> { ["keyPrefix"] = "none" }))
        .AddComponent(TestComponents.StateStore("custom", new Dictionary<string, string> { ["keyPrefix"] = "tenant1" }))
        .AddComponent(TestComponents.StateStore("private", "app-b"))
        .AddComponent(TestComponents.PubSub("events")));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
