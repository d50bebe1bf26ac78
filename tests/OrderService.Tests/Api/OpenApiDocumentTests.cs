using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using OrderPlatform.OrderService.Orders.Reference;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>The OpenAPI document says which request fields are required, as the API reads them, and what every operation does.</summary>
public sealed class OpenApiDocumentTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task Nullable_fields_are_optional_and_the_others_required()
    {
        using var development = Api.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        using var document = JsonDocument.Parse(await development.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        Required(schemas, "CreateOrderRequest").Should().BeEquivalentTo("items");
        Required(schemas, "OrderItem").Should().BeEquivalentTo("productId", "quantity"); // unitPrice: ignored, the catalogue prices
        Required(schemas, "ShippingAddress").Should().BeEquivalentTo("street", "city", "postalCode", "country");
    }

    [Fact]
    public async Task Every_order_API_operation_has_a_summary_a_description_examples_and_ProblemDetails_errors()
    {
        // The factory's environment (Testing), not Development: the reference is served in every environment.
        using var document = JsonDocument.Parse(await Api.ClientWith(null).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Should().BeEquivalentTo(OrderApiReference.Documented);
        foreach (var (name, operation) in operations)
        {
            Text(operation, "summary").Should().NotBeNullOrWhiteSpace(name);
            Text(operation, "description").Should().NotBeNullOrWhiteSpace(name);
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            var errors = responses.Where(r => r.Name[0] is '4' or '5').ToList();
            errors.Should().Contain(r => r.Name == "500", name);
            errors.Should().OnlyContain(r => Media(r.Value).Any(m => m.Name.EndsWith("problem+json", StringComparison.Ordinal)), $"{name} answers errors as ProblemDetails");
            errors.SelectMany(r => Media(r.Value)).Should().OnlyContain(m => HasExample(m), $"{name}: every error has an example");
            if (operation.TryGetProperty("requestBody", out var body))
            {
                Media(body).Should().OnlyContain(m => HasExample(m), $"{name}: the request body has an example");
            }
        }

        var created = operations.Single(o => o.Name == "POST /api/orders").Operation.GetProperty("responses").GetProperty("202");
        Media(created).Should().ContainSingle().Which.Value.GetProperty("example").GetProperty("status").GetString().Should().Be("Pending");
    }

    private static bool HasExample(JsonProperty media) => media.Value.TryGetProperty("example", out var example)
        && example.ValueKind != JsonValueKind.Null;

    private static string? Text(JsonElement operation, string property) =>
        operation.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static List<JsonProperty> Media(JsonElement owner) =>
        owner.TryGetProperty("content", out var content) ? [.. content.EnumerateObject()] : [];

    private static List<string> Required(JsonElement schemas, string name) =>
        schemas.GetProperty(name).TryGetProperty("required", out var required)
            ? [.. required.EnumerateArray().Select(r => r.GetString()!)]
            : [];
}
