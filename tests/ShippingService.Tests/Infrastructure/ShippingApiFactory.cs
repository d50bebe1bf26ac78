using Dapr.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderPlatform.Contracts;
using OrderPlatform.ShippingService.Shipments;

namespace ShippingService.Tests.Infrastructure;

/// <summary>The real app on TestServer (no ports) with <see cref="DaprClient"/> replaced by an in-memory mock.</summary>
public sealed class ShippingApiFactory : WebApplicationFactory<Program>
{
    public InMemoryStateStore Store { get; } = new InMemoryStateStore(Components.ShippingStore).Handle<Shipment>();

    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(Store.Dapr.Object);
        });
    }
}
