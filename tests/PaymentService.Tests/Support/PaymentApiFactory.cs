using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Testing;

namespace OrderPlatform.PaymentService.Tests.Support;

/// <summary>
/// payment-service against the dev sidecar in the test process (real DaprClient, the repository's components/:
/// <c>payment-store</c> and the <c>secret-store</c> that serves the gateway key). With <paramref name="gateSidecarHealth"/>
/// the service's DaprClient sees the sidecar's health API through a <see cref="SidecarHealthGate"/> that stays shut
/// until the test opens it (<see cref="SidecarServiceFactory{TProgram}.GateSidecarHealth"/>).
/// </summary>
public sealed class PaymentApiFactory(bool faultInjection = false, bool gateSidecarHealth = false)
    : SidecarServiceFactory<Program>(AppIds.PaymentService)
{
    public SidecarHealthGate SidecarHealth => gateSidecarHealth ? GateSidecarHealth() : throw new InvalidOperationException("Create the factory with gateSidecarHealth: true.");

    /// <summary>Starts the app and waits until the gateway key is loaded from the secret store.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<GatewayKey>().WhenLoaded.WaitAsync(TimeSpan.FromSeconds(30));
        return client;
    }

    /// <summary>The gateway key as the secret store serves it (what every record must be signed with).</summary>
    public async Task<byte[]> GatewayKeyAsync()
    {
        var secret = await Dapr.GetSecretAsync(Components.SecretStore, GatewayKey.SecretName);
        return Encoding.UTF8.GetBytes(secret[GatewayKey.SecretName]);
    }

    /// <summary>A state item under the key the service writes (<see cref="Storage.StateKeys"/>); default when absent.</summary>
    public Task<T> GetStateAsync<T>(string key) => Dapr.GetStateAsync<T>(Components.PaymentStore, key);

    /// <summary>Writes a state item as another writer would (not through <see cref="SidecarServiceFactory{TProgram}.Hooks"/>).</summary>
    public Task PutStateAsync<T>(string key, T value, CancellationToken ct = default) =>
        Dapr.SaveStateAsync(Components.PaymentStore, key, value, cancellationToken: ct);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (gateSidecarHealth)
        {
            GateSidecarHealth();
        }

        base.ConfigureWebHost(builder);
        builder.UseSetting("Payments:FaultInjection:Enabled", faultInjection ? "true" : "false");
        builder.UseSetting("Payments:SecretRetryMaxDelay", "00:00:00.050");
    }
}
