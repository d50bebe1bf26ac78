using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.PaymentService.Tests.Support;

namespace OrderPlatform.PaymentService.Tests.Api;

public sealed class GatewayKeyStartupTests : IAsyncLifetime
{
    private readonly PaymentApiFactory factory = new(gateSidecarHealth: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    [Fact]
    public async Task Until_the_key_is_loaded_charges_are_503_and_readiness_fails_then_the_secret_read_is_retried()
    {
        var thirdRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseThirdRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Hooks.Fail("GetSecret", times: 2); // the secret store cannot be read at first
        factory.Hooks.Before("GetSecret", async ct =>
        {
            if (factory.Hooks.Calls("GetSecret") == 3)
            {
                thirdRead.TrySetResult();
                await releaseThirdRead.Task.WaitAsync(ct);
            }
        });
        var client = factory.CreateClient();

        var early = await client.PostJsonAsync("/process-payment", new PaymentRequest("g-1", "c", 1m, "EUR", "tok_visa"));
        var ready = await client.GetAsync("/health/ready");

        early.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        factory.Hooks.Calls("GetState").Should().Be(0);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(0);
        factory.Hooks.Calls("GetSecret").Should().Be(0, "the secret is read only once the sidecar answers");

        factory.SidecarHealth.Open();
        await thirdRead.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The sidecar answers now, but the key is still being read: charges stay 503 and the service stays unready.
        (await client.PostJsonAsync("/process-payment", new PaymentRequest("g-1", "c", 1m, "EUR", "tok_visa")))
            .StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(0);

        releaseThirdRead.SetResult();
        await factory.Services.GetRequiredService<GatewayKey>().WhenLoaded.WaitAsync(TimeSpan.FromSeconds(30));

        factory.Hooks.Calls("GetSecret").Should().Be(3);
        (await client.PostJsonAsync("/process-payment", new PaymentRequest("g-1", "c", 1m, "EUR", "tok_visa")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
