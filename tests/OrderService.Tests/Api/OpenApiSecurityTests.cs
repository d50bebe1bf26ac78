using System.Net;
using System.Text.Json;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>The OpenAPI document is served outside Development too, anonymously, and says which token each operation needs.</summary>
public sealed class OpenApiSecurityTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task The_document_declares_the_bearer_scheme_and_operator_operations_require_the_operator_role()
    {
        // The factory's environment is Testing: not Development.
        var response = await Api.ClientWith(null).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        scheme.GetProperty("type").GetString().Should().Be("http");
        scheme.GetProperty("scheme").GetString().Should().Be("bearer");
        scheme.GetProperty("bearerFormat").GetString().Should().Be("JWT");
        scheme.GetProperty("description").GetString().Should().Be(
            "A Microsoft Entra ID access token for the order API (locally: tools/DevToken). Operator operations need the Orders.Operator app role.");

        var security = Operations(document).ToDictionary(o => o.Id, o => o.Security);
        foreach (var id in new[] { "ApproveOrder", "CompensateOrder", "CommitOrderStock", "ResumeOrder", "OrdersNeedingAttention" })
        {
            security[id].Should().Equal(["Bearer: Orders.Operator"], id);
        }

        foreach (var id in new[] { "CreateOrder", "CreateOrdersBatch", "QueryOrders", "GetOrder", "CancelOrder" })
        {
            security[id].Should().Equal(["Bearer: "], id);
        }

        security["ListProducts"].Should().BeEmpty("the catalogue is public");
    }

    private static IEnumerable<(string Id, List<string> Security)> Operations(JsonDocument document) =>
        from path in document.RootElement.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select (
            operation.Value.GetProperty("operationId").GetString()!,
            operation.Value.TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => $"{s.Name}: {string.Join(",", s.Value.EnumerateArray().Select(v => v.GetString()))}")).ToList()
                : []);
}
