using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.OrderService.Auth;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Query;

/// <summary>
/// <c>GET /api/orders?customerId=&amp;status=&amp;pageSize=&amp;token=</c> through the Dapr state query API. A customer
/// lists their own orders (no <c>customerId</c>, or their own; another one is 403); an operator lists any customer's,
/// or every order without <c>customerId</c>.
/// </summary>
internal static class QueryOrdersEndpoint
{
    public static async Task<Results<Ok<OrderPage>, ProblemHttpResult>> HandleAsync(
        [AsParameters] OrderQueryParameters parameters, ClaimsPrincipal user, OrderRepository orders, CancellationToken ct)
    {
        var customerId = parameters.CustomerId;
        if (!user.IsOperator())
        {
            if (customerId is not null && !user.MayAccess(customerId))
            {
                return ApiProblems.Forbidden("A customer lists their own orders only: leave customerId out, or give your own.");
            }

            customerId = user.CallerId();
        }

        var query = OrderStateQuery.Build(customerId, parameters.StatusFilter, parameters.Limit, parameters.Token);
        var (found, token) = await orders.QueryAsync(query, ct);
        // state.postgresql v1 hands out the next offset as a token after every non-empty page, the last one included
        // (the dev sidecar does the same): a page that is not full is the last, so the client is not sent on to an empty one.
        var next = found.Count < parameters.Limit ? null : token;
        return TypedResults.Ok(new OrderPage([.. found.Select(o => OrderView.From(o))], next));
    }
}
