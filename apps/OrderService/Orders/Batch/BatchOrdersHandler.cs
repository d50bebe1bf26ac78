using FluentValidation;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>
/// Validates each entry on its own, asks inventory once for the catalogue prices of the valid entries' products (unknown
/// and unpriced products reject their entry; no answer refuses the whole batch with 503), saves every
/// valid new order in one bulk call, then starts each (workflow + <c>order_created</c>). Invalid entries and entries
/// naming unknown products are rejected; an order id already stored or repeated in the batch is a duplicate. With an
/// <c>Idempotency-Key</c>, entries without an order id get ids derived from the key and their index, so a retried batch
/// finds its own orders: an entry whose stored order has the same request is reported accepted again (and started if
/// its workflow never was), not duplicated.
/// </summary>
public sealed class BatchOrdersHandler(
    IValidator<CreateOrderRequest> validator, OrderRepository orders, ProductCheck products, OrderStarter starter, TimeProvider clock,
    IOptions<OrderServiceOptions> options)
{
    /// <summary>The entries' requests are the caller's (<paramref name="customerId"/>), as the endpoint made them.</summary>
    public async Task<BatchCreateOrdersResponse> HandleAsync(
        IReadOnlyList<BatchEntry> entries, string customerId, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var requests = entries.Select(e => e.Request).ToList();
        var (errors, catalogue) = await ValidateAsync(entries, ct);
        var ids = requests.Select((request, index) => errors[index].Count > 0
            ? null
            : request!.OrderId ?? (idempotencyKey is null ? OrderIds.NewId() : OrderIds.ForBatchEntry(customerId, idempotencyKey, index))).ToList();
        var stored = await orders.GetManyAsync([.. ids.OfType<string>().Distinct()], ct);
        var results = new BatchOrderResult[requests.Count];
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<(StoredOrder Order, string? PaymentToken)>();
        var replayed = new List<(StoredOrder Order, string? PaymentToken)>();
        var now = clock.GetUtcNow();
        for (var index = 0; index < requests.Count; index++)
        {
            var request = requests[index];
            if (ids[index] is not { } orderId)
            {
                results[index] = new BatchOrderResult(index, request?.OrderId, BatchItemStatus.Rejected, errors[index]);
                continue;
            }

            var hash = RequestFingerprint.Of(request!);
            var existing = stored.GetValueOrDefault(orderId);
            var replay = idempotencyKey is not null && existing?.RequestHash == hash;
            var duplicate = !claimed.Add(orderId) || (existing is not null && !replay);
            results[index] = new BatchOrderResult(index, orderId, duplicate ? BatchItemStatus.Duplicate : BatchItemStatus.Accepted);
            if (duplicate)
            {
                continue;
            }

            if (replay)
            {
                replayed.Add((existing!, request!.PaymentToken));
            }
            else
            {
                var order = StoredOrder.Create(orderId, request!, catalogue.Price(request!.Items), options.Value.Currency, hash, now);
                accepted.Add((starter.WithWorkflowInput(order, request!.PaymentToken), request!.PaymentToken));
            }
        }

        await StartAsync(accepted, replayed, ct);
        return new BatchCreateOrdersResponse(results);
    }

    /// <summary>New orders: one bulk save, then each started; replayed ones: started only if their workflow never was.</summary>
    private async Task StartAsync(
        List<(StoredOrder Order, string? PaymentToken)> accepted, List<(StoredOrder Order, string? PaymentToken)> replayed, CancellationToken ct)
    {
        if (accepted.Count > 0)
        {
            await orders.InsertManyAsync([.. accepted.Select(a => a.Order)], ct);
        }

        foreach (var (order, paymentToken) in accepted)
        {
            await starter.StartAsync(order, paymentToken, ct);
        }

        foreach (var (order, paymentToken) in replayed)
        {
            await starter.EnsureStartedAsync(order, paymentToken, ct);
        }
    }

    /// <summary>
    /// Each entry's errors: reading, then validation; then, for the valid ones, unknown and unpriced products (one
    /// catalogue check for the whole batch, whose prices price the accepted entries).
    /// </summary>
    private async Task<(IReadOnlyList<IDictionary<string, string[]>> Errors, Catalogue Catalogue)> ValidateAsync(
        IReadOnlyList<BatchEntry> entries, CancellationToken ct)
    {
        var requests = entries.Select(e => e.Request).ToList();
        var errors = new List<IDictionary<string, string[]>>(entries.Count);
        foreach (var (request, readErrors) in entries)
        {
            // The reader gives every entry either a request or its errors.
            errors.Add(readErrors ?? (await validator.ValidateAsync(request!, ct)).ToDictionary());
        }

        var valid = requests.Where((_, index) => errors[index].Count == 0).Select(r => r!).ToList();
        var catalogue = await products.PriceAsync(valid.SelectMany(r => r.Items.Select(i => i.ProductId)), ct);
        return ([.. requests.Select((request, index) => errors[index].Count == 0 ? ProductCheck.Errors(request!, catalogue) : errors[index])], catalogue);
    }
}
