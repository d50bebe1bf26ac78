using System.Net;
using OrderPlatform.Contracts;
using OrderPlatform.ShippingService.Tests.Support;
using OrderPlatform.Testing;

namespace OrderPlatform.ShippingService.Tests;

/// <summary>
/// Every route of shipping-service (health and the OpenAPI document aside): <c>ship</c> answers only order-service
/// through its sidecar, the shipment read any platform app through its sidecar; anything else (another app-id, a
/// forged second one, none, or no sidecar token) is refused (403 / 401) and changes nothing.
/// </summary>
public sealed class DaprCallerTests : IDisposable
{
    private readonly ShippingFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static readonly Dictionary<string, GuardedRoute> Routes = new(StringComparer.Ordinal)
    {
        ["ship"] = GuardedRoute.OrderServiceOnly(HttpMethod.Post, $"/{ShippingMethods.Ship}", Requests.Ship("dc-1", Requests.Berlin)),
        ["get shipment"] = GuardedRoute.AnyPlatformApp(HttpMethod.Get, "/api/shipments/dc-1", served: HttpStatusCode.NotFound),
    };

    public static IEnumerable<object[]> Refusals => GuardedRoute.RefusalRows(Routes);

    public static IEnumerable<object[]> Accepted => GuardedRoute.AcceptedRows(Routes);

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_call_from_outside_Dapr_or_from_an_app_not_named_is_refused_and_changes_nothing(
        string route, bool throughSidecar, string[] callers, HttpStatusCode expected)
    {
        using var client = factory.CreateClientAs(throughSidecar, callers);
        factory.Hooks.ResetCounts();

        var response = await Routes[route].SendAsync(client);

        response.StatusCode.Should().Be(expected);
        factory.Hooks.StateWrites.Should().Be(0);
        factory.Hooks.Calls("GetState").Should().Be(0, "a refused call never reaches the handler");
        (await factory.StoredAsync("dc-1")).Should().BeNull();
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
