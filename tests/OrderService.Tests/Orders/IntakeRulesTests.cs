using System.Text.Json;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Batch;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Orders;

/// <summary>
/// Order intake's rules on their own, each validator built in the test (the API tests in ValidationTests go through
/// the service's singletons): a request wrong in exactly one field has exactly that one error.
/// </summary>
public sealed class IntakeRulesTests
{
    private static readonly CreateOrderRequest Valid = TestOrders.Request("ord-rules");

    private static readonly Dictionary<string, (CreateOrderRequest Request, string Property)> WrongInOneField = new()
    {
        ["orderId not an identifier"] = (Valid with { OrderId = "bad/id" }, "OrderId"),
        ["customerId not an identifier"] = (Valid with { CustomerId = "has space" }, "CustomerId"),
        ["no items"] = (Valid with { Items = [] }, "Items"),
        ["a null item"] = (Valid with { Items = [null!] }, "Items[0]"),
        ["empty productId"] = (Valid with { Items = [new OrderItem("", 1)] }, "Items[0].ProductId"),
        ["productId of 129"] = (Valid with { Items = [new OrderItem(new string('p', 129), 1)] }, "Items[0].ProductId"),
        ["quantity 0"] = (Valid with { Items = [new OrderItem("sku-1", 0)] }, "Items[0].Quantity"),
        ["unitPrice 0"] = (Valid with { Items = [new OrderItem("sku-1", 1, 0m)] }, "Items[0].unitPrice"),
        ["paymentToken of 129"] = (Valid with { PaymentToken = new string('t', 129) }, "PaymentToken"),
        ["empty street"] = (Valid with { ShippingAddress = Valid.ShippingAddress! with { Street = "" } }, "ShippingAddress.Street"),
        ["street of 201"] = (Valid with { ShippingAddress = Valid.ShippingAddress! with { Street = new string('s', 201) } }, "ShippingAddress.Street"),
        ["city of 101"] = (Valid with { ShippingAddress = Valid.ShippingAddress! with { City = new string('c', 101) } }, "ShippingAddress.City"),
        ["empty postal code"] = (Valid with { ShippingAddress = Valid.ShippingAddress! with { PostalCode = "" } }, "ShippingAddress.PostalCode"),
        ["postal code of 21"] = (Valid with { ShippingAddress = Valid.ShippingAddress! with { PostalCode = new string('1', 21) } }, "ShippingAddress.PostalCode"),
        ["empty country"] = (Valid with { ShippingAddress = Valid.ShippingAddress! with { Country = "" } }, "ShippingAddress.Country"),
        ["country of 57"] = (Valid with { ShippingAddress = Valid.ShippingAddress! with { Country = new string('C', 57) } }, "ShippingAddress.Country"),
    };

    public static TheoryData<string> Cases => new(WrongInOneField.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_request_wrong_in_one_field_has_that_one_error(string why)
    {
        var (request, property) = WrongInOneField[why];

        var result = new CreateOrderRequestValidator().Validate(request);

        // Case aside: once a host of the service has started in this process, the kit's name resolver makes them JSON paths (items[0].quantity).
        result.Errors.Select(e => e.PropertyName).Should().Equal([property], (actual, expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase), why);
    }

    [Fact]
    public void A_request_at_every_upper_bound_is_valid()
    {
        var atBounds = Valid with
        {
            PaymentToken = new string('t', 128),
            Items = [new OrderItem(new string('p', 128), OrderItemValidator.MaxQuantity, OrderItemValidator.MaxUnitPrice)],
            ShippingAddress = new ShippingAddress(new string('s', 200), new string('c', 100), new string('1', 20), new string('C', 56)),
        };

        new CreateOrderRequestValidator().Validate(atBounds).Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void An_idempotency_key_has_at_most_128_characters(int length, bool valid)
    {
        var result = new IdempotencyKeyHeaderValidator().Validate(new IdempotencyKeyHeader { Value = new string('k', length) });

        result.IsValid.Should().Be(valid);
        if (!valid)
        {
            result.Errors.Should().ContainSingle().Which.ErrorMessage.Should().Be("Idempotency-Key must be 1 to 128 characters.");
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void A_batch_holds_1_to_100_orders(int count, bool valid)
    {
        using var entry = JsonDocument.Parse("{}");
        var batch = new BatchCreateOrdersRequest([.. Enumerable.Repeat(entry.RootElement, count)]);

        new BatchCreateOrdersRequestValidator().Validate(batch).IsValid.Should().Be(valid);
    }

    [Fact]
    public void A_generated_order_id_is_ord_and_32_hex_digits_and_new_each_time()
    {
        var first = OrderIds.NewId();

        first.Should().MatchRegex("^ord-[0-9a-f]{32}$");
        OrderIds.NewId().Should().NotBe(first);
    }

    [Fact]
    public void A_batch_entrys_id_is_ord_and_32_hex_digits_the_same_on_every_retry()
    {
        var id = OrderIds.ForBatchEntry("cust-1", "key-1", 0);

        id.Should().MatchRegex("^ord-[0-9a-f]{32}$");
        OrderIds.ForBatchEntry("cust-1", "key-1", 0).Should().Be(id);
        new[] { OrderIds.ForBatchEntry("cust-1", "key-1", 1), OrderIds.ForBatchEntry("cust-2", "key-1", 0), OrderIds.ForBatchEntry("cust-1", "key-2", 0) }
            .Should().NotContain(id);
    }
}
