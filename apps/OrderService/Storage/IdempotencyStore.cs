using Microsoft.Extensions.Options;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.OrderService.Storage;

/// <summary>What an <c>Idempotency-Key</c> was first used for. Its shape (kind "idempotency") never matches order queries.</summary>
public sealed record IdempotencyRecord(string RequestHash, string OrderId, DateTimeOffset CreatedAt)
{
    public const string DocumentKind = "idempotency";

    public string Kind { get; init; } = DocumentKind;
}

/// <summary>
/// Idempotency-Key records in <c>orders-store</c>, one per customer and key (<see cref="StateKeys.Idempotency"/>), claimed insert-if-absent so
/// racing requests agree on one order, and forgotten by the store after <see cref="OrderServiceOptions.IdempotencyKeyTtl"/>.
/// </summary>
public sealed class IdempotencyStore(StateStore store, IOptions<OrderServiceOptions> options)
{
    /// <summary>
    /// Claims the key for <paramref name="record"/>: null when this call claimed it, else the record that holds it. A key
    /// refused as held but gone when read was given back (its request created no order) or expired in between: it is
    /// claimed again (<c>StateStore:ConflictAttempts</c>), never answered as a failure.
    /// </summary>
    public Task<IdempotencyRecord?> ClaimAsync(string customerId, string idempotencyKey, IdempotencyRecord record, CancellationToken ct = default)
    {
        var key = StateKeys.Idempotency(customerId, idempotencyKey);
        return store.RetryOnConflictAsync(async token =>
            await store.TryInsertAsync(key, record, token, options.Value.IdempotencyKeyTtl)
                ? null
                : await FindAsync(customerId, idempotencyKey, token) ?? throw new StateConflictException($"'{key}' was given back while it was being claimed."),
            ct);
    }

    /// <summary>The record holding <paramref name="idempotencyKey"/>, or null while it is unclaimed.</summary>
    public async Task<IdempotencyRecord?> FindAsync(string customerId, string idempotencyKey, CancellationToken ct = default) =>
        (await store.GetAsync<IdempotencyRecord>(StateKeys.Idempotency(customerId, idempotencyKey), ct)).Value;

    /// <summary>Gives a claimed key back (the request it was claimed for did not create an order).</summary>
    public Task ReleaseAsync(string customerId, string idempotencyKey, CancellationToken ct = default) =>
        store.DeleteAsync(StateKeys.Idempotency(customerId, idempotencyKey), ct);
}
