using Dapr;
using Grpc.Core;

namespace OrderPlatform.DevSidecar.Tests.Api;

public sealed class UnimplementedTests
{
    [Fact]
    public async Task A_dapr_api_the_sidecar_does_not_emulate_answers_unimplemented()
    {
        await using var host = await SidecarTestHost.StartAsync(o => o.AddApp("app"));

        var act = () => host.CreateDaprClient("app").InvokeBindingAsync("some-binding", "create", new { a = 1 });

        (await act.Should().ThrowAsync<DaprException>()).Which.InnerException.Should().BeOfType<RpcException>()
            .Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }
}
