using System.Net;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.OrderService.Workflow;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// Customers act for themselves only and never learn of other customers' orders; operator routes need the
/// Orders.Operator role; the customer who placed an order never approves it.
/// </summary>
public sealed class AuthorizationTests(OrderApiFactory api) : OrderApiTests(api)
{
    private const string OtherCustomer = "cust-2";

    [Theory]
    [InlineData("GET", "/api/orders/attention")]
    [InlineData("POST", "/api/orders/ord-az-1/approve")]
    [InlineData("POST", "/api/orders/ord-az-1/compensate")]
    [InlineData("POST", "/api/orders/ord-az-1/commit-stock")]
    [InlineData("POST", "/api/orders/ord-az-1/resume")]
    public async Task A_customer_on_an_operator_route_is_a_403_problem_and_nothing_is_done(string method, string path)
    {
        await State.PutAsync("ord-az-1", TestOrders.Stored("ord-az-1", OrderStatus.AwaitingApproval));
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonBody("""{"approved":true}""") };

        var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_operator_who_placed_the_order_cannot_approve_it()
    {
        await State.PutAsync("ord-az-2", TestOrders.Stored("ord-az-2", OrderStatus.AwaitingApproval, customerId: OrderApiFactory.Operator));

        var response = await Api.OperatorClient().PostJsonAsync("/api/orders/ord-az-2/approve", new { approved = true });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.ReadAsync<ProblemBody>()).Detail.Should().Contain("cannot approve");
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_approver_is_the_operator_of_the_token_and_body_text_naming_one_is_refused()
    {
        await State.PutAsync("ord-az-3", TestOrders.Stored("ord-az-3", OrderStatus.AwaitingApproval));

        var named = await Api.OperatorClient("ops-7").PostJsonAsync("/api/orders/ord-az-3/approve", new { approved = true, approver = "ops-8" });
        var approved = await Api.OperatorClient("ops-7").PostJsonAsync("/api/orders/ord-az-3/approve", new { approved = true });

        named.StatusCode.Should().Be(HttpStatusCode.BadRequest, "approver is no field of the body any more");
        approved.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Api.Workflows.Verify(w => w.RaiseEventAsync("ord-az-3", OrderWorkflowEvents.ApprovalDecision, new ApprovalDecision(true, "ops-7", null), It.IsAny<CancellationToken>()), Times.Once);
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Another_customers_order_is_not_found_for_read_and_cancel_but_is_for_an_operator()
    {
        await State.PutAsync("ord-az-4", TestOrders.Stored("ord-az-4", OrderStatus.Reserved));
        var other = Api.ClientFor(OtherCustomer);

        var read = await other.GetAsync(new Uri("/api/orders/ord-az-4", UriKind.Relative));
        var cancel = await other.PostJsonAsync("/api/orders/ord-az-4/cancel", new { reason = "not mine" });

        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
        cancel.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await read.ReadAsync<ProblemBody>()).Should().BeEquivalentTo(await (await other.GetAsync(new Uri("/api/orders/ord-az-none", UriKind.Relative))).ReadAsync<ProblemBody>(),
            o => o.Excluding(p => p.Detail), "another customer's order reads as one that does not exist");
        Api.Workflows.VerifyNoOtherCalls();
        (await Api.OperatorClient().GetAsync(new Uri("/api/orders/ord-az-4", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Client.GetAsync(new Uri("/api/orders/ord-az-4", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_customer_lists_only_their_own_orders_and_naming_another_customer_is_a_403()
    {
        await State.PutAsync("ord-az-5", TestOrders.Stored("ord-az-5", customerId: "cust-az-a"));
        await State.PutAsync("ord-az-6", TestOrders.Stored("ord-az-6", customerId: "cust-az-b"));

        var own = await (await Api.ClientFor("cust-az-a").GetAsync(new Uri("/api/orders", UriKind.Relative))).ReadJsonAsync();
        var named = await Api.ClientFor("cust-az-a").GetAsync(new Uri("/api/orders?customerId=cust-az-b", UriKind.Relative));

        own.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()).Should().Equal("ord-az-5");
        named.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var asOperator = await (await Api.OperatorClient().GetAsync(new Uri("/api/orders?customerId=cust-az-b", UriKind.Relative))).ReadJsonAsync();
        asOperator.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()).Should().Equal("ord-az-6");
    }

    [Fact]
    public async Task An_order_for_another_customer_is_a_403_and_nothing_is_stored()
    {
        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-az-7", customerId: OtherCustomer));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await State.ContainsAsync("ord-az-7")).Should().BeFalse();
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Without_a_customerId_the_order_is_the_callers()
    {
        var response = await Api.ClientFor("cust-az-c").PostJsonAsync("/api/orders", TestOrders.Request("ord-az-8") with { CustomerId = null });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await State.GetAsync<StoredOrder>("ord-az-8"))!.CustomerId.Should().Be("cust-az-c");
    }

    [Fact]
    public async Task A_batch_with_an_entry_for_another_customer_is_a_403_and_nothing_is_stored()
    {
        var batch = new { orders = new[] { TestOrders.Request("ord-az-9"), TestOrders.Request("ord-az-10", customerId: OtherCustomer) } };

        var response = await Client.PostJsonAsync("/api/orders/batch", batch);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Hooks.SaveCalls.Should().BeEmpty();
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_idempotency_key_of_one_customer_reused_by_another_does_not_return_the_first_order()
    {
        var first = await Api.ClientFor("cust-az-d").PostJsonAsync("/api/orders", TestOrders.Request() with { CustomerId = null }, "shared-key");
        var second = await Api.ClientFor("cust-az-e").PostJsonAsync("/api/orders", TestOrders.Request() with { CustomerId = null }, "shared-key");

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.Accepted, "the key is the second customer's own: a new order");
        var secondOrder = (await second.ReadJsonAsync()).GetProperty("orderId").GetString();
        secondOrder.Should().NotBe((await first.ReadJsonAsync()).GetProperty("orderId").GetString());
        (await State.GetAsync<StoredOrder>(secondOrder!))!.CustomerId.Should().Be("cust-az-e");
    }

    [Fact]
    public async Task The_same_batch_key_of_two_customers_names_different_orders()
    {
        var batch = new { orders = new[] { TestOrders.Request() with { CustomerId = null } } };

        var first = await (await Api.ClientFor("cust-az-f").PostJsonAsync("/api/orders/batch", batch, "batch-shared")).ReadJsonAsync();
        var second = await (await Api.ClientFor("cust-az-g").PostJsonAsync("/api/orders/batch", batch, "batch-shared")).ReadJsonAsync();

        second.GetProperty("results")[0].GetProperty("status").GetString().Should().Be("accepted");
        second.GetProperty("results")[0].GetProperty("orderId").GetString()
            .Should().NotBe(first.GetProperty("results")[0].GetProperty("orderId").GetString());
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
