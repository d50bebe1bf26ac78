using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Query;

/// <summary><c>GET /api/orders?customerId=&amp;status=&amp;pageSize=&amp;token=</c> through the Dapr state query API.</summary>
internal static class QueryOrdersEndpoint
{
    public static async Task<Ok<OrderPage>> HandleAsync([AsParameters] OrderQueryParameters parameters, OrderRepository orders, CancellationToken ct)
    {
        var query = OrderStateQuery.Build(parameters.CustomerId, parameters.StatusFilter, parameters.Limit, parameters.Token);
        var (found, token) = await orders.QueryAsync(query, ct);
        // state.postgresql v1 hands out the next offset as a token after every non-empty page, the last one included
        // (the dev sidecar does the same): a page that is not full is the last, so the client is not sent on to an empty one.
        var next = found.Count < parameters.Limit ? null : token;
        return TypedResults.Ok(new OrderPage([.. found.Select(o => OrderView.From(o))], next));
    }
}
