using FluentValidation;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Create;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>
/// Validates each entry on its own, saves every valid new order in one bulk call, then starts each (workflow +
/// <c>order_created</c>). Invalid entries are rejected; an order id already stored or repeated in the batch is a duplicate.
/// </summary>
public sealed class BatchOrdersHandler(
    IValidator<CreateOrderRequest> validator, OrderRepository orders, OrderStarter starter, TimeProvider clock, IOptions<OrdersOptions> options)
{
    public async Task<BatchCreateOrdersResponse> HandleAsync(IReadOnlyList<CreateOrderRequest?> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new BatchOrderResult[requests.Count];
        var explicitIds = requests.Select(r => r?.OrderId).OfType<string>().Where(OrderIds.IsValid).Distinct().ToList();
        var taken = new HashSet<string>(await orders.FindExistingAsync(explicitIds, ct), StringComparer.Ordinal);
        var accepted = new List<(StoredOrder Order, string? PaymentToken)>();
        var now = clock.GetUtcNow();
        for (var index = 0; index < requests.Count; index++)
        {
            var request = requests[index];
            var errors = request is null
                ? new Dictionary<string, string[]> { ["order"] = ["The order is required."] }
                : (await validator.ValidateAsync(request, ct)).ToDictionary();
            if (errors.Count > 0)
            {
                results[index] = new BatchOrderResult(index, request?.OrderId, BatchItemStatus.Rejected, errors);
                continue;
            }

            var orderId = request!.OrderId ?? OrderIds.NewId();
            if (!taken.Add(orderId))
            {
                results[index] = new BatchOrderResult(index, orderId, BatchItemStatus.Duplicate);
                continue;
            }

            accepted.Add((StoredOrder.Create(orderId, request, options.Value.Currency, RequestFingerprint.Of(request), now), request.PaymentToken));
            results[index] = new BatchOrderResult(index, orderId, BatchItemStatus.Accepted);
        }

        if (accepted.Count > 0)
        {
            await orders.InsertManyAsync([.. accepted.Select(a => a.Order)], ct);
            foreach (var (order, paymentToken) in accepted)
            {
                await starter.StartAsync(order, paymentToken, ct);
            }
        }

        return new BatchCreateOrdersResponse(results);
    }
}
