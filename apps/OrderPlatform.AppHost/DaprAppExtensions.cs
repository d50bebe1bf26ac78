using System.Globalization;
using OrderPlatform.DaprFiles;

namespace OrderPlatform.AppHost;

internal static class DaprAppExtensions
{
    /// <summary>
    /// A service on its dapr.yaml app port (not proxied, so load tests see the app itself), pointed at its sidecar with
    /// <c>DAPR_HTTP_ENDPOINT</c> / <c>DAPR_GRPC_ENDPOINT</c>, healthy when <c>/health/ready</c> (which includes the
    /// sidecar) answers.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDaprApp<TProject>(this IDistributedApplicationBuilder builder,
        string appId, DaprRunFile runFile, DaprSidecars sidecars, string appApiToken)
        where TProject : IProjectMetadata, new()
    {
        var app = runFile.App(appId);
        var sidecar = sidecars.For(app);
        var daprHttp = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{app.DaprHttpPort}");
        var daprGrpc = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{app.DaprGrpcPort}");
        var project = builder.AddProject<TProject>(appId, launchProfileName: null)
            .WithHttpEndpoint(port: app.AppPort, isProxied: false)
            .WithEnvironment("DAPR_HTTP_ENDPOINT", daprHttp)
            .WithEnvironment("DAPR_GRPC_ENDPOINT", daprGrpc)
            .WithEnvironment("APP_API_TOKEN", appApiToken)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithHttpHealthCheck("/health/ready")
            .WaitFor(sidecar);
        return project;
    }
}
