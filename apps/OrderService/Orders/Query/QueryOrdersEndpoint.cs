using Dapr.Client;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Query;

/// <summary><c>GET /api/orders?customerId=&amp;status=&amp;pageSize=&amp;token=</c> through the Dapr state query API.</summary>
internal static class QueryOrdersEndpoint
{
    public static async Task<Results<Ok<OrderPage>, ValidationProblem>> HandleAsync(
        [AsParameters] OrderQueryParameters parameters,
        IValidator<OrderQueryParameters> validator,
        OrderQueryHandler handler,
        CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(parameters, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await handler.QueryAsync(parameters, ct));
    }
}

/// <summary>Runs the query on <c>orders-store</c>; the continuation token is passed through untouched.</summary>
public sealed class OrderQueryHandler(DaprClient dapr)
{
    public async Task<OrderPage> QueryAsync(OrderQueryParameters parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var query = OrderStateQuery.Build(parameters.CustomerId, parameters.StatusFilter, parameters.Limit, parameters.Token);
        var response = await dapr.QueryStateAsync<StoredOrder>(Components.OrdersStore, query, cancellationToken: ct);
        var items = response.Results
            .Select(r => r.Data)
            .OfType<StoredOrder>()
            .Where(o => o.Kind == StoredOrder.DocumentKind)
            .Select(o => OrderView.From(o))
            .ToList();
        return new OrderPage(items, string.IsNullOrEmpty(response.Token) ? null : response.Token);
    }
}
