using System.Text.Json;
using OrderPlatform.DevSidecar.Messaging.Routing;

namespace OrderPlatform.DevSidecar.Tests.Messaging;

public class RouteExpressionTests
{
    private static readonly JsonElement Event = JsonDocument.Parse("""
        { "type": "order_paid", "source": "order-service",
          "data": { "orderId": "o-1", "total": 120.5, "express": true, "customer": { "tier": "gold" } } }
        """).RootElement;

    [Theory]
    [InlineData("event.type == \"order_paid\"", true)]
    [InlineData("event.type == 'order_created'", false)]
    [InlineData("event.type != \"order_created\"", true)]
    [InlineData("event.data.customer.tier == \"gold\" && event.source == \"order-service\"", true)]
    [InlineData("event.type == \"x\" || event.data.orderId == \"o-1\"", true)]
    [InlineData("event.type == \"x\" || event.data.orderId == \"o-2\"", false)]
    [InlineData("event.data.total > 100 && event.data.total <= 120.5", true)]
    [InlineData("event.data.express == true", true)]
    [InlineData("!(event.type == \"order_paid\")", false)]
    [InlineData("(event.type == \"x\" || event.type == \"order_paid\") && event.data[\"orderId\"] == \"o-1\"", true)]
    public void Evaluates_the_supported_cel_subset(string match, bool expected) =>
        RouteExpression.Parse(match).Matches(Event).Should().Be(expected);

    [Theory]
    [InlineData("event.data.missing == \"x\"")]
    [InlineData("event.data.missing != \"x\"")]
    [InlineData("event.type > 3")]
    public void A_missing_field_or_type_error_never_matches(string match) =>
        RouteExpression.Parse(match).Matches(Event).Should().BeFalse();

    [Fact]
    public void Cel_error_semantics_let_a_true_branch_win()
    {
        RouteExpression.Parse("event.data.missing == \"x\" || event.type == \"order_paid\"").Matches(Event).Should().BeTrue();
        RouteExpression.Parse("event.data.missing == \"x\" && event.type == \"nope\"").Matches(Event).Should().BeFalse();
    }

    [Theory]
    [InlineData("type == \"x\"")]
    [InlineData("event.type = \"x\"")]
    [InlineData("event.type == \"x")]
    [InlineData("(event.type == \"x\"")]
    public void Rejects_expressions_outside_the_subset(string match) =>
        FluentActions.Invoking(() => RouteExpression.Parse(match)).Should().Throw<FormatException>();
}
