using System.Text.Json;
using CloudNative.CloudEvents;
using OrderPlatform.NotificationService.Events;

namespace OrderPlatform.NotificationService.Tests;

/// <summary>The reason a malformed order event is dropped: what the warning log tells an operator (Dapr then dead-letters it).</summary>
public sealed class OrderEventDataTests
{
    private const string Valid = """{"orderId":"o-1","customerId":"c-1","type":"order_paid","total":1,"status":"paid","occurredAt":"2030-01-01T00:00:00+00:00"}""";

    private static string? ProblemOf(string json)
    {
        var cloudEvent = new CloudEvent { Id = "e-1", Source = new Uri("urn:test"), Type = "order_paid", Data = JsonDocument.Parse(json).RootElement.Clone() };
        OrderEventData.TryRead(cloudEvent, out _, out var problem);
        return problem;
    }

    [Fact]
    public void A_valid_event_has_no_problem() => ProblemOf(Valid).Should().BeNull();

    [Fact]
    public void Data_that_is_not_an_object_is_named_as_such() => ProblemOf("[1]").Should().Be("data is not a JSON object.");

    [Theory]
    [InlineData("orderId", "o-1", "data.orderId is required.")]
    [InlineData("customerId", "c-1", "data.customerId is required.")]
    public void A_blank_identifier_is_named(string field, string value, string problem) =>
        ProblemOf(Valid.Replace($"\"{field}\":\"{value}\"", $"\"{field}\":\"  \"", StringComparison.Ordinal)).Should().Be(problem);

    [Fact]
    public void Each_field_that_does_not_read_is_named_with_its_error()
    {
        var problem = ProblemOf("""{"orderId":"o-1","customerId":"c-1","type":"order_paid","occurredAt":"2030-01-01T00:00:00+00:00"}""");

        problem.Should().Be("data is not an OrderEvent: total: 'total' is required.; status: 'status' is required.");
    }
}
