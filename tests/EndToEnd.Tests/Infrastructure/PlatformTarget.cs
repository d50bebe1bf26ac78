namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where the suite points. Without <c>ORDERPLATFORM_ORDER_URL</c> the fixture starts the platform itself; with it, the
/// suite targets that running platform (a deployed ingress, or <c>dapr run -f .</c>). The internal services answer only
/// Dapr callers, so they are reached through shipping-service's sidecar (<see cref="InternalApis"/>): always
/// locally, through <c>ORDERPLATFORM_DAPR_URL</c> (its HTTP API) otherwise.
/// </summary>
public static class PlatformTarget
{
    public const string OrderUrlVariable = "ORDERPLATFORM_ORDER_URL";

    /// <summary>shipping-service's Dapr sidecar HTTP API (<c>dapr.yaml</c>'s <c>daprHTTPPort</c> of shipping-service).</summary>
    public const string DaprUrlVariable = "ORDERPLATFORM_DAPR_URL";

    /// <summary>Fault injection in payment-service is only switched on for a platform the fixture starts itself,
    /// or when <c>ORDERPLATFORM_FAULTS=enabled</c> says the external one has it.</summary>
    public const string FaultsVariable = "ORDERPLATFORM_FAULTS";

    public static bool IsExternal => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OrderUrlVariable));

    public static bool InternalServicesReachable =>
        !IsExternal || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DaprUrlVariable));

    public static bool FaultInjectionAvailable =>
        !IsExternal || string.Equals(Environment.GetEnvironmentVariable(FaultsVariable), "enabled", StringComparison.OrdinalIgnoreCase);
}
