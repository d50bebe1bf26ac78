using Grpc.Core;
using OrderPlatform.DevSidecar.Tests.Infrastructure;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>With DAPR_API_TOKEN set, the workflow API (worker stream and client) needs the token like every API.</summary>
public sealed class WorkflowApiTokenTests
{
    private const string Token = "workflow-test-token";

    [Fact]
    public async Task An_app_with_the_token_runs_workflows_and_one_without_is_unauthenticated()
    {
        await using var sidecar = await SidecarTestHost.StartAsync(o =>
        {
            o.AddApp("secured-app");
            o.ApiToken = Token;
        });
        var endpoint = sidecar.GrpcEndpoint("secured-app");
        await using var app = await WorkflowApp.StartAsync(endpoint, o => o.RegisterWorkflow<OrdersIdentifyWorkflow>("Identify"), Token);
        await using var intruder = await WorkflowApp.StartAsync(endpoint, _ => { });

        var id = WorkflowWaits.NewId("secured");
        await app.Client.ScheduleNewWorkflowAsync("Identify", id, "t");
        var rejected = () => intruder.Client.GetWorkflowStateAsync(id);

        (await app.Client.CompletionAsync(id)).ReadOutputAs<string>().Should().Be("orders-app:t");
        (await rejected.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unauthenticated);
    }
}
