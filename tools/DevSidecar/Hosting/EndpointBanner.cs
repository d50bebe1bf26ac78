using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Hosting;

/// <summary>Once started, logs each app's sidecar endpoints and the environment its service needs.</summary>
internal static partial class EndpointBanner
{
    public static void LogOnStart(WebApplication app)
    {
        var apps = app.Services.GetRequiredService<SidecarApps>();
        var components = app.Services.GetRequiredService<ComponentRegistry>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrderPlatform.DevSidecar");
        var retention = app.Services.GetRequiredService<SidecarSettings>().WorkflowRetention;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var a in apps.All)
            {
                LogApp(logger, a.AppId, a.HttpPort, a.GrpcPort, a.AppPort, components.ForApp(a.AppId).Count);
            }

            LogRetention(logger, retention);
        });
        app.Lifetime.ApplicationStopping.Register(() => LogStopping(logger));
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "[{AppId}] DAPR_HTTP_ENDPOINT=http://127.0.0.1:{HttpPort} DAPR_GRPC_ENDPOINT=http://127.0.0.1:{GrpcPort} app channel http://127.0.0.1:{AppPort} ({Components} components)")]
    private static partial void LogApp(ILogger logger, string appId, int httpPort, int grpcPort, int appPort, int components);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended workflow instances: {Retention}")]
    private static partial void LogRetention(ILogger logger, Workflows.Retention.WorkflowRetentionPolicy retention);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dev sidecar stopping (in-memory state, messages and workflows are discarded)")]
    private static partial void LogStopping(ILogger logger);
}
