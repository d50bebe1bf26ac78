using OrderPlatform.Contracts;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The platform the fault tests share (one after another, in one collection): the workflow's fault backoff capped at
/// 5 s instead of 30 s, so a run does not wait out long delays once a fault is over, no approval timing out while a
/// test holds orders at the gate, and the dev sidecar's fault switches on (<c>DevSidecar:Faults:Enabled</c>; tools/DevSidecar/README.md).
/// </summary>
public sealed class FaultPlatform : PlatformFixture
{
    public const string Collection = "fault platform";

    /// <summary>Switches a dev sidecar fault on for <paramref name="duration"/> (<c>state/{store}</c> or <c>publish/{pubsub}</c>).</summary>
    public async Task FailForAsync(string target, TimeSpan duration)
    {
        using var http = new HttpClient { BaseAddress = SidecarHttpUrl(AppIds.OrderService) };
        using var response = await http.PostAsync(
            new Uri($"/v1.0/dev/faults/{target}?seconds={duration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    protected override PlatformOptions ConfigureLocal(PlatformOptions options)
    {
        var configured = base.ConfigureLocal(options)
            .WithAppEnvironment(AppIds.OrderService, "OrderWorkflow__FaultRetry__MaxInterval", "00:00:05")
            .WithAppEnvironment(AppIds.OrderService, "Orders__ApprovalTimeout", TimeSpan.FromMinutes(5).ToString());
        configured.SidecarEnvironment["DevSidecar__Faults__Enabled"] = "true";
        return configured;
    }
}

[CollectionDefinition(FaultPlatform.Collection)]
public sealed class FaultPlatformCollection : ICollectionFixture<FaultPlatform>;
