using Microsoft.Extensions.Options;
using OrderPlatform.NotificationService.State;

namespace OrderPlatform.NotificationService.DeadLetters;

/// <summary>The newest dead letters (bounded by <see cref="NotificationOptions.MaxDeadLetters"/>) under key <c>deadletters</c>.</summary>
public sealed class DeadLetterRepository(BoundedStateList lists, IOptions<NotificationOptions> options)
{
    public const string Key = "deadletters";

    public Task<IReadOnlyList<DeadLetter>> GetAsync(CancellationToken cancellationToken) =>
        lists.GetAsync<DeadLetter>(Key, cancellationToken);

    public Task<bool> AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        return lists.AddAsync(Key, deadLetter, d => d.Id, d => d.ReceivedAt, options.Value.MaxDeadLetters, cancellationToken);
    }
}
