using OrderPlatform.DaprFiles;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Hosting;

// dotnet run --project tools/DevSidecar -- [--run-file dapr.yaml] [--resources-path components]
// Without --run-file, the nearest dapr.yaml in the working directory or above it is used.
var options = new SidecarOptions { Args = args, DefaultRunFile = DaprRunFile.FindUpwards(Directory.GetCurrentDirectory()) };
var app = SidecarHost.Build(options);
await app.RunAsync();


/// <summary>Internal: test projects reference the sidecar beside a service, whose own <c>Program</c> is public.</summary>
internal partial class Program;
