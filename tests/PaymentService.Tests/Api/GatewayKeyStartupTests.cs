using Dapr;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.PaymentService.Tests.Fakes;

namespace OrderPlatform.PaymentService.Tests.Api;

public sealed class GatewayKeyStartupTests : IDisposable
{
    private readonly PaymentApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Until_the_key_is_loaded_charges_are_503_and_readiness_fails_then_the_secret_read_is_retried()
    {
        var sidecar = new TaskCompletionSource();
        var reads = 0;
        factory.Store.Dapr.Setup(d => d.WaitForSidecarAsync(It.IsAny<CancellationToken>())).Returns(sidecar.Task);
        factory.Store.Dapr.Setup(d => d.CheckHealthAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        factory.Store.Dapr.Setup(d => d.GetSecretAsync(Components.SecretStore, GatewayKey.SecretName,
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ++reads < 3
                ? throw new DaprException("secret store not ready")
                : new Dictionary<string, string> { [GatewayKey.SecretName] = "k" });
        var client = factory.CreateClient();

        var early = await client.PostJsonAsync("/process-payment", new PaymentRequest("g-1", "c", 1m, "EUR", "tok_visa"));
        var ready = await client.GetAsync("/health/ready");

        early.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        factory.Store.Attempts.Should().Be(0);
        reads.Should().Be(0, "the secret is read only once the sidecar answers");

        sidecar.SetResult();
        await factory.Services.GetRequiredService<GatewayKey>().WhenLoaded.WaitAsync(TimeSpan.FromSeconds(30));

        reads.Should().Be(3);
        (await client.PostJsonAsync("/process-payment", new PaymentRequest("g-1", "c", 1m, "EUR", "tok_visa")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
