using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Query;

/// <summary><c>GET /api/orders?customerId=&amp;status=&amp;pageSize=&amp;token=</c> through the Dapr state query API.</summary>
internal static class QueryOrdersEndpoint
{
    public static async Task<Ok<OrderPage>> HandleAsync([AsParameters] OrderQueryParameters parameters, OrderRepository orders, CancellationToken ct)
    {
        var query = OrderStateQuery.Build(parameters.CustomerId, parameters.StatusFilter, parameters.Limit, parameters.Token);
        var (found, token) = await orders.QueryAsync(query, ct); // the continuation token is passed through untouched
        return TypedResults.Ok(new OrderPage([.. found.Select(o => OrderView.From(o))], token));
    }
}
