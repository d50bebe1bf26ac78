using System.Security.Cryptography;
using System.Text;
using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Orders;

namespace OrderPlatform.OrderService.Storage;

/// <summary>What an <c>Idempotency-Key</c> was first used for. Its shape (kind "idempotency") never matches order queries.</summary>
public sealed record IdempotencyRecord(string RequestHash, string OrderId, DateTimeOffset CreatedAt)
{
    public const string DocumentKind = "idempotency";

    public string Kind { get; init; } = DocumentKind;
}

/// <summary>
/// Idempotency-Key records in <c>orders-store</c>, claimed insert-if-absent so racing requests agree on one order, and
/// forgotten by the store after <see cref="OrdersOptions.IdempotencyKeyTtl"/>.
/// </summary>
public sealed class IdempotencyStore(DaprClient dapr, IOptions<OrdersOptions> options)
{
    /// <summary>The state key: a hash of the client's key (':' never occurs in an order id, so keys cannot collide).</summary>
    public static string StateKey(string idempotencyKey) =>
        "idempotency:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    /// <summary>Claims the key for <paramref name="record"/>: null when this call claimed it, else the record that holds it.</summary>
    public async Task<IdempotencyRecord?> ClaimAsync(string idempotencyKey, IdempotencyRecord record, CancellationToken ct = default)
    {
        var key = StateKey(idempotencyKey);
        if (await FirstWriteState.TryInsertAsync(dapr, key, record, ct, options.Value.IdempotencyKeyTtl))
        {
            return null;
        }

        return await FindAsync(idempotencyKey, ct)
            ?? throw new InvalidOperationException("The idempotency record was refused as existing but cannot be read.");
    }

    /// <summary>The record holding <paramref name="idempotencyKey"/>, or null while it is unclaimed.</summary>
    public Task<IdempotencyRecord?> FindAsync(string idempotencyKey, CancellationToken ct = default) =>
        dapr.GetStateAsync<IdempotencyRecord?>(Components.OrdersStore, StateKey(idempotencyKey), ConsistencyMode.Strong, cancellationToken: ct);

    /// <summary>Gives a claimed key back (the request it was claimed for did not create an order).</summary>
    public Task ReleaseAsync(string idempotencyKey, CancellationToken ct = default) =>
        dapr.DeleteStateAsync(Components.OrdersStore, StateKey(idempotencyKey), cancellationToken: ct);
}
