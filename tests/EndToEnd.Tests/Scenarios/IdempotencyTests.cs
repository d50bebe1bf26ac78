using System.Net;
using OrderPlatform.EndToEnd.Tests.Infrastructure;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
[Trait("Category", "Smoke")]
public sealed class IdempotencyTests(PlatformFixture platform)
{
    private OrderApi Orders => platform.Clients.Orders;

    [Fact]
    public async Task The_same_idempotency_key_twice_creates_one_order()
    {
        var key = OrderApi.Unique("idem");
        var order = OrderApi.NewOrder("SKU-002");

        using var first = await Orders.PostAsync(order, key);
        using var second = await Orders.PostAsync(order, key);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.IsSuccessStatusCode.Should().BeTrue(await second.Content.ReadAsStringAsync());
        var firstId = await OrderApi.ReadOrderIdAsync(first);
        var secondId = await OrderApi.ReadOrderIdAsync(second);
        secondId.Should().Be(firstId);
        (await Orders.WaitForAsync(firstId)).Statuses.Should().OnlyHaveUniqueItems("one workflow wrote this history");
        // The caller's newest order (this collection runs one test at a time): a replay that created one would be newer.
        (await Orders.MineAsync()).Should().NotBeEmpty().And.Subject.First().OrderId.Should().Be(firstId);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_a_conflict()
    {
        var key = OrderApi.Unique("idem");
        using var first = await Orders.PostAsync(OrderApi.NewOrder("SKU-002"), key);
        using var second = await Orders.PostAsync(OrderApi.NewOrder("SKU-003"), key);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
