using FluentValidation;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Create;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>
/// Validates each entry on its own, asks inventory once which products of the valid entries do not exist, saves every
/// valid new order in one bulk call, then starts each (workflow + <c>order_created</c>). Invalid entries and entries
/// naming unknown products are rejected; an order id already stored or repeated in the batch is a duplicate.
/// </summary>
public sealed class BatchOrdersHandler(
    IValidator<CreateOrderRequest> validator, OrderRepository orders, ProductCheck products, OrderStarter starter, TimeProvider clock,
    IOptions<OrdersOptions> options)
{
    public async Task<BatchCreateOrdersResponse> HandleAsync(IReadOnlyList<BatchEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var requests = entries.Select(e => e.Request).ToList();
        var results = new BatchOrderResult[requests.Count];
        var errors = await ValidateAsync(entries, ct);
        var explicitIds = requests.Select(r => r?.OrderId).OfType<string>().Where(OrderIds.IsValid).Distinct().ToList();
        var taken = new HashSet<string>(await orders.FindExistingAsync(explicitIds, ct), StringComparer.Ordinal);
        var accepted = new List<(StoredOrder Order, string? PaymentToken)>();
        var now = clock.GetUtcNow();
        for (var index = 0; index < requests.Count; index++)
        {
            var request = requests[index];
            if (errors[index].Count > 0)
            {
                results[index] = new BatchOrderResult(index, request?.OrderId, BatchItemStatus.Rejected, errors[index]);
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

    /// <summary>Each entry's errors: reading, then validation; then, for the valid ones, unknown products (one inventory check).</summary>
    private async Task<IReadOnlyList<IDictionary<string, string[]>>> ValidateAsync(IReadOnlyList<BatchEntry> entries, CancellationToken ct)
    {
        var requests = entries.Select(e => e.Request).ToList();
        var errors = new List<IDictionary<string, string[]>>(entries.Count);
        foreach (var (request, readErrors) in entries)
        {
            errors.Add(readErrors ?? (request is null
                ? new Dictionary<string, string[]> { ["order"] = ["The order is required."] }
                : (await validator.ValidateAsync(request, ct)).ToDictionary()));
        }

        var valid = requests.Where((_, index) => errors[index].Count == 0).Select(r => r!).ToList();
        var unknown = await products.FindUnknownAsync(valid.SelectMany(r => r.Items.Select(i => i.ProductId)), ct);
        return [.. requests.Select((request, index) => errors[index].Count == 0 ? ProductCheck.Errors(request!, unknown) : errors[index])];
    }
}
