using System.Text;
using System.Text.Json;
using OrderPlatform.DevSidecar.Invocation;
using OrderPlatform.DevSidecar.Messaging.Publishing;

namespace OrderPlatform.DevSidecar.Tests.Messaging;

public class CloudEventEnvelopeTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static JsonElement Build(string data, string? contentType, Dictionary<string, string>? metadata = null) =>
        JsonDocument.Parse(CloudEventEnvelope.Build(
            new PublishRequest("order-service", "order-pubsub", "orders", Encoding.UTF8.GetBytes(data), contentType,
                metadata ?? [], new TraceContext(TraceParent, "k=v")),
            Now)).RootElement;

    [Fact]
    public void Wraps_json_data_with_every_dapr_field()
    {
        var ce = Build("""{"orderId":"o-1"}""", "application/json");

        Guid.TryParse(ce.GetProperty("id").GetString(), out _).Should().BeTrue();
        ce.GetProperty("source").GetString().Should().Be("order-service");
        ce.GetProperty("type").GetString().Should().Be("com.dapr.event.sent");
        ce.GetProperty("specversion").GetString().Should().Be("1.0");
        ce.GetProperty("datacontenttype").GetString().Should().Be("application/json");
        ce.GetProperty("data").GetProperty("orderId").GetString().Should().Be("o-1");
        ce.GetProperty("topic").GetString().Should().Be("orders");
        ce.GetProperty("pubsubname").GetString().Should().Be("order-pubsub");
        ce.GetProperty("traceparent").GetString().Should().Be(TraceParent);
        ce.GetProperty("traceid").GetString().Should().Be(TraceParent);
        ce.GetProperty("tracestate").GetString().Should().Be("k=v");
        ce.GetProperty("time").GetDateTimeOffset().Should().Be(Now);
        ce.TryGetProperty("expiration", out _).Should().BeFalse();
    }

    [Fact]
    public void Honours_cloudevent_metadata_and_ttl()
    {
        var ce = Build("{}", "application/json", new() { ["cloudevent.id"] = "my-id", ["cloudevent.type"] = "order_paid", ["ttlInSeconds"] = "90" });

        ce.GetProperty("id").GetString().Should().Be("my-id");
        ce.GetProperty("type").GetString().Should().Be("order_paid");
        ce.GetProperty("expiration").GetDateTimeOffset().Should().Be(Now.AddSeconds(90));
    }

    [Fact]
    public void Text_is_kept_as_a_string_and_octet_streams_as_base64()
    {
        var text = Build("hello", null);
        text.GetProperty("datacontenttype").GetString().Should().Be("text/plain");
        text.GetProperty("data").GetString().Should().Be("hello");

        var binary = Build("bytes", "application/octet-stream");
        binary.GetProperty("data_base64").GetString().Should().Be(Convert.ToBase64String(Encoding.UTF8.GetBytes("bytes")));
        binary.TryGetProperty("data", out _).Should().BeFalse();
    }

    [Fact]
    public void An_existing_cloud_event_is_kept_and_augmented()
    {
        var ce = Build("""{"id":"e-1","source":"legacy","type":"thing.happened","specversion":"1.0","datacontenttype":"application/json","data":{"a":1},"custom":"x"}""",
            "application/cloudevents+json");

        ce.GetProperty("id").GetString().Should().Be("e-1");
        ce.GetProperty("source").GetString().Should().Be("legacy");
        ce.GetProperty("type").GetString().Should().Be("thing.happened");
        ce.GetProperty("custom").GetString().Should().Be("x");
        ce.GetProperty("data").GetProperty("a").GetInt32().Should().Be(1);
        ce.GetProperty("topic").GetString().Should().Be("orders");
        ce.GetProperty("pubsubname").GetString().Should().Be("order-pubsub");
        ce.GetProperty("traceparent").GetString().Should().Be(TraceParent);
    }

    [Fact]
    public void A_cloud_event_missing_fields_gets_daprs_defaults()
    {
        var ce = Build("""{"id":"e-2","data":"x"}""", "application/cloudevents+json");

        ce.GetProperty("source").GetString().Should().Be("Dapr");
        ce.GetProperty("type").GetString().Should().Be("com.dapr.event.sent");
        ce.GetProperty("specversion").GetString().Should().Be("1.0");
    }

    [Fact]
    public void A_bad_ttl_is_a_metadata_error() =>
        FluentActions.Invoking(() => Build("{}", "application/json", new() { ["ttlInSeconds"] = "soon" }))
            .Should().Throw<OrderPlatform.DevSidecar.Api.DaprApiException>()
            .Which.ErrorCode.Should().Be("ERR_PUBSUB_REQUEST_METADATA");
}
