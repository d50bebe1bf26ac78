using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// What order-service registers and maps at start-up, each test on a host of its own that starts inside it (the
/// shared host is started once, by whichever test runs first): the routes answer where they are documented, every
/// body validator and the strict body reading are in place, and the workflow's activities can be built.
/// </summary>
public sealed class FreshServiceTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task Every_body_and_query_is_checked_by_its_validator_or_the_strict_reader()
    {
        using var host = Api.WithWebHostBuilder(_ => { });
        var customer = OrderApiFactory.ClientWith(host, OrderApiFactory.Tokens.Create(OrderApiFactory.Customer));
        var operatorClient = OrderApiFactory.ClientWith(host, OrderApiFactory.Tokens.CreateOperator(OrderApiFactory.Operator));
        var tooLong = new string('r', 501);

        var unknownMember = await customer.PostAsJsonAsync("/api/orders", new { orderId = "ord-fresh-1", items = new[] { new { productId = "sku-1", quantity = 1 } }, colour = "red" }, JsonDefaults.Options);
        var cancel = await customer.PostAsJsonAsync("/api/orders/ord-fresh-1/cancel", new { reason = tooLong }, JsonDefaults.Options);
        var approve = await operatorClient.PostAsJsonAsync("/api/orders/ord-fresh-1/approve", new { approved = true, reason = tooLong }, JsonDefaults.Options);
        var products = await customer.GetAsync(new Uri("/api/products?pageSize=0", UriKind.Relative));
        var stock = await operatorClient.PutAsJsonAsync("/api/products/SKU-9/stock", new { available = -1 }, JsonDefaults.Options);

        (await ErrorKeys(unknownMember)).Should().Equal("colour");
        (await ErrorKeys(cancel)).Should().Equal("reason");
        (await ErrorKeys(approve)).Should().Equal("reason");
        (await ErrorKeys(products)).Should().Equal("pageSize");
        (await ErrorKeys(stock)).Should().Equal("available");
        Api.Inventory.StockCalls.Should().BeEmpty();
        (await State.ContainsAsync("ord-fresh-1")).Should().BeFalse();
    }

    [Fact]
    public async Task The_operator_routes_and_the_cron_route_are_where_they_are_documented()
    {
        using var host = Api.WithWebHostBuilder(_ => { });
        var operatorClient = OrderApiFactory.ClientWith(host, OrderApiFactory.Tokens.CreateOperator(OrderApiFactory.Operator));
        Api.Inventory.Stock["SKU-9"] = new StockLevel("SKU-9", 7, 0);

        var attention = await operatorClient.GetAsync(new Uri("/api/orders/attention", UriKind.Relative));
        var stock = await operatorClient.GetAsync(new Uri("/api/products/SKU-9/stock", UriKind.Relative));
        var compensate = await operatorClient.PostAsync(new Uri("/api/orders/ord-fresh-none/compensate", UriKind.Relative), null);
        // As daprd's cron binding calls: the app API token (the factory's clients send it) and no caller app-id.
        var binding = OrderApiFactory.ClientWith(host, null);
        binding.DefaultRequestHeaders.Remove(DaprCallers.CallerHeader);
        var cron = await binding.PostAsync(new Uri("/" + Components.ReconcileCron, UriKind.Relative), null);

        attention.StatusCode.Should().Be(HttpStatusCode.OK);
        stock.StatusCode.Should().Be(HttpStatusCode.OK);
        Api.Inventory.StockCalls.Should().ContainSingle().Which.Method.Should().Be(HttpMethod.Get);
        compensate.StatusCode.Should().Be(HttpStatusCode.NotFound, "the operator action ran (OrderRepairs) and found no such order");
        (await compensate.ReadJsonAsync()).GetProperty("title").GetString().Should().Be("Order not found");
        cron.StatusCode.Should().Be(HttpStatusCode.OK);
        Hooks.Calls("QueryStateAlpha1").Should().BePositive("the reconciler lists the open orders");
    }

    [Fact]
    public async Task The_OpenAPI_document_carries_the_reference_text()
    {
        using var host = Api.WithWebHostBuilder(_ => { });

        using var document = JsonDocument.Parse(await OrderApiFactory.ClientWith(host, null).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var create = document.RootElement.GetProperty("paths").GetProperty("/api/orders").GetProperty("post");
        create.GetProperty("summary").GetString().Should().Be("Create an order");
        create.GetProperty("security").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public void Every_workflow_activity_can_be_built_from_the_services()
    {
        using var host = Api.WithWebHostBuilder(_ => { });
        using var scope = host.Services.CreateScope();
        var activities = typeof(OrderWorkflow).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(WorkflowActivity<,>))
            .ToList();

        activities.Should().NotBeEmpty();
        foreach (var activity in activities)
        {
            // As the workflow worker builds an activity (dapr/dotnet-sdk src/Dapr.Workflow: ActivatorUtilities on the scope).
            var build = () => ActivatorUtilities.CreateInstance(scope.ServiceProvider, activity);
            build.Should().NotThrow(activity.Name);
        }
    }

    private static async Task<IEnumerable<string>> ErrorKeys(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }
}
