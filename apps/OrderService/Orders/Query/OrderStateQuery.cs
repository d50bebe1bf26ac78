using System.Text.Json.Nodes;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders.Query;

/// <summary>
/// The Dapr state query (https://docs.dapr.io/reference/api/state_api/#query-state): order documents only
/// (<c>kind</c> = order), AND customerId / status when given, newest first, one page.
/// </summary>
public static class OrderStateQuery
{
    public static string Build(string? customerId, OrderStatus? status, int limit, string? token)
    {
        var filters = new List<JsonNode> { Eq("kind", StoredOrder.DocumentKind) };
        if (customerId is not null)
        {
            filters.Add(Eq("customerId", customerId));
        }

        if (status is { } s)
        {
            // The stored status is the JsonDefaults (camelCase string) form of the enum.
            filters.Add(Eq("status", System.Text.Json.JsonSerializer.SerializeToNode(s, JsonDefaults.Options)!.GetValue<string>()));
        }

        var page = new JsonObject { ["limit"] = limit };
        if (token is not null)
        {
            page["token"] = token;
        }

        return new JsonObject
        {
            ["filter"] = filters.Count == 1 ? filters[0] : new JsonObject { ["AND"] = new JsonArray([.. filters]) },
            ["sort"] = new JsonArray(new JsonObject { ["key"] = "createdAt", ["order"] = "DESC" }),
            ["page"] = page,
        }.ToJsonString();
    }

    private static JsonObject Eq(string key, string value) => new() { ["EQ"] = new JsonObject { [key] = value } };
}
