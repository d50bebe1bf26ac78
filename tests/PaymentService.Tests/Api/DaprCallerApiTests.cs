using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Faults;
using OrderPlatform.PaymentService.Tests.Support;
using OrderPlatform.Testing;

namespace OrderPlatform.PaymentService.Tests.Api;

/// <summary>
/// Every route of payment-service (health and the OpenAPI document aside), fault injection switched on: charges and
/// refunds answer only order-service through its sidecar, the payment read and the fault switches any platform app
/// through its sidecar. Anything else (another app-id, a forged second one, none, or no sidecar token) is refused
/// (403 / 401) and changes nothing.
/// </summary>
public sealed class DaprCallerApiTests : IAsyncLifetime
{
    private readonly PaymentApiFactory factory = new(faultInjection: true);

    private static readonly Dictionary<string, GuardedRoute> Routes = new(StringComparer.Ordinal)
    {
        ["process-payment"] = GuardedRoute.OrderServiceOnly(HttpMethod.Post, $"/{PaymentMethods.ProcessPayment}", new PaymentRequest("dc-1", "cust-1", 10m, "EUR", "tok_visa")),
        ["refund"] = GuardedRoute.OrderServiceOnly(HttpMethod.Post, $"/{PaymentMethods.Refund}", new RefundRequest("dc-1", "dc")),
        ["get payment"] = GuardedRoute.AnyPlatformApp(HttpMethod.Get, "/api/payments/dc-1", served: HttpStatusCode.NotFound),
        ["get faults"] = GuardedRoute.AnyPlatformApp(HttpMethod.Get, "/admin/faults"),
        ["arm faults"] = GuardedRoute.AnyPlatformApp(HttpMethod.Post, "/admin/faults", new FaultRequest(3, 500)),
        ["clear faults"] = GuardedRoute.AnyPlatformApp(HttpMethod.Delete, "/admin/faults", served: HttpStatusCode.NoContent),
    };

    public static IEnumerable<object[]> Refusals => GuardedRoute.RefusalRows(Routes);

    public static IEnumerable<object[]> Accepted => GuardedRoute.AcceptedRows(Routes);

    public async Task InitializeAsync() => await factory.StartAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_call_from_outside_Dapr_or_from_an_app_not_named_is_refused_and_changes_nothing(
        string route, bool throughSidecar, string[] callers, HttpStatusCode expected)
    {
        var faults = factory.Services.GetRequiredService<FaultInjector>();
        faults.Arm(1, 502);
        using var client = factory.CreateClientAs(throughSidecar, callers);
        factory.Hooks.ResetCounts();

        var response = await Routes[route].SendAsync(client);

        response.StatusCode.Should().Be(expected);
        factory.Hooks.StateWrites.Should().Be(0);
        factory.Hooks.Calls("GetState").Should().Be(0, "a refused call never reaches the handler");
        faults.Current().Should().Be(new FaultState(1, 502), "nothing was armed, taken or cleared");
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_caller_named_through_its_sidecar_is_served(string route, string caller)
    {
        using var client = factory.CreateClientAs(throughSidecar: true, caller);

        var response = await Routes[route].SendAsync(client);

        response.StatusCode.Should().Be(Routes[route].Served, await response.Content.ReadAsStringAsync());
    }
}
