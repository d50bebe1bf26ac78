using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Http;

namespace OrderPlatform.DevSidecar.Tests.Messaging;

public class PublishAndDeliverTests
{
    private static JsonElement Json(ReceivedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Sdk_publish_is_delivered_as_a_dapr_cloud_event()
    {
        await using var rig = await PubSubRig.StartAsync();
        var subscriber = await rig.StartSubscriberAsync(
            new[] { new { pubsubname = PubSubRig.Pubsub, topic = "orders", route = "/on-order" } },
            app => app.MapPost("/on-order", () => Results.Ok()));

        await rig.Host.CreateDaprClient("publisher").PublishEventAsync(PubSubRig.Pubsub, "orders", new { orderId = "o-1" });
        await TestApp.EventuallyAsync(() => subscriber.On("/on-order").Count == 1, "the event is delivered");

        var delivered = subscriber.On("/on-order")[0];
        delivered.ContentType.Should().StartWith("application/cloudevents+json");
        var ce = Json(delivered);
        Guid.TryParse(ce.GetProperty("id").GetString(), out _).Should().BeTrue();
        ce.GetProperty("source").GetString().Should().Be("publisher");
        ce.GetProperty("type").GetString().Should().Be("com.dapr.event.sent");
        ce.GetProperty("specversion").GetString().Should().Be("1.0");
        ce.GetProperty("datacontenttype").GetString().Should().Be("application/json");
        ce.GetProperty("data").GetProperty("orderId").GetString().Should().Be("o-1");
        ce.GetProperty("topic").GetString().Should().Be("orders");
        ce.GetProperty("pubsubname").GetString().Should().Be(PubSubRig.Pubsub);
        ce.GetProperty("traceparent").GetString().Should().MatchRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$");
        ce.GetProperty("traceid").GetString().Should().Be(ce.GetProperty("traceparent").GetString());
        ce.TryGetProperty("time", out _).Should().BeTrue();
        delivered.Headers["traceparent"].Should().Be(ce.GetProperty("traceparent").GetString());
    }

    [Fact]
    public async Task Metadata_sets_the_cloud_event_type_id_and_expiration()
    {
        await using var rig = await PubSubRig.StartAsync();
        var subscriber = await rig.StartSubscriberAsync(
            new[] { new { pubsubname = PubSubRig.Pubsub, topic = "orders", route = "/on-order" } },
            app => app.MapPost("/on-order", () => Results.Ok()));

        await rig.Host.CreateDaprClient("publisher").PublishEventAsync(PubSubRig.Pubsub, "orders", new { orderId = "o-2" },
            new Dictionary<string, string> { ["cloudevent.type"] = "order_paid", ["cloudevent.id"] = "evt-7", ["ttlInSeconds"] = "600" });
        await TestApp.EventuallyAsync(() => subscriber.On("/on-order").Count == 1, "the event is delivered");

        var ce = Json(subscriber.On("/on-order")[0]);
        ce.GetProperty("type").GetString().Should().Be("order_paid");
        ce.GetProperty("id").GetString().Should().Be("evt-7");
        ce.GetProperty("expiration").GetDateTimeOffset().Should().BeAfter(ce.GetProperty("time").GetDateTimeOffset().AddSeconds(590));
    }

    [Fact]
    public async Task Raw_payloads_are_delivered_as_is_and_raw_subscriptions_get_the_wire_bytes_as_data_base64()
    {
        await using var rig = await PubSubRig.StartAsync();
        var subscriber = await rig.StartSubscriberAsync(
            new object[]
            {
                new { pubsubname = PubSubRig.Pubsub, topic = "raw", route = "/raw" },
                new { pubsubname = PubSubRig.Pubsub, topic = "wrapped", route = "/wrapped", metadata = new { rawPayload = "true" } },
            },
            app =>
            {
                app.MapPost("/raw", () => Results.Ok());
                app.MapPost("/wrapped", () => Results.Ok());
            });
        var http = rig.Host.CreateHttpClient("publisher");

        using var raw = await http.PostAsync($"/v1.0/publish/{PubSubRig.Pubsub}/raw?metadata.rawPayload=true",
            new StringContent("""{"legacy":true}""", Encoding.UTF8, "application/json"));
        using var wrapped = await http.PostAsync($"/v1.0/publish/{PubSubRig.Pubsub}/wrapped", new StringContent("hello"));
        await TestApp.EventuallyAsync(() => subscriber.On("/raw").Count == 1 && subscriber.On("/wrapped").Count == 1, "both are delivered");

        raw.StatusCode.Should().Be(HttpStatusCode.NoContent);
        subscriber.On("/raw")[0].Text.Should().Be("""{"legacy":true}""");
        subscriber.On("/raw")[0].ContentType.Should().StartWith("application/json");
        var wrapper = Json(subscriber.On("/wrapped")[0]);
        wrapper.GetProperty("datacontenttype").GetString().Should().Be("application/octet-stream");
        var inner = JsonDocument.Parse(Convert.FromBase64String(wrapper.GetProperty("data_base64").GetString()!)).RootElement;
        inner.GetProperty("data").GetString().Should().Be("hello");
        inner.GetProperty("topic").GetString().Should().Be("wrapped");
    }

    [Fact]
    public async Task V2_rules_route_by_event_type_and_data_with_a_default_route()
    {
        await using var rig = await PubSubRig.StartAsync();
        var subscriber = await rig.StartSubscriberAsync(
            new[]
            {
                new
                {
                    pubsubName = PubSubRig.Pubsub,
                    topic = "orders",
                    routes = new
                    {
                        rules = new[]
                        {
                            new { match = "event.type == \"order_paid\"", path = "/paid" },
                            new { match = "event.data.priority == \"high\" && event.type != \"order_paid\"", path = "/urgent" },
                        },
                        @default = "/other",
                    },
                },
            },
            app =>
            {
                app.MapPost("/paid", () => Results.Ok());
                app.MapPost("/urgent", () => Results.Ok());
                app.MapPost("/other", () => Results.Ok());
            });
        var dapr = rig.Host.CreateDaprClient("publisher");

        await dapr.PublishEventAsync(PubSubRig.Pubsub, "orders", new { priority = "high" }, new Dictionary<string, string> { ["cloudevent.type"] = "order_paid" });
        await dapr.PublishEventAsync(PubSubRig.Pubsub, "orders", new { priority = "high" }, new Dictionary<string, string> { ["cloudevent.type"] = "order_created" });
        await dapr.PublishEventAsync(PubSubRig.Pubsub, "orders", new { priority = "low" });
        await TestApp.EventuallyAsync(() => subscriber.On("/paid").Count + subscriber.On("/urgent").Count + subscriber.On("/other").Count == 3, "all three are delivered");

        Json(subscriber.On("/paid").Should().ContainSingle().Subject).GetProperty("type").GetString().Should().Be("order_paid");
        Json(subscriber.On("/urgent").Should().ContainSingle().Subject).GetProperty("type").GetString().Should().Be("order_created");
        Json(subscriber.On("/other").Should().ContainSingle().Subject).GetProperty("data").GetProperty("priority").GetString().Should().Be("low");
    }

    [Fact]
    public async Task A_publisher_outside_the_components_scopes_is_refused_and_so_is_an_unknown_pubsub()
    {
        await using var rig = await PubSubRig.StartAsync();

        var sdk = () => rig.Host.CreateDaprClient("outsider").PublishEventAsync(PubSubRig.Pubsub, "orders", new { a = 1 });
        await sdk.Should().ThrowAsync<DaprException>();

        using var outsider = await rig.Host.CreateHttpClient("outsider").PostAsync($"/v1.0/publish/{PubSubRig.Pubsub}/orders", new StringContent("x"));
        outsider.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await outsider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_PUBSUB_NOT_CONFIGURED");

        using var unknown = await rig.Host.CreateHttpClient("publisher").PostAsync("/v1.0/publish/nope/orders", new StringContent("x"));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString().Should().Be("ERR_PUBSUB_NOT_FOUND");
    }
}
