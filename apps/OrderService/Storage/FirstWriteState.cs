using System.Globalization;
using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Storage;

/// <summary>Strongly consistent, first-write-wins writes to <c>orders-store</c>.</summary>
public static class FirstWriteState
{
    /// <summary>Consistency.Strong + Concurrency.FirstWrite: with an ETag the write needs that version, without one the key must be new.</summary>
    public static StateOptions Options => new() { Consistency = ConsistencyMode.Strong, Concurrency = ConcurrencyMode.FirstWrite };

    /// <summary>
    /// Inserts <paramref name="value"/> when <paramref name="key"/> does not exist yet; false when it does. With
    /// <paramref name="ttl"/>, the store deletes the record once it has passed (Dapr's <c>ttlInSeconds</c>).
    /// </summary>
    public static Task<bool> TryInsertAsync<T>(DaprClient dapr, string key, T value, CancellationToken ct, TimeSpan? ttl = null) =>
        TrySaveAsync(dapr, key, value, string.Empty, ct, ttl);

    /// <summary>Saves when the stored ETag is still <paramref name="etag"/> (empty: key must not exist); false on a conflict.</summary>
    public static async Task<bool> TrySaveAsync<T>(DaprClient dapr, string key, T value, string etag, CancellationToken ct, TimeSpan? ttl = null)
    {
        ArgumentNullException.ThrowIfNull(dapr);
        var metadata = ttl is { } keep
            ? new Dictionary<string, string> { ["ttlInSeconds"] = ((long)Math.Ceiling(keep.TotalSeconds)).ToString(CultureInfo.InvariantCulture) }
            : null;
        try
        {
            return await dapr.TrySaveStateAsync(Components.OrdersStore, key, value, etag, Options, metadata, ct);
        }
        catch (Exception ex) when (DaprStateConcurrency.IsEtagConflict(ex))
        {
            return false;
        }
    }
}
