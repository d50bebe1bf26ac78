using Dapr.Client;
using Microsoft.AspNetCore.Hosting;
using OrderPlatform.Contracts;
using OrderPlatform.ShippingService.Shipments;
using OrderPlatform.ShippingService.Storage;
using OrderPlatform.Testing;

namespace OrderPlatform.ShippingService.Tests.Support;

/// <summary>
/// shipping-service against the dev sidecar hosted in the test process with the repository's components/
/// (<c>shipping-store</c>, key prefix <c>appid</c>): state, serialization and Dapr's answers are the real ones.
/// </summary>
public sealed class ShippingFactory() : SidecarServiceFactory<Program>(AppIds.ShippingService)
{
    /// <summary>Configuration set before the service starts (<c>Shipping:UnserviceableCountries:0</c>, …).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>What <c>shipping-store</c> holds for the order, read beside the service (not through <see cref="SidecarServiceFactory{TProgram}.Hooks"/>).</summary>
    public Task<Shipment?> StoredAsync(string orderId) =>
        Dapr.GetStateAsync<Shipment?>(Components.ShippingStore, StateKeys.Shipment(orderId));

    /// <summary>Stores <paramref name="shipment"/> as another replica of the service would.</summary>
    public Task StoreAsync(Shipment shipment, CancellationToken ct = default) =>
        Dapr.SaveStateAsync(Components.ShippingStore, StateKeys.Shipment(shipment.OrderId), shipment, cancellationToken: ct);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
