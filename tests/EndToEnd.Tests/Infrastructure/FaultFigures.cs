using System.Text.Json;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What a fault run left behind, as the README's fault table shows it. Stock drift = initial − available − units of
/// completed orders (0 when stock is conserved); reserved units are counted apart. "Charged other than once" = a
/// completed order whose payment record is missing, not <c>charged</c>, for another amount, or under another payment id
/// than the order recorded (payment-service keys the one payment of an order by order id, so a second charge shows up
/// as one of these). "Notified other than once" = an order whose customer did not get exactly one notification per
/// event of its run (order_created, order_paid, order_shipped, order_completed for a completed order; notification-service
/// de-duplicates by CloudEvent id), null when the test did not check.
/// </summary>
public sealed record FaultFigures(
    string Fault, int Accepted, int InFlight, int Completed, int OnHold, int Other, int StockDrift, int Reserved, int ChargedOtherThanOnce,
    int? NotifiedOtherThanOnce = null)
{
    private static readonly string[] CompletedOrderEvents =
        [OrderEventTypes.Created, OrderEventTypes.Paid, OrderEventTypes.Shipped, OrderEventTypes.Completed];

    public string Row => $"FAULT-FIGURES | {Fault} | {Accepted} | {InFlight} | {Completed} | {OnHold} | {Other} | {StockDrift} | {Reserved} | {ChargedOtherThanOnce} | {NotifiedOtherThanOnce?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} |";

    /// <summary>
    /// Waits (up to <paramref name="timeout"/>) until every completed order's customer has one notification per event,
    /// then counts the completed orders whose notifications are not exactly those (missing, doubled, or another id).
    /// Each order has a customer of its own (<see cref="OrderApi.NewOrder"/>).
    /// </summary>
    public async Task<FaultFigures> WithNotificationsAsync(IReadOnlyList<OrderView> outcomes, InternalApis apis, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(apis);
        var completed = outcomes.Where(o => o.Status == OrderStatus.Completed).ToList();
        var deadline = DateTimeOffset.UtcNow + timeout;
        int wrong;
        while (true)
        {
            var lists = await Task.WhenAll(completed.Select(async o => (Order: o, Notifications: await apis.NotificationsAsync(o.CustomerId))));
            wrong = lists.Count(l => !NotifiedOnce(l.Order, l.Notifications));
            if (wrong == 0 || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        return this with { NotifiedOtherThanOnce = wrong };
    }

    private static bool NotifiedOnce(OrderView order, JsonElement notifications)
    {
        var seen = notifications.EnumerateArray()
            .Select(n => (Id: n.GetProperty("id").GetString(), Type: n.GetProperty("type").GetString(), OrderId: n.GetProperty("orderId").GetString()))
            .ToList();
        return seen.Count == CompletedOrderEvents.Length
            && seen.All(n => n.OrderId == order.OrderId && n.Id == OrderEvent.EventId(order.OrderId, n.Type!))
            && seen.Select(n => n.Type).Order(StringComparer.Ordinal).SequenceEqual(CompletedOrderEvents.Order(StringComparer.Ordinal));
    }

    public static async Task<FaultFigures> CollectAsync(
        string fault, IReadOnlyList<OrderView> outcomes, int inFlight, InternalApis apis, string productId, int initialStock)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(apis);
        var completed = outcomes.Where(o => o.Status == OrderStatus.Completed).ToList();
        var stock = await apis.StockAsync(productId);
        var unitsShipped = completed.Sum(o => o.Items.Sum(i => i.Quantity));
        var badCharges = 0;
        foreach (var order in completed)
        {
            var payment = await apis.PaymentAsync(order.OrderId);
            if (payment is not { } record || !ChargedOnce(record, order))
            {
                badCharges++;
            }
        }

        return new FaultFigures(
            fault, outcomes.Count, inFlight, completed.Count, outcomes.Count(o => o.Status == OrderStatus.OnHold),
            outcomes.Count(o => o.Status is not (OrderStatus.Completed or OrderStatus.OnHold)),
            initialStock - stock.Available - unitsShipped, stock.Reserved, badCharges);
    }

    private static bool ChargedOnce(JsonElement record, OrderView order) =>
        record.GetProperty("status").Deserialize<PaymentStatus>(JsonDefaults.Options) == PaymentStatus.Charged
        && record.GetProperty("paymentId").GetString() == order.PaymentId
        && record.GetProperty("amount").GetDecimal() == order.Total
        && (!record.TryGetProperty("refundedAt", out var refunded) || refunded.ValueKind == JsonValueKind.Null);
}
