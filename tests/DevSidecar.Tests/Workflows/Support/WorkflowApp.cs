using Dapr.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Support;

/// <summary>An app as a service would host Dapr.Workflow: worker + DaprWorkflowClient against its sidecar gRPC port.</summary>
internal sealed class WorkflowApp : IAsyncDisposable
{
    private readonly IHost host;

    private WorkflowApp(IHost host) => this.host = host;

    public DaprWorkflowClient Client => host.Services.GetRequiredService<DaprWorkflowClient>();

    public ActivityJournal Journal => host.Services.GetRequiredService<ActivityJournal>();

    public static async Task<WorkflowApp> StartAsync(
        Uri grpcEndpoint, Action<WorkflowRuntimeOptions> register, string? apiToken = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_ENDPOINT"] = grpcEndpoint.ToString(),
            ["DAPR_API_TOKEN"] = apiToken,
        });
        builder.Services.AddSingleton<ActivityJournal>();
        builder.Services.AddDaprWorkflow(register);
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
