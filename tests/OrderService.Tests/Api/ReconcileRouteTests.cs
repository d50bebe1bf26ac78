using System.Net;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// <c>POST /order-reconcile-cron</c> is the bindings.cron route: daprd calls it with the app API token and no caller
/// app-id. From the public ingress (no token) it is 401; through another app's service invocation (token and a
/// caller app-id, order-service's own included) it is 403.
/// </summary>
public sealed class ReconcileRouteTests(OrderApiFactory api) : OrderApiTests(api)
{
    private const string Route = "/" + Components.ReconcileCron;

    public static TheoryData<bool, string[], HttpStatusCode> Refused => new()
    {
        { false, [], HttpStatusCode.Unauthorized },
        { false, [AppIds.OrderService], HttpStatusCode.Unauthorized },
        { true, [AppIds.InventoryService], HttpStatusCode.Forbidden },
        { true, [AppIds.OrderService], HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Anything_but_the_sidecars_cron_binding_is_refused(bool throughSidecar, string[] callers, HttpStatusCode expected)
    {
        using var client = Api.CreateClientAs(throughSidecar, callers);

        var response = await client.PostAsync(new Uri(Route, UriKind.Relative), null);

        response.StatusCode.Should().Be(expected);
        Hooks.Calls("QueryStateAlpha1").Should().Be(0, "the reconciler did not run");
    }

    [Fact]
    public async Task The_cron_binding_runs_the_reconciler()
    {
        using var client = Api.CreateClientAs(throughSidecar: true);

        var response = await client.PostAsync(new Uri(Route, UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Hooks.Calls("QueryStateAlpha1").Should().BePositive("the reconciler lists the open orders");
    }
}
