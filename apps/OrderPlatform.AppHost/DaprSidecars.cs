using System.Globalization;
using OrderPlatform.DaprFiles;

namespace OrderPlatform.AppHost;

/// <summary>How each app gets its Dapr sidecar: the shared dev sidecar, or one real <c>daprd</c> per app.</summary>
internal sealed class DaprSidecars
{
    private readonly Func<DaprRunApp, IResourceBuilder<IResource>> _forApp;

    private DaprSidecars(Func<DaprRunApp, IResourceBuilder<IResource>> forApp) => _forApp = forApp;

    public IResourceBuilder<IResource> For(DaprRunApp app) => _forApp(app);

    /// <summary>One dev sidecar process serves every app-id on the ports of dapr.yaml.</summary>
    public static DaprSidecars DevSidecar(IDistributedApplicationBuilder builder, string root, DaprRunFile runFile, string appApiToken)
    {
        var first = runFile.Apps[0];
        var sidecar = builder.AddProject<Projects.DevSidecar>("dapr-dev-sidecar", launchProfileName: null)
            .WithArgs("--run-file", Path.Combine(root, "dapr.yaml"))
            .WithEnvironment("APP_API_TOKEN", appApiToken)
            .WithHttpEndpoint(port: first.DaprHttpPort, isProxied: false)
            .WithHttpHealthCheck("/v1.0/healthz", statusCode: 204);
        return new DaprSidecars(_ => sidecar);
    }

    /// <summary>
    /// Real Dapr: one <c>daprd</c> per app with the components, resiliency and configuration <c>dapr run -f .</c> gives
    /// it, started like the CLI starts it: in the app's <c>appDirPath</c>, where relative component paths (secret-store's
    /// <c>secretsFile</c>) resolve. Needs the Dapr CLI's <c>dapr init</c> (daprd on PATH, Redis for order-pubsub,
    /// placement on 50005 and scheduler on 50006) and the local PostgreSQL of <c>scripts/local-postgres.sh</c>. Not
    /// testable on machines without daprd; the GitHub CI job that runs the end-to-end suite on real Dapr uses
    /// <c>dapr run -f .</c>.
    /// </summary>
    public static DaprSidecars Daprd(IDistributedApplicationBuilder builder, string root, DaprRunFile runFile, string appApiToken) =>
        new(app => builder.AddExecutable($"{app.AppId}-daprd", "daprd", app.AppDirectory ?? runFile.BaseDirectory,
                [
                    "--app-id", app.AppId,
                    "--app-port", app.AppPort.ToString(CultureInfo.InvariantCulture),
                    "--dapr-http-port", app.DaprHttpPort.ToString(CultureInfo.InvariantCulture),
                    "--dapr-grpc-port", app.DaprGrpcPort.ToString(CultureInfo.InvariantCulture),
                    "--resources-path", runFile.ResourcesDirectory ?? Path.Combine(root, "components"),
                    "--placement-host-address", "localhost:50005",
                    "--scheduler-host-address", "localhost:50006",
                    .. runFile.ConfigFile is { } config ? ["--config", config] : Array.Empty<string>(),
                ])
            .WithEnvironment("APP_API_TOKEN", appApiToken)
            .WithHttpEndpoint(port: app.DaprHttpPort, isProxied: false)
            .WithHttpHealthCheck("/v1.0/healthz/outbound", statusCode: 204));
}
