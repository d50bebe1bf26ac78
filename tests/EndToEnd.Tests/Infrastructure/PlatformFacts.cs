namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>A test that inspects internal services (stock, payments, notifications): skipped against an external
/// platform whose sidecar URL (ORDERPLATFORM_DAPR_URL) was not given.</summary>
public sealed class InternalFactAttribute : FactAttribute
{
    public InternalFactAttribute()
    {
        if (!PlatformTarget.InternalServicesReachable)
        {
            Skip = $"{PlatformTarget.DaprUrlVariable} (shipping-service's Dapr sidecar) is not set for this external platform.";
        }
    }
}

/// <summary>A test that needs payment-service's fault injection (off in any real deployment).</summary>
public sealed class FaultInjectionFactAttribute : FactAttribute
{
    public FaultInjectionFactAttribute()
    {
        if (!PlatformTarget.InternalServicesReachable || !PlatformTarget.FaultInjectionAvailable)
        {
            Skip = "payment-service fault injection is only available on a platform started by the fixture "
                + "(or with ORDERPLATFORM_FAULTS=enabled and ORDERPLATFORM_DAPR_URL set).";
        }
    }
}

/// <summary>A test that kills processes or writes through the dev sidecar: only on a platform the fixture starts.</summary>
public sealed class LocalPlatformFactAttribute : FactAttribute
{
    public LocalPlatformFactAttribute()
    {
        if (PlatformTarget.IsExternal)
        {
            Skip = "Kills processes and uses the dev sidecar: only on a platform started by the fixture.";
        }
    }
}

/// <summary>A theory that kills processes or writes through the dev sidecar: only on a platform the fixture starts.</summary>
public sealed class LocalPlatformTheoryAttribute : TheoryAttribute
{
    public LocalPlatformTheoryAttribute()
    {
        if (PlatformTarget.IsExternal)
        {
            Skip = "Kills processes and uses the dev sidecar: only on a platform started by the fixture.";
        }
    }
}
