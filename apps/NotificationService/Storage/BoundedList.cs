namespace OrderPlatform.NotificationService.Storage;

/// <summary>
/// A newest-first list of bounded length, stored as one state value: adding puts the item in order (on equal
/// timestamps the newest addition first) and drops the oldest beyond the capacity.
/// </summary>
public static class BoundedList
{
    /// <summary>The list with <paramref name="item"/> added, or null when an item with its id is already there.</summary>
    public static List<T>? Add<T>(IReadOnlyList<T>? current, T item, Func<T, string> idOf, Func<T, DateTimeOffset> newestFirstBy, int capacity)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(newestFirstBy);
        current ??= [];
        var id = idOf(item);
        if (current.Any(existing => string.Equals(idOf(existing), id, StringComparison.Ordinal)))
        {
            return null;
        }

        // OrderByDescending is stable: the prepended item stays ahead of older items with the same timestamp.
        return [.. current.Prepend(item).OrderByDescending(newestFirstBy).Take(capacity)];
    }
}
