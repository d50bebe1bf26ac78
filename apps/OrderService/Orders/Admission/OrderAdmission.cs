using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Admission;

/// <summary>
/// Counts the orders this replica accepted that are still being processed, and refuses new ones past
/// <see cref="AdmissionOptions.MaxInFlight"/>. A slot is reserved before an order is stored (so concurrent requests
/// cannot overshoot) and kept for each order the request created. Slots are given back by reading the orders' stored
/// status, which the workflow writes wherever it runs: an order that ended, or waits for a person (approval, on hold),
/// no longer counts. The read happens only once the bound is reached, at most once per
/// <see cref="AdmissionOptions.RefreshInterval"/>, as one bulk read by key (state.postgresql v1 serves it as one get per
/// key on the primary key: dapr/components-contrib common/component/postgresql/v1/postgresql_query.go,
/// <c>NewDefaultBulkStore</c>). A count from a state query instead would filter <c>value->>'status'</c> over every
/// order ever stored, with no index behind it (same file), once per interval per replica.
/// </summary>
public sealed partial class OrderAdmission(
    OrderRepository orders, IOptions<AdmissionOptions> options, TimeProvider time, ILogger<OrderAdmission> logger)
{
    /// <summary>Statuses with no processing going on: the order no longer takes a slot.</summary>
    private static readonly HashSet<OrderStatus> NotInFlight =
        [OrderStatus.Completed, OrderStatus.Failed, OrderStatus.Cancelled, OrderStatus.AwaitingApproval, OrderStatus.OnHold];

    private readonly Lock gate = new();
    private readonly HashSet<string> open = new(StringComparer.Ordinal);
    private int reserved;
    private DateTimeOffset lastRefresh = DateTimeOffset.MinValue;
    private Task? refreshing;

    private AdmissionOptions Settings => options.Value;

    /// <summary>
    /// Reserves <paramref name="count"/> slots; false when they are not free even after looking at the stored status of
    /// the orders counted (when that look is due).
    /// </summary>
    public async Task<bool> TryReserveAsync(int count, CancellationToken ct)
    {
        if (TryTake(count))
        {
            return true;
        }

        await RefreshIfDueAsync(ct);
        return TryTake(count);
    }

    /// <summary>The request that reserved <paramref name="reservedCount"/> slots is done: each order it created keeps one.</summary>
    public void Settle(int reservedCount, IEnumerable<string> createdOrderIds)
    {
        ArgumentNullException.ThrowIfNull(createdOrderIds);
        lock (gate)
        {
            foreach (var id in createdOrderIds)
            {
                open.Add(id);
            }

            reserved -= reservedCount;
        }
    }

    private bool TryTake(int count)
    {
        lock (gate)
        {
            if (open.Count + reserved + count > Settings.MaxInFlight)
            {
                return false;
            }

            reserved += count;
            return true;
        }
    }

    /// <summary>One look at a time, shared by the requests that wait on it; none before the interval has passed.</summary>
    private Task RefreshIfDueAsync(CancellationToken ct)
    {
        Task look;
        lock (gate)
        {
            if (refreshing is { IsCompleted: false })
            {
                look = refreshing;
            }
            else if (time.GetUtcNow() - lastRefresh < Settings.RefreshInterval)
            {
                return Task.CompletedTask;
            }
            else
            {
                lastRefresh = time.GetUtcNow();
                look = refreshing = RefreshAsync([.. open]);
            }
        }

        return look.WaitAsync(ct);
    }

    private async Task RefreshAsync(IReadOnlyList<string> counted)
    {
        try
        {
            var stored = await orders.GetManyAsync(counted, CancellationToken.None);
            var done = counted.Where(id => !stored.TryGetValue(id, out var order) || NotInFlight.Contains(order.Status)).ToList();
            lock (gate)
            {
                open.ExceptWith(done);
            }
        }
#pragma warning disable CA1031 // A failed look keeps the count as it was (refusing more, never admitting more); the next look retries.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRefreshFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the status of the orders in flight; the count is kept until the next look")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
