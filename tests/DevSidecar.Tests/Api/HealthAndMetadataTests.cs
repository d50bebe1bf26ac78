using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderPlatform.DevSidecar.Tests.Api;

public sealed class HealthAndMetadataTests : IAsyncLifetime
{
    private SidecarTestHost host = null!;

    public async Task InitializeAsync() => host = await SidecarTestHost.StartAsync(o => o
        .AddApp("orders", appPort: 6543).AddApp("stock")
        .AddComponent(TestComponents.StateStore("orders-store", "orders"))
        .AddComponent(TestComponents.ActorStateStore("wf-store", "orders"))
        .AddComponent(TestComponents.StateStore("stock-store", "stock"))
        .AddComponent(TestComponents.PubSub("bus")));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Health_endpoints_answer_204_and_the_sdk_sees_a_healthy_sidecar()
    {
        var http = host.CreateHttpClient("orders");

        (await http.GetAsync(new Uri("/v1.0/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await http.GetAsync(new Uri("/v1.0/healthz/outbound", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await host.CreateDaprClient("stock").CheckHealthAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task Metadata_over_grpc_lists_the_apps_own_components_with_capabilities()
    {
        var metadata = await host.CreateDaprClient("orders").GetMetadataAsync();

        metadata.Id.Should().Be("orders");
        metadata.Components.Select(c => c.Name).Should().BeEquivalentTo("orders-store", "wf-store", "bus");
        metadata.Components.Single(c => c.Name == "wf-store").Capabilities.Should().Contain("ACTOR");
        metadata.Components.Single(c => c.Name == "bus").Type.Should().Be("pubsub.in-memory");
    }

    [Fact]
    public async Task Metadata_over_http_is_per_app()
    {
        var stock = await host.CreateHttpClient("stock").GetFromJsonAsync<JsonElement>(new Uri("/v1.0/metadata", UriKind.Relative));

        stock.GetProperty("id").GetString().Should().Be("stock");
        stock.GetProperty("runtimeVersion").GetString().Should().Be("dev-sidecar");
        stock.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString())
            .Should().BeEquivalentTo("stock-store", "bus");
        stock.GetProperty("subscriptions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Stats_count_calls_per_app_and_api()
    {
        var client = host.CreateDaprClient("stock");
        await client.SaveStateAsync("stock-store", "s1", 1);
        await client.SaveStateAsync("stock-store", "s2", 2);
        await client.GetStateAsync<int>("stock-store", "s1");

        var stats = await host.CreateHttpClient("orders").GetFromJsonAsync<Dictionary<string, Dictionary<string, long>>>(
            new Uri("/v1.0/dev/stats", UriKind.Relative));

        stats!["stock"]["state.save"].Should().BeGreaterThanOrEqualTo(2);
        stats["stock"]["state.get"].Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Memory_reports_the_process_footprint_and_what_each_state_store_holds()
    {
        var client = host.CreateDaprClient("orders");
        await client.SaveStateAsync("orders-store", "m1", new string('x', 1000));
        await client.SaveStateAsync("orders-store", "m2", "small");
        await client.SaveStateAsync("orders-store", "m2", "replaced");

        using var memory = JsonDocument.Parse(await host.CreateHttpClient("stock").GetStringAsync(new Uri("/v1.0/dev/memory", UriKind.Relative)));

        var root = memory.RootElement;
        root.GetProperty("workingSetBytes").GetInt64().Should().BeGreaterThan(root.GetProperty("gcHeapBytes").GetInt64());
        root.GetProperty("gcCommittedBytes").GetInt64().Should().BeGreaterThan(0);
        var orders = root.GetProperty("stateStores").GetProperty("orders-store");
        orders.GetProperty("keys").GetInt32().Should().Be(2);
        orders.GetProperty("valueBytes").GetInt64().Should().Be(1002 + "\"replaced\"".Length);
        root.GetProperty("stateStores").TryGetProperty("stock-store", out _).Should().BeFalse("no app has used it yet");
    }

    [Fact]
    public async Task The_callers_traceparent_is_continued_in_the_answer()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1.0/metadata", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await host.CreateHttpClient("orders").SendAsync(request);

        response.Headers.GetValues("traceparent").Single().Should().StartWith($"00-{traceId}-").And.NotContain("00f067aa0ba902b7");
    }
}
