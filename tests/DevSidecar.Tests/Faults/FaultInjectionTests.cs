using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.DevSidecar.Faults;

namespace OrderPlatform.DevSidecar.Tests.Faults;

/// <summary>
/// The test/dev fault switches: off unless <c>DevSidecar:Faults:Enabled</c> is true; while on, writes to the named
/// store (or publishes to the named pub/sub) fail as daprd answers when the database (or broker) cannot be reached,
/// reads and other components carry on, and the fault ends by itself.
/// </summary>
public sealed class FaultInjectionTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_switches_do_not_exist_unless_enabled()
    {
        await using var host = await SidecarTestHost.StartAsync(o => o.AddApp("app").AddComponent(TestComponents.StateStore("store")));
        var http = host.CreateHttpClient("app");

        using var response = await http.PostAsync(new Uri("/v1.0/dev/faults/state/store?seconds=10", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await host.CreateDaprClient("app").SaveStateAsync("store", "k", "v");
    }

    // Mirrors dapr/dapr pkg/api/grpc/grpc.go (SaveState: a non-ETag store error → codes.Internal, messages.ErrStateSave
    // "failed saving state in state store %s: %s") and pkg/api/http/http.go (HTTP 500 ERR_STATE_SAVE).
    [Fact]
    public async Task State_writes_to_the_named_store_fail_as_daprd_answers_a_database_that_cannot_be_reached_until_the_window_ends()
    {
        await using var host = await StartAsync();
        var client = host.CreateDaprClient("app");
        var http = host.CreateHttpClient("app");
        await client.SaveStateAsync("store", "k", "before");

        await SwitchAsync(http, "state/store?seconds=10");

        var rpc = (await FluentActions.Awaiting(() => client.SaveStateAsync("store", "k", "during")).Should().ThrowAsync<DaprException>())
            .Which.InnerException.Should().BeOfType<RpcException>().Subject;
        rpc.StatusCode.Should().Be(StatusCode.Internal);
        rpc.Status.Detail.Should().StartWith("failed saving state in state store store: failed to connect to");
        var transaction = (await FluentActions.Awaiting(() => client.ExecuteStateTransactionAsync("store",
            [new StateTransactionRequest("t", JsonSerializer.SerializeToUtf8Bytes("v"), StateOperationType.Upsert)]))
            .Should().ThrowAsync<DaprException>()).Which.InnerException.Should().BeOfType<RpcException>().Subject;
        transaction.StatusCode.Should().Be(StatusCode.Internal);
        await FluentActions.Awaiting(() => client.DeleteStateAsync("store", "k")).Should().ThrowAsync<DaprException>();
        using (var response = await http.PostAsJsonAsync(new Uri("/v1.0/state/store", UriKind.Relative), new[] { new { key = "h", value = 1 } }))
        {
            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>()).Should().Contain("errorCode", "ERR_STATE_SAVE");
        }

        (await client.GetStateAsync<string>("store", "k")).Should().Be("before", "reads carry on and nothing was written");
        await client.SaveStateAsync("other", "k", "other stores carry on");

        time.Advance(TimeSpan.FromSeconds(10));
        await client.SaveStateAsync("store", "k", "after");
        (await client.GetStateAsync<string>("store", "k")).Should().Be("after");
    }

    // Mirrors dapr/dapr pkg/api/errors/pubsub.go (PublishMessage: codes.Internal, HTTP 500, ERR_PUBSUB_PUBLISH_MESSAGE).
    [Fact]
    public async Task Publishes_to_the_named_pubsub_fail_with_daprds_publish_error_until_cleared()
    {
        await using var host = await StartAsync();
        var client = host.CreateDaprClient("app");
        var http = host.CreateHttpClient("app");

        await SwitchAsync(http, "publish/events?seconds=60");

        var rpc = (await FluentActions.Awaiting(() => client.PublishEventAsync("events", "orders", new { id = 1 })).Should().ThrowAsync<DaprException>())
            .Which.InnerException.Should().BeOfType<RpcException>().Subject;
        rpc.StatusCode.Should().Be(StatusCode.Internal);
        rpc.Status.Detail.Should().StartWith("error when publishing to topic orders in pubsub events:");
        using (var response = await http.PostAsJsonAsync(new Uri("/v1.0/publish/events/orders", UriKind.Relative), new { id = 2 }))
        {
            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>()).Should().Contain("errorCode", "ERR_PUBSUB_PUBLISH_MESSAGE");
        }

        await client.SaveStateAsync("store", "k", "state carries on");
        (await http.GetFromJsonAsync<JsonElement>(new Uri("/v1.0/dev/faults", UriKind.Relative))).GetProperty("publishes").TryGetProperty("events", out _).Should().BeTrue();

        using (var cleared = await http.DeleteAsync(new Uri("/v1.0/dev/faults", UriKind.Relative)))
        {
            cleared.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        await client.PublishEventAsync("events", "orders", new { id = 3 });
    }

    [Theory]
    [InlineData("")]
    [InlineData("?seconds=0")]
    [InlineData("?seconds=abc")]
    [InlineData("?seconds=3601")]
    public async Task A_switch_without_a_sensible_duration_is_refused(string query)
    {
        await using var host = await StartAsync();
        var http = host.CreateHttpClient("app");

        using var response = await http.PostAsync(new Uri($"/v1.0/dev/faults/state/store{query}", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await host.CreateDaprClient("app").SaveStateAsync("store", "k", "no fault switched on");
    }

    private Task<SidecarTestHost> StartAsync() => SidecarTestHost.StartAsync(o =>
    {
        o.AddApp("app").AddComponent(TestComponents.StateStore("store")).AddComponent(TestComponents.StateStore("other"))
            .AddComponent(TestComponents.PubSub("events"));
        o.ConfigureBuilder = b =>
        {
            b.Configuration[SidecarFaults.ConfigKey] = "true";
            b.Services.AddSingleton<TimeProvider>(time);
        };
    });

    private static async Task SwitchAsync(HttpClient http, string path)
    {
        using var response = await http.PostAsync(new Uri($"/v1.0/dev/faults/{path}", UriKind.Relative), null);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }
}
