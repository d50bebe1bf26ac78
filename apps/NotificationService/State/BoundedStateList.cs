using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;

namespace OrderPlatform.NotificationService.State;

/// <summary>
/// A newest-first, bounded list stored under one key in <c>notification-store</c> and updated with optimistic
/// concurrency: read with ETag, add (ties: the newest addition first), save with that ETag (first-write, so a missing key is an insert). On an ETag
/// conflict it re-reads and tries again, a bounded number of times — the only retry loop in the service.
/// </summary>
public sealed class BoundedStateList(DaprClient dapr, IOptions<NotificationOptions> options)
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<IReadOnlyList<T>> GetAsync<T>(string key, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<T>?>(Components.NotificationStore, key, cancellationToken: cancellationToken) ?? [];

    /// <summary>Adds <paramref name="item"/> unless an item with the same id is already there. Returns whether it added.</summary>
    public async Task<bool> AddAsync<T>(string key, T item, Func<T, string> idOf, Func<T, DateTimeOffset> newestFirstBy,
        int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(newestFirstBy);
        var id = idOf(item);
        for (var attempt = 1; attempt <= options.Value.MaxConflictAttempts; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<List<T>?>(Components.NotificationStore, key, cancellationToken: cancellationToken);
            current ??= [];
            if (current.Exists(existing => idOf(existing) == id))
            {
                return false;
            }

            var updated = current.Prepend(item).OrderByDescending(newestFirstBy).Take(capacity).ToList();
            if (await dapr.TrySaveStateAsync(Components.NotificationStore, key, updated, etag ?? string.Empty, FirstWrite,
                    cancellationToken: cancellationToken))
            {
                return true;
            }
        }

        throw new StateConflictException($"Key '{key}' changed concurrently {options.Value.MaxConflictAttempts} times in a row.");
    }
}
