using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.ServiceDefaults.Security;

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

    [Fact]
    public async Task A_started_service_answers_daprds_OPTIONS_probe_and_runs_the_pass_on_the_cron_route()
    {
        // A host of this test's own: the route registration runs in this test (the shared host was started by another).
        using var host = Api.WithWebHostBuilder(_ => { });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Remove(DaprCallers.CallerHeader);
        client.DefaultRequestHeaders.Remove(DaprCallers.TokenHeader);
        client.DefaultRequestHeaders.Add(DaprCallers.TokenHeader, Api.AppApiToken);

        using var probe = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, Route));
        using var run = await client.PostAsync(new Uri(Route, UriKind.Relative), null);

        probe.StatusCode.Should().Be(HttpStatusCode.OK, "daprd asks with OPTIONS whether the app listens on a binding's route");
        run.StatusCode.Should().Be(HttpStatusCode.OK);
        (await run.ReadJsonAsync()).TryGetProperty("examined", out _).Should().BeTrue();
    }

    [Fact]
    public void Reconciliation_settings_out_of_range_stop_the_service_at_start_up()
    {
        using var bad = Api.WithWebHostBuilder(b => b.UseSetting("Reconciliation:PageSize", "0"));

        var start = () => bad.Start();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("PageSize");
    }
}
