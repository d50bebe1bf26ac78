using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>The OpenAPI document (Development only) says which request fields are required, as the API reads them.</summary>
public sealed class OpenApiDocumentTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task Nullable_fields_are_optional_and_the_others_required()
    {
        using var development = Api.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        using var document = JsonDocument.Parse(await development.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        Required(schemas, "CreateOrderRequest").Should().BeEquivalentTo("customerId", "items");
        Required(schemas, "OrderItem").Should().BeEquivalentTo("productId", "quantity"); // unitPrice: ignored, the catalogue prices
        Required(schemas, "ShippingAddress").Should().BeEquivalentTo("street", "city", "postalCode", "country");
    }

    private static List<string> Required(JsonElement schemas, string name) =>
        schemas.GetProperty(name).TryGetProperty("required", out var required)
            ? [.. required.EnumerateArray().Select(r => r.GetString()!)]
            : [];
}
