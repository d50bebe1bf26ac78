using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.NotificationService.Tests;

public sealed class QueryTests : NotificationServiceTest
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Returns_the_customers_notifications_newest_first()
    {
        var client = Factory.CreateClient();
        // Delivered out of order: paid arrives before created. Newest = latest occurrence.
        await client.DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid, at: T0.AddMinutes(1)));
        await client.DeliverAsync(DaprDelivery.Event(OrderEventTypes.Created, at: T0));
        await client.DeliverAsync(DaprDelivery.Event(OrderEventTypes.Shipped, at: T0.AddMinutes(2)));
        await client.DeliverAsync(DaprDelivery.Event(OrderEventTypes.Created, orderId: "o-9", customerId: "c-2"));

        var notifications = await Factory.ReaderClient().GetFromJsonAsync<List<Notification>>("/api/notifications?customerId=c-1", JsonDefaults.Options);

        notifications!.Select(n => n.Type).Should().Equal(OrderEventTypes.Shipped, OrderEventTypes.Paid, OrderEventTypes.Created);
        notifications.Should().OnlyContain(n => n.CustomerId == "c-1");
    }

    [Fact]
    public async Task Unknown_customer_gets_an_empty_list()
    {
        var response = await Factory.ReaderClient().GetAsync("/api/notifications?customerId=nobody");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("/api/notifications", "'customerId' is required.")]
    [InlineData("/api/notifications?customerId=", "'customerId' is required.")]
    [InlineData("/api/notifications?customerId=%20", "'customerId' is required.")]
    [InlineData("/api/notifications?customerId=c%2F1", "'customerId' may contain only letters, digits, '.', '_', ':' and '-'.")]
    public async Task Missing_or_invalid_customerId_is_a_400_naming_it(string url, string error)
    {
        var response = await Factory.ReaderClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Name = "customerId" }, o => o.ExcludingMissingMembers());
        problem.GetProperty("errors").GetProperty("customerId").EnumerateArray().Select(e => e.GetString()).Should().Equal(error);
    }

    [Fact]
    public async Task Keeps_at_most_the_configured_number_per_customer_dropping_the_oldest()
    {
        Factory.Settings["Notifications:MaxPerCustomer"] = "2";
        var client = Factory.CreateClient();
        foreach (var (type, minute) in new[] { (OrderEventTypes.Created, 0), (OrderEventTypes.Paid, 1), (OrderEventTypes.Shipped, 2) })
        {
            await client.DeliverAsync(DaprDelivery.Event(type, at: T0.AddMinutes(minute)));
        }

        var notifications = await Factory.ReaderClient().GetFromJsonAsync<List<Notification>>("/api/notifications?customerId=c-1", JsonDefaults.Options);

        notifications!.Select(n => n.Type).Should().Equal(OrderEventTypes.Shipped, OrderEventTypes.Paid);
    }
}
