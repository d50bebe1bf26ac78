using FluentValidation;
using OrderPlatform.OrderService.Orders.Query;
using OrderPlatform.OrderService.Orders.Signals;
using OrderPlatform.OrderService.Products;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// The query-string and signal-body validators on their own: each rule names its field. (The API tests send the same
/// values through the routes; the validators are singletons, built by whichever request comes first.)
/// </summary>
public sealed class ParameterValidatorTests
{
    [Fact]
    public void The_order_query_names_each_bad_parameter_and_lists_the_statuses()
    {
        var errors = Errors(new OrderQueryParametersValidator(), new OrderQueryParameters { CustomerId = "a b", Status = "lost", PageSize = "0", Token = "abc" });

        Names(errors).Should().Equal("customerid", "status", "pagesize", "token");
        errors[1].Message.Should().BeEquivalentTo(
            "'Status' must be one status of: Pending, AwaitingApproval, Approved, Reserved, Paid, Shipped, Completed, Failed, Cancelled, OnHold.");
        Errors(new OrderQueryParametersValidator(), new OrderQueryParameters { CustomerId = "cust-1", Status = "paid", PageSize = "5", Token = "20" }).Should().BeEmpty();
        new OrderQueryParameters { Status = "shipped" }.StatusFilter.Should().Be(Contracts.Orders.OrderStatus.Shipped);
    }

    [Fact]
    public void The_catalogue_query_names_each_bad_parameter()
    {
        Names(Errors(new ProductQueryParametersValidator(), new ProductQueryParameters { PageSize = "101", Token = "-1" })).Should().Equal("pagesize", "token");
    }

    [Fact]
    public void A_signal_reason_is_at_most_500_characters()
    {
        var tooLong = new string('r', 501);

        Names(Errors(new ApprovalRequestValidator(), new ApprovalRequest(true, tooLong))).Should().Equal("reason");
        Errors(new ApprovalRequestValidator(), new ApprovalRequest(true, tooLong[..500])).Should().BeEmpty();
        Names(Errors(new CancelOrderRequestValidator(), new CancelOrderRequest(tooLong))).Should().Equal("reason");
    }

    // The API's camelCase property names are FluentValidation's global setting, made when a host starts (or not, in this process yet).
    private static List<string> Names(List<(string Property, string Message)> errors) => [.. errors.Select(e => e.Property.ToLowerInvariant())];

    private static List<(string Property, string Message)> Errors<T>(IValidator<T> validator, T value) =>
        [.. validator.Validate(value).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];
}
