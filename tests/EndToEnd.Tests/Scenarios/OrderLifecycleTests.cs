using System.Text.Json;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class OrderLifecycleTests(PlatformFixture platform)
{
    private OrderApi Orders => platform.Clients.Orders;

    [Fact]
    [Trait("Category", "Smoke")]
    public async Task An_order_of_a_catalogue_product_completes()
    {
        var orderId = await Orders.CreateAsync(OrderApi.NewOrder("SKU-001"));

        var order = await Orders.WaitForAsync(orderId);

        order.Status.Should().Be(OrderStatus.Completed, platform.Diagnostics());
        order.TrackingNumber.Should().NotBeNullOrEmpty();
        order.PaymentId.Should().NotBeNullOrEmpty();
    }

    [InternalFact]
    public async Task A_completed_order_leaves_history_stock_payment_shipment_and_notifications()
    {
        var inventory = platform.Clients.Internal;
        var productId = await inventory.NewProductAsync(available: 10, price: 12.5m);
        var request = OrderApi.NewOrder(productId, quantity: 3);

        var order = await Orders.WaitForAsync(await Orders.CreateAsync(request));

        order.Status.Should().Be(OrderStatus.Completed, platform.Diagnostics());
        order.Total.Should().Be(37.5m);
        order.Statuses.Should().ContainInOrder(
            OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Completed);
        order.TrackingNumber.Should().StartWith("TRK-");
        (await inventory.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 7, Reserved = 0 });

        var payment = await inventory.PaymentAsync(order.OrderId);
        payment.Should().NotBeNull();
        payment!.Value.GetProperty("status").GetString().Should().Be("charged");
        payment.Value.GetProperty("amount").GetDecimal().Should().Be(37.5m);

        var types = await WaitForNotificationTypesAsync(Orders.CallerId, order.OrderId, 4);
        types.Should().BeEquivalentTo(
            [OrderEventTypes.Created, OrderEventTypes.Paid, OrderEventTypes.Shipped, OrderEventTypes.Completed]);
    }

    private async Task<IReadOnlyList<string>> WaitForNotificationTypesAsync(string customerId, string orderId, int expected)
    {
        List<string> types = [];
        for (var attempt = 0; attempt < 100 && types.Count < expected; attempt++)
        {
            var json = await platform.Clients.Internal.NotificationsAsync(customerId);
            types = NotificationTypes(json, orderId);
            if (types.Count < expected)
            {
                await Task.Delay(100);
            }
        }

        return types;
    }

    private static List<string> NotificationTypes(JsonElement json, string orderId)
    {
        var items = json.ValueKind == JsonValueKind.Array ? json : json.GetProperty("items");
        return items.EnumerateArray()
            .Where(n => n.GetProperty("orderId").GetString() == orderId)
            .Select(n => n.GetProperty("type").GetString()!)
            .ToList();
    }
}
