using System.Net;
using System.Text.Json.Nodes;
using OrderPlatform.ServiceDefaults.Validation;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

public sealed class ValidationTests(OrderApiFactory api) : OrderApiTests(api)
{
    public static TheoryData<string, string, object> BadFields => new()
    {
        { "customerId", "$.customerId", "" },
        { "customerId", "$.customerId", new string('c', Identifiers.MaxLength + 1) },
        { "customerId", "$.customerId", "has space" },
        { "orderId", "$.orderId", "bad/id" },
        { "orderId", "$.orderId", new string('o', Identifiers.MaxLength + 1) },
        { "orderId", "$.orderId", "idempotency:" + new string('0', 64) },
        { "items", "$.items", new JsonArray() },
        { "items", "$.items", new JsonArray([.. Enumerable.Range(0, 101).Select(_ => JsonNode.Parse("""{"productId":"p","quantity":1,"unitPrice":1}"""))]) },
        { "items[0].productId", "$.items[0].productId", "" },
        { "items[1].quantity", "$.items[1].quantity", 0 },
        { "items[1].quantity", "$.items[1].quantity", 1001 },
        { "items[0].unitPrice", "$.items[0].unitPrice", 0 },
        { "items[0].unitPrice", "$.items[0].unitPrice", -5 },
        { "items[0].unitPrice", "$.items[0].unitPrice", 1000000.01m },
        { "items[0].unitPrice", "$.items[0].unitPrice", 1.234m },
        { "shippingAddress.city", "$.shippingAddress.city", "" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Each_invalid_field_is_a_400_naming_it_and_nothing_is_stored(string field, string path, object value)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(TestOrders.Request("ord-v"), OrderPlatform.ServiceDefaults.JsonDefaults.Options))!;
        Set(body, path, value switch
        {
            JsonNode node => node,
            string text => JsonValue.Create(text),
            int number => JsonValue.Create(number),
            decimal number => JsonValue.Create(number),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        });

        var response = await Client.PostRawAsync("/api/orders", body.ToJsonString());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().Equal(field);
        Hooks.SaveCalls.Should().BeEmpty();
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Missing_items_are_named_and_customer_may_be_left_out()
    {
        var response = await Client.PostRawAsync("/api/orders", """{"orderId":"ord-x"}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().BeEquivalentTo("items");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await Client.PostRawAsync("/api/orders", "{\"customerId\": \"c1\", \"items\": [");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        Hooks.SaveCalls.Should().BeEmpty();
    }

    [Fact]
    public async Task A_wrongly_typed_value_is_a_400_naming_its_path()
    {
        var response = await Client.PostRawAsync("/api/orders", """{"customerId":"c1","items":[{"productId":"p","quantity":"lots","unitPrice":1}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().Equal("items[0].quantity");
    }

    [Fact]
    public async Task An_overlong_idempotency_key_is_a_400_naming_the_header()
    {
        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), idempotencyKey: new string('k', 129));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().Equal("Idempotency-Key");
        Hooks.SaveCalls.Should().BeEmpty();
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var segments = path.TrimStart('$', '.').Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var node = root;
        foreach (var segment in segments[..^1])
        {
            node = segment.StartsWith('[') ? node[int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!;
        }

        var last = segments[^1];
        if (last.StartsWith('['))
        {
            node[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[last] = value;
        }
    }
}
