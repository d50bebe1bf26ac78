using System.Net;
using Dapr;
using Grpc.Core;

namespace OrderPlatform.DevSidecar.Tests.Api;

public sealed class ApiTokenTests : IAsyncLifetime
{
    private const string Token = "s3cret-token";
    private SidecarTestHost host = null!;

    public async Task InitializeAsync() => host = await SidecarTestHost.StartAsync(o =>
    {
        o.AddApp("app").AddComponent(TestComponents.StateStore("store"));
        o.ApiToken = Token;
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Grpc_calls_without_the_token_are_unauthenticated()
    {
        var act = () => host.CreateDaprClient("app").SaveStateAsync("store", "k", 1);

        (await act.Should().ThrowAsync<DaprException>()).Which.InnerException.Should().BeOfType<RpcException>()
            .Which.StatusCode.Should().Be(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task Grpc_calls_with_the_token_pass()
    {
        var client = host.CreateDaprClient("app", Token);
        await client.SaveStateAsync("store", "k", 7);

        (await client.GetStateAsync<int>("store", "k")).Should().Be(7);
    }

    [Fact]
    public async Task Http_calls_need_the_header_but_health_does_not()
    {
        var http = host.CreateHttpClient("app");

        (await http.GetAsync(new Uri("/v1.0/metadata", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await http.GetAsync(new Uri("/v1.0/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1.0/metadata", UriKind.Relative));
        request.Headers.Add("dapr-api-token", Token);
        (await http.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
