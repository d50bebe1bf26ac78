using System.Net;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Events;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Testing;

namespace OrderPlatform.NotificationService.Tests;

/// <summary>
/// Every route of notification-service but health, the OpenAPI document and <c>GET /dapr/subscribe</c>: the pub/sub
/// delivery routes answer only this app's own sidecar (the app API token, no caller app-id: a delivery's shape), the
/// reads any platform app through its sidecar. Anything else is refused (403 / 401) and stores nothing.
/// </summary>
public sealed class DaprCallerTests : NotificationServiceTest
{
    private static readonly string Event = DaprDelivery.Envelope("ev-dc-1", OrderEventTypes.Created,
        DaprDelivery.Data(DaprDelivery.Event(OrderEventTypes.Created, orderId: "o-dc", customerId: "c-dc"))).ToJsonString();

    /// <summary>Every delivery route: one per event type, the catch-all and the dead-letter topic's.</summary>
    public static TheoryData<string> DeliveryRoutes =>
        [.. OrderEventTypes.All.Select(OrderEventSubscriptions.PathFor), OrderEventSubscriptions.UnknownPath, OrderEventSubscriptions.DeadLetterPath];

    private static readonly Dictionary<string, GuardedRoute> Reads = new(StringComparer.Ordinal)
    {
        ["notifications"] = GuardedRoute.AnyPlatformApp(HttpMethod.Get, "/api/notifications?customerId=c-dc"),
        ["dead letters"] = GuardedRoute.AnyPlatformApp(HttpMethod.Get, "/api/notifications/deadletters"),
    };

    public static IEnumerable<object[]> ReadRefusals => GuardedRoute.RefusalRows(Reads);

    public static IEnumerable<object[]> ReadsAccepted => GuardedRoute.AcceptedRows(Reads);

    [Theory]
    [MemberData(nameof(DeliveryRoutes))]
    public async Task A_delivery_not_from_the_apps_own_sidecar_is_refused_and_stores_nothing(string path)
    {
        using var invoked = Factory.CreateClientAs(throughSidecar: true, AppIds.OrderService);
        using var direct = Factory.CreateClientAs(throughSidecar: false);
        Factory.Hooks.ResetCounts();

        // Any app (order-service included) invoking the route: daprd stamps its app-id on the call.
        (await invoked.DeliverAsync(path, Event)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        // Straight to the app port: no app API token.
        (await direct.DeliverAsync(path, Event)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        Factory.Hooks.StateWrites.Should().Be(0);
        (await Factory.StoredKeysAsync()).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(DeliveryRoutes))]
    public async Task The_apps_own_sidecar_delivers(string path)
    {
        var response = await Factory.CreateClient().DeliverAsync(path, Event);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(ReadRefusals))]
    public async Task A_read_from_outside_Dapr_or_from_an_app_not_named_is_refused(string route, bool throughSidecar, string[] callers, HttpStatusCode expected)
    {
        using var client = Factory.CreateClientAs(throughSidecar, callers);
        Factory.Hooks.ResetCounts();

        var response = await Reads[route].SendAsync(client);

        response.StatusCode.Should().Be(expected);
        (Factory.Hooks.Calls("GetState") + Factory.Hooks.Calls("GetBulkState")).Should().Be(0, "a refused call never reaches the handler");
    }

    [Theory]
    [MemberData(nameof(ReadsAccepted))]
    public async Task A_platform_app_through_its_sidecar_reads(string route, string caller)
    {
        using var client = Factory.CreateClientAs(throughSidecar: true, caller);

        (await Reads[route].SendAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
