using Dapr.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderPlatform.Contracts;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Testing;

namespace OrderPlatform.PaymentService.Tests.Fakes;

/// <summary>payment-service in memory: DaprClient backed by a <see cref="FakeStateStore"/> and a fake secret store.</summary>
public sealed class PaymentApiFactory(bool faultInjection = false, decimal? perCustomerLimit = null) : WebApplicationFactory<Program>
{
    public const string Key = "test-gateway-key";

    public FakeStateStore Store { get; } = new FakeStateStore(Components.PaymentStore)
        .Handles<PaymentRecord>()
        .Handles<CustomerTotal>();

    /// <summary>Starts the app and waits until the gateway key is loaded from the (fake) secret store.</summary>
    public async Task<HttpClient> StartAsync()
    {
        Store.Dapr.Setup(d => d.GetSecretAsync(Components.SecretStore, GatewayKey.SecretName,
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, string> { [GatewayKey.SecretName] = Key });
        var client = CreateClient();
        await Services.GetRequiredService<GatewayKey>().WhenLoaded.WaitAsync(TimeSpan.FromSeconds(30));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Payments:FaultInjection:Enabled", faultInjection ? "true" : "false");
        builder.UseSetting("Payments:ConflictRetryDelay", "00:00:00.001");
        builder.UseSetting("Payments:ConflictRetryMaxDelay", "00:00:00.005");
        builder.UseSetting("Payments:SecretRetryMaxDelay", "00:00:00.050");
        if (perCustomerLimit is { } limit)
        {
            builder.UseSetting("Payments:PerCustomerLimit", limit.ToString(CultureInfo.InvariantCulture));
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(Store.Dapr.Object);
        });
    }
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(JsonDefaults.Options))!;

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(path, body, JsonDefaults.Options);
}
