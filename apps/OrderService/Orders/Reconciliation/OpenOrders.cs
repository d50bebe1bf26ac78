using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders.Reconciliation;

/// <summary>Every non-terminal order, oldest first per status, through the state query API (kind = order AND status = s).</summary>
public sealed class OpenOrders(OrderRepository orders, IOptions<ReconciliationOptions> options)
{
    public static readonly IReadOnlyList<OrderStatus> Statuses =
    [
        OrderStatus.Pending, OrderStatus.AwaitingApproval, OrderStatus.Approved, OrderStatus.Reserved,
        OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.OnHold,
    ];

    public async IAsyncEnumerable<StoredOrder> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var settings = options.Value;
        foreach (var status in Statuses)
        {
            string? token = null;
            for (var page = 0; page < settings.MaxPages; page++)
            {
                var (found, next) = await orders.QueryAsync(Query(status, settings.PageSize, token), ct);
                foreach (var order in found.Where(o => o.Status == status))
                {
                    yield return order;
                }

                if (next is null || found.Count == 0)
                {
                    break;
                }

                token = next;
            }
        }
    }

    private static string Query(OrderStatus status, int limit, string? token)
    {
        var page = new JsonObject { ["limit"] = limit };
        if (token is not null)
        {
            page["token"] = token;
        }

        return new JsonObject
        {
            ["filter"] = new JsonObject
            {
                ["AND"] = new JsonArray(
                    Eq("kind", StoredOrder.DocumentKind),
                    Eq("status", JsonSerializer.SerializeToNode(status, JsonDefaults.Options)!.GetValue<string>())),
            },
            ["sort"] = new JsonArray(new JsonObject { ["key"] = "createdAt", ["order"] = "ASC" }),
            ["page"] = page,
        }.ToJsonString();
    }

    private static JsonObject Eq(string key, string value) => new() { ["EQ"] = new JsonObject { [key] = value } };
}
