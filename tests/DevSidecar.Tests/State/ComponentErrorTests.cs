using System.Net.Http.Json;

using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace OrderPlatform.DevSidecar.Tests.State;

public sealed class ComponentErrorTests(StateSidecar sidecar) : IClassFixture<StateSidecar>
{
    [Fact]
    public async Task A_store_not_scoped_to_the_app_is_reported_as_not_found()
    {
        var client = sidecar.Host.CreateDaprClient("app-a");

        var act = () => client.GetStateAsync<Widget>("private", "k");

        var rpc = (await act.Should().ThrowAsync<DaprException>()).Which.InnerException.Should().BeOfType<RpcException>().Subject;
        rpc.StatusCode.Should().Be(StatusCode.InvalidArgument);
        rpc.Status.Detail.Should().Be("state store private is not found");
    }

    [Fact]
    public async Task The_scoped_app_can_use_it()
    {
        var client = sidecar.Host.CreateDaprClient("app-b");
        await client.SaveStateAsync("private", "k", new Widget("mine", 1));

        (await client.GetStateAsync<Widget>("private", "k")).Name.Should().Be("mine");
    }

    [Fact]
    public async Task An_unknown_store_over_http_gives_daprs_error_body()
    {
        var http = sidecar.Host.CreateHttpClient("app-a");

        var response = await http.GetAsync(new Uri("/v1.0/state/nope/k", UriKind.Relative));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        body.Should().Contain("errorCode", "ERR_STATE_STORE_NOT_FOUND").And.Contain("message", "state store nope is not found");
    }

    [Fact]
    public async Task A_pubsub_component_is_not_a_state_store()
    {
        var client = sidecar.Host.CreateDaprClient("app-a");

        var act = () => client.GetStateAsync<Widget>("events", "k");

        (await act.Should().ThrowAsync<DaprException>()).Which.InnerException!.Message.Should().Contain("state store events is not found");
    }
}
