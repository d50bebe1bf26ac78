using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.InventoryService.Reservations;

/// <summary>
/// Outcome of one reservation id, stored as <c>reservation-{id}</c>. Rejections are recorded too, so a repeated
/// reserve returns the first outcome.
/// </summary>
public sealed record ReservationRecord(
    string ReservationId,
    string OrderId,
    IReadOnlyList<StockLine> Items,
    ReservationStatus Status,
    IReadOnlyList<StockShortage> Shortages,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReleasedAt = null,
    DateTimeOffset? CommittedAt = null)
{
    public ReservationResult ToResult() => new(ReservationId, Status, Shortages);
}
