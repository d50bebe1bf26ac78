using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Hosting;

// dotnet run --project tools/DevSidecar -- [--run-file dapr.yaml] [--resources-path components]
var options = new SidecarOptions { Args = args, DefaultRunFile = "dapr.yaml" };
var app = SidecarHost.Build(options);
await app.RunAsync();

/// <summary>The sidecar's entry point (public for tests).</summary>
public partial class Program;
