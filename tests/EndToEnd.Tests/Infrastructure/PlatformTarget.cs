using OrderPlatform.Contracts;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where the suite points. Without <c>ORDERPLATFORM_ORDER_URL</c> the fixture starts the platform itself; with it, the
/// suite targets that running platform (a deployed ingress, or <c>dapr run -f .</c>). The internal services are reached
/// only when their URLs are known (always locally; through <c>ORDERPLATFORM_*_URL</c> otherwise).
/// </summary>
public static class PlatformTarget
{
    public const string OrderUrlVariable = "ORDERPLATFORM_ORDER_URL";

    public static readonly IReadOnlyDictionary<string, string> InternalUrlVariables = new Dictionary<string, string>
    {
        [AppIds.InventoryService] = "ORDERPLATFORM_INVENTORY_URL",
        [AppIds.PaymentService] = "ORDERPLATFORM_PAYMENT_URL",
        [AppIds.ShippingService] = "ORDERPLATFORM_SHIPPING_URL",
        [AppIds.NotificationService] = "ORDERPLATFORM_NOTIFICATION_URL",
    };

    /// <summary>Fault injection in payment-service is only switched on for a platform the fixture starts itself,
    /// or when <c>ORDERPLATFORM_FAULTS=enabled</c> says the external one has it.</summary>
    public const string FaultsVariable = "ORDERPLATFORM_FAULTS";

    public static bool IsExternal => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OrderUrlVariable));

    public static bool InternalServicesReachable =>
        !IsExternal || InternalUrlVariables.Values.All(v => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v)));

    public static bool FaultInjectionAvailable =>
        !IsExternal || string.Equals(Environment.GetEnvironmentVariable(FaultsVariable), "enabled", StringComparison.OrdinalIgnoreCase);
}
