using System.Runtime.CompilerServices;
using OrderPlatform.DevSidecar.Resiliency;

namespace OrderPlatform.DevSidecar.Tests.Resiliency;

public class ResiliencyLoaderTests
{
    private static string RepoComponents([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "components"));

    private static ResiliencyPolicies RepoPolicies() => new(ResiliencyLoader.LoadDirectory(RepoComponents()));

    [Fact]
    public void Reads_the_repository_spec_for_payment_service()
    {
        var payment = RepoPolicies().Resolve("order-service", PolicyTarget.App("payment-service"));

        payment.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        payment.Retry.Should().BeEquivalentTo(new { Name = "serviceRetry", Backoff = RetryBackoff.Constant, Duration = TimeSpan.FromSeconds(1), MaxRetries = 3 });
        payment.CircuitBreaker!.MaxRequests.Should().Be(3);
        payment.CircuitBreaker.Interval.Should().Be(TimeSpan.FromSeconds(10));
        payment.CircuitBreaker.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        payment.CircuitBreaker.Trip.ShouldTrip(new BreakerCounts(5, 0, 5, 0, 5)).Should().BeTrue();
        payment.CircuitBreaker.Trip.ShouldTrip(new BreakerCounts(4, 0, 4, 0, 4)).Should().BeFalse();
    }

    [Fact]
    public void Reads_the_repository_spec_for_inventory_and_the_pubsub()
    {
        var policies = RepoPolicies();

        var inventory = policies.Resolve("order-service", PolicyTarget.App("inventory-service"));
        inventory.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        inventory.Retry!.Name.Should().Be("serviceRetry");
        inventory.CircuitBreaker.Should().BeNull();

        var outbound = policies.Resolve("order-service", PolicyTarget.PubsubOutbound("order-pubsub"));
        outbound.Retry.Should().BeEquivalentTo(new { Backoff = RetryBackoff.Exponential, MaxInterval = TimeSpan.FromSeconds(10), MaxRetries = 5 });
        var inbound = policies.Resolve("notification-service", PolicyTarget.PubsubInbound("order-pubsub"));
        inbound.Retry.Should().BeEquivalentTo(new { Name = "deliveryRetry", Backoff = RetryBackoff.Exponential, MaxInterval = TimeSpan.FromSeconds(10), MaxRetries = 10 });
        policies.Resolve("order-service", PolicyTarget.App("shipping-service")).Should().Be(PolicyDefinition.None);
    }

    [Fact]
    public void Applies_defaults_of_the_dapr_docs_and_default_policies_by_specificity()
    {
        var policies = new ResiliencyPolicies(ResiliencyLoader.LoadYaml("""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: defaults
            spec:
              policies:
                retries:
                  DefaultRetryPolicy: {}
                  DefaultAppRetryPolicy:
                    policy: exponential
                    maxRetries: 2
                  DefaultPubsubComponentInboundRetryPolicy:
                    duration: 250ms
                circuitBreakers:
                  DefaultCircuitBreakerPolicy: {}
            """));

        var app = policies.Resolve("a", PolicyTarget.App("b"));
        app.Retry.Should().BeEquivalentTo(new { Name = "DefaultAppRetryPolicy", Backoff = RetryBackoff.Exponential, MaxInterval = TimeSpan.FromSeconds(60), MaxRetries = 2 });
        app.CircuitBreaker.Should().BeEquivalentTo(new { MaxRequests = 1, Interval = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(60) });
        app.CircuitBreaker!.Trip.Text.Should().Be("consecutiveFailures > 5");

        var inbound = policies.Resolve("a", PolicyTarget.PubsubInbound("p"));
        inbound.Retry.Should().BeEquivalentTo(new { Name = "DefaultPubsubComponentInboundRetryPolicy", Duration = TimeSpan.FromMilliseconds(250), MaxRetries = -1 });

        var outbound = policies.Resolve("a", PolicyTarget.PubsubOutbound("p"));
        outbound.Retry.Should().BeEquivalentTo(new { Name = "DefaultRetryPolicy", Backoff = RetryBackoff.Constant, Duration = TimeSpan.FromSeconds(5) });
    }

    [Fact]
    public void A_scoped_spec_applies_only_to_the_listed_apps()
    {
        var policies = new ResiliencyPolicies(ResiliencyLoader.LoadYaml("""
            kind: Resiliency
            scopes: [checkout]
            spec:
              policies:
                timeouts: { quick: 1s }
              targets:
                apps:
                  payments: { timeout: quick }
            """));

        policies.Resolve("checkout", PolicyTarget.App("payments")).Timeout.Should().Be(TimeSpan.FromSeconds(1));
        policies.Resolve("other", PolicyTarget.App("payments")).Timeout.Should().BeNull();
    }

    [Fact]
    public void Reads_matching_status_codes()
    {
        var retry = ResiliencyLoader.LoadYaml("""
            kind: Resiliency
            spec:
              policies:
                retries:
                  some:
                    matching:
                      httpStatusCodes: "429,500-503"
            """)[0].Retries["some"];

        retry.HttpStatusCodes.Contains(429).Should().BeTrue();
        retry.HttpStatusCodes.Contains(502).Should().BeTrue();
        retry.HttpStatusCodes.Contains(504).Should().BeFalse();
        retry.HttpStatusCodes.Contains(404).Should().BeFalse();
        retry.GrpcStatusCodes.IsAll.Should().BeTrue();
    }

    [Fact]
    public void Skips_component_documents_and_rejects_targets_naming_undefined_policies()
    {
        ResiliencyLoader.LoadYaml("""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: { name: p }
            spec:
              type: pubsub.in-memory
              metadata:
              - name: a
                value: b
            """).Should().BeEmpty();

        FluentActions.Invoking(() => ResiliencyLoader.LoadYaml("""
            kind: Resiliency
            spec:
              targets:
                apps:
                  payments: { retry: missing }
            """)).Should().Throw<InvalidOperationException>().WithMessage("*targets.apps.payments.retry*missing*");
    }

    [Fact]
    public void Exponential_delays_grow_and_are_capped_at_max_interval()
    {
        var retry = ResiliencyLoader.LoadYaml("""
            kind: Resiliency
            spec:
              policies:
                retries:
                  expo: { policy: exponential, maxInterval: 2s }
            """)[0].Retries["expo"];

        retry.DelayFor(0, 0.5).Should().Be(TimeSpan.FromMilliseconds(500));
        retry.DelayFor(1, 0.5).Should().Be(TimeSpan.FromMilliseconds(750));
        retry.DelayFor(1, 0).Should().Be(TimeSpan.FromMilliseconds(375));
        retry.DelayFor(10, 1).Should().Be(TimeSpan.FromSeconds(2));
    }
}
