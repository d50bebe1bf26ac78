using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders.Create;

/// <summary>What <c>POST /api/orders</c> did: created an order, found the one an idempotent replay refers to, or refused.</summary>
public sealed record CreateOrderOutcome(
    StoredOrder? Order, bool Created, string? Conflict, IDictionary<string, string[]>? UnknownProducts = null);

/// <summary>
/// Creates one validated order of the caller (<c>request.CustomerId</c>, set from the token; Idempotency-Keys are the
/// caller's own: the same key sent by two callers names two records): catalogue pricing (unknown and unpriced products
/// refused; skipped when the Idempotency-Key is already held) → idempotency claim → insert-only save → workflow +
/// <c>order_created</c>. A replay of an order whose workflow never started starts it.
/// <see cref="CatalogueUnavailableException"/> when inventory-service cannot price the order (nothing stored).
/// </summary>
public sealed class CreateOrderHandler(
    OrderRepository orders, IdempotencyStore idempotency, ProductCheck products, OrderStarter starter, TimeProvider clock,
    IOptions<OrderServiceOptions> options)
{
    public async Task<CreateOrderOutcome> HandleAsync(CreateOrderRequest request, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customerId = request.CustomerId ?? throw new ArgumentException("The caller is the order's customer: set it first.", nameof(request));
        var hash = RequestFingerprint.Of(request);
        var now = clock.GetUtcNow();
        var orderId = request.OrderId ?? OrderIds.NewId();
        OrderTrace.Tag(orderId); // before pricing: its calls to inventory-service are part of the order's trace
        Catalogue? catalogue = null;
        if (!await IsKeyHeldAsync(customerId, idempotencyKey, ct))
        {
            catalogue = await products.PriceAsync(request.Items.Select(i => i.ProductId), ct);
            var unknown = ProductCheck.Errors(request, catalogue);
            if (unknown.Count > 0)
            {
                return new CreateOrderOutcome(null, false, null, unknown);
            }
        }

        var claimedNow = false;
        if (idempotencyKey is not null)
        {
            var held = await idempotency.ClaimAsync(customerId, idempotencyKey, new IdempotencyRecord(hash, orderId, now), ct);
            if (held is not null && held.RequestHash != hash)
            {
                return new CreateOrderOutcome(null, false, "This Idempotency-Key was already used with a different request body.");
            }

            claimedNow = held is null;
            orderId = held?.OrderId ?? orderId;
        }

        OrderTrace.Tag(orderId); // an idempotent replay's order id replaces the one chosen above
        // A held key was not priced: its order is normally stored already (a replay); only when it is not (the first
        // request stopped between claim and save) is it priced now.
        var existing = catalogue is null ? await orders.GetAsync(orderId, ct) : null;
        if (existing is null)
        {
            catalogue ??= await products.PriceAsync(request.Items.Select(i => i.ProductId), ct);
            var unknown = ProductCheck.Errors(request, catalogue);
            if (unknown.Count > 0)
            {
                return new CreateOrderOutcome(null, false, null, unknown);
            }

            var created = StoredOrder.Create(orderId, request, catalogue.Price(request.Items), options.Value.Currency, hash, now);
            var order = starter.WithWorkflowInput(created, request.PaymentToken) with { TraceParent = OrderTrace.CurrentTraceParent() };
            if (await orders.TryInsertAsync(order, ct))
            {
                await starter.StartAsync(order, request.PaymentToken, ct);
                return new CreateOrderOutcome(order, true, null);
            }

            existing = await orders.GetAsync(orderId, ct);
        }

        if (idempotencyKey is not null && existing is not null && existing.RequestHash == hash)
        {
            await starter.EnsureStartedAsync(existing, request.PaymentToken, ct);
            return new CreateOrderOutcome(existing, false, null);
        }

        if (claimedNow)
        {
            await idempotency.ReleaseAsync(customerId, idempotencyKey!, ct);
        }

        return new CreateOrderOutcome(null, false, $"An order with id '{orderId}' already exists.");
    }

    /// <summary>A held key is a replay (200) or a reuse with another body (409): neither stores anything new, so neither is checked.</summary>
    private async Task<bool> IsKeyHeldAsync(string customerId, string? idempotencyKey, CancellationToken ct) =>
        idempotencyKey is not null && await idempotency.FindAsync(customerId, idempotencyKey, ct) is not null;
}
