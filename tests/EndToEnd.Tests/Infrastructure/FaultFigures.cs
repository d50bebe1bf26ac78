using System.Text.Json;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What a fault run left behind, as the README's fault table shows it. Stock drift = initial − available − units of
/// completed orders (0 when stock is conserved); reserved units are counted apart. "Charged other than once" = a
/// completed order whose payment record is missing, not <c>charged</c>, for another amount, or under another payment id
/// than the order recorded (payment-service keys the one payment of an order by order id, so a second charge shows up
/// as one of these).
/// </summary>
public sealed record FaultFigures(
    string Fault, int Accepted, int InFlight, int Completed, int OnHold, int Other, int StockDrift, int Reserved, int ChargedOtherThanOnce)
{
    public string Row => $"FAULT-FIGURES | {Fault} | {Accepted} | {InFlight} | {Completed} | {OnHold} | {Other} | {StockDrift} | {Reserved} | {ChargedOtherThanOnce} |";

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
