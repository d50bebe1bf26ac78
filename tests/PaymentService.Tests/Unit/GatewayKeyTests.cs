using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderPlatform.PaymentService.Signing;

namespace OrderPlatform.PaymentService.Tests.Unit;

public sealed class GatewayKeyTests
{
    [Fact]
    public async Task Before_it_is_set_the_key_is_not_loaded_and_reading_it_throws_instead_of_waiting()
    {
        var key = new GatewayKey();

        // Run off the test thread: a read that waited for the key would never return.
        var read = Task.Run(() => key.Value);
        var thrown = await FluentActions.Awaiting(() => read.WaitAsync(TimeSpan.FromSeconds(10)))
            .Should().ThrowAsync<InvalidOperationException>();

        thrown.WithMessage("The payment gateway key is not loaded yet.");
        key.IsLoaded.Should().BeFalse();
        key.WhenLoaded.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public void An_empty_key_is_refused_and_leaves_the_key_unloaded()
    {
        var key = new GatewayKey();

        key.Invoking(k => k.Set([])).Should().Throw<ArgumentException>()
            .WithMessage("The payment gateway key is empty.*").And.ParamName.Should().Be("value");
        key.IsLoaded.Should().BeFalse();
    }

    [Fact]
    public void A_one_byte_key_is_loaded_and_the_first_key_set_stays()
    {
        var key = new GatewayKey();

        key.Set([7]);
        key.Set([8, 9]);

        key.IsLoaded.Should().BeTrue();
        key.WhenLoaded.IsCompletedSuccessfully.Should().BeTrue();
        key.Value.Should().Equal(7);
    }

    [Fact]
    public async Task Readiness_says_whether_the_key_is_loaded()
    {
        // The description is what the health check log line carries (the probe's body is only the status).
        var key = new GatewayKey();
        var check = new GatewayKeyHealthCheck(key);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        key.Set([1]);
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        before.Should().Match<HealthCheckResult>(r => r.Status == HealthStatus.Unhealthy && r.Description == "Payment gateway key not loaded yet.");
        after.Should().Match<HealthCheckResult>(r => r.Status == HealthStatus.Healthy && r.Description == "Payment gateway key loaded.");
    }
}
