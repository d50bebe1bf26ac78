using Dapr.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Support;

/// <summary>
/// An app as a service would host Dapr.Workflow: worker + DaprWorkflowClient against its sidecar gRPC port (or the
/// client alone, <see cref="StartClientAsync"/>).
/// </summary>
internal sealed class WorkflowApp : IAsyncDisposable
{
    private readonly IHost host;

    private WorkflowApp(IHost host) => this.host = host;

    public DaprWorkflowClient Client => host.Services.GetRequiredService<DaprWorkflowClient>();

    public ActivityJournal Journal => host.Services.GetRequiredService<ActivityJournal>();

    public static Task<WorkflowApp> StartAsync(
        Uri grpcEndpoint, Action<WorkflowRuntimeOptions> register, string? apiToken = null,
        Action<IServiceCollection>? services = null) =>
        StartAsync(grpcEndpoint, apiToken, s =>
        {
            services?.Invoke(s);
            s.AddDaprWorkflow(register);
        });

    /// <summary>DaprWorkflowClient without a worker: schedules and raises events while no worker is connected.</summary>
    public static Task<WorkflowApp> StartClientAsync(Uri grpcEndpoint) =>
        StartAsync(grpcEndpoint, apiToken: null, s => s.AddSingleton(_ =>
            new Dapr.Workflow.Registration.DaprWorkflowClientBuilder().UseGrpcEndpoint(grpcEndpoint.ToString()).Build()));

    private static async Task<WorkflowApp> StartAsync(Uri grpcEndpoint, string? apiToken, Action<IServiceCollection> services)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_ENDPOINT"] = grpcEndpoint.ToString(),
            ["DAPR_API_TOKEN"] = apiToken,
        });
        builder.Services.AddSingleton<ActivityJournal>();
        services(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new WorkflowApp(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
