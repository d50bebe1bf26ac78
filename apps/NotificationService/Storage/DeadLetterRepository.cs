using Microsoft.Extensions.Options;
using OrderPlatform.NotificationService.DeadLetters;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.NotificationService.Storage;

/// <summary>The newest dead letters (bounded by <see cref="NotificationServiceOptions.MaxDeadLetters"/>) under key <c>deadletters</c>.</summary>
public sealed class DeadLetterRepository(StateStore store, IOptions<NotificationServiceOptions> options)
{
    public async Task<IReadOnlyList<DeadLetter>> GetAsync(CancellationToken ct) =>
        (await store.GetAsync<List<DeadLetter>>(StateKeys.DeadLetters, ct)).Value ?? [];

    /// <summary>Adds the dead letter unless one with its id is recorded; false when it was. Lost ETag races are retried by the kit.</summary>
    public async Task<bool> AddAsync(DeadLetter deadLetter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var added = false;
        await store.UpdateAsync<List<DeadLetter>>(StateKeys.DeadLetters, current =>
        {
            var next = BoundedList.Add(current, deadLetter, d => d.Id, d => d.ReceivedAt, options.Value.MaxDeadLetters);
            added = next is not null;
            return next;
        }, ct);
        return added;
    }
}
