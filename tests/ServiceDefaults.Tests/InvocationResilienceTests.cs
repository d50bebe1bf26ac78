using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderPlatform.Contracts;
using Polly.CircuitBreaker;

namespace OrderPlatform.ServiceDefaults.Tests;

/// <summary>
/// Invocation clients apply a Dapr resiliency spec themselves only in <c>app</c> mode (Azure Container Apps, where the
/// managed sidecar does not apply it to service invocation); in the default <c>sidecar</c> mode they never retry, so
/// nothing is retried twice where daprd or the dev sidecar already applies components/resiliency.yaml.
/// </summary>
public sealed class InvocationResilienceTests
{
    // The shape Bicep writes into InvocationResiliency__Spec (infra/app/resiliency-values.bicep), with short durations.
    private const string Spec = """
        {
          "policies": {
            "timeouts": { "general": "200ms" },
            "retries": { "serviceRetry": { "policy": "constant", "duration": "10ms", "maxRetries": 3 } },
            "circuitBreakers": { "breaker": { "maxRequests": 1, "interval": "10s", "timeout": "30s", "trip": "consecutiveFailures >= 5" } }
          },
          "targets": { "apps": {
            "payment-service": { "timeout": "general", "retry": "serviceRetry" },
            "inventory-service": { "circuitBreaker": "breaker" }
          } }
        }
        """;

    public sealed class PaymentClient(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    public sealed class InventoryClient(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    private static (ServiceProvider Services, Downstream Downstream) Build(string? mode, Func<int, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        // The spec is always there (Bicep sets it on every app); only the mode decides whether the client applies it.
        var settings = new Dictionary<string, string?> { ["DAPR_HTTP_ENDPOINT"] = "http://127.0.0.1:3999", ["InvocationResiliency:Spec"] = Spec };
        if (mode is not null)
        {
            settings["InvocationResiliency:Mode"] = mode;
        }

        var downstream = new Downstream(answer);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddMetrics();
        services.AddDaprInvokeClient<PaymentClient>("payment-service").ConfigurePrimaryHttpMessageHandler(() => downstream);
        services.AddDaprInvokeClient<InventoryClient>("inventory-service").ConfigurePrimaryHttpMessageHandler(() => downstream);
        return (services.BuildServiceProvider(), downstream);
    }

    [Fact]
    public async Task By_default_the_sidecar_owns_retries_and_the_client_calls_once()
    {
        var (services, downstream) = Build(mode: null, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var _ = services;

        using var response = await services.GetRequiredService<PaymentClient>().Http.PostAsync("process-payment", null);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        downstream.Calls.Should().Be(1);
        downstream.LastUri.Should().Be("http://127.0.0.1:3999/v1.0/invoke/payment-service/method/process-payment");
    }

    [Fact]
    public async Task In_app_mode_a_5xx_is_retried_as_the_target_says_and_a_4xx_is_an_answer()
    {
        var (services, downstream) = Build("app", (n, _) => Task.FromResult(new HttpResponseMessage(n < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.UnprocessableEntity)));
        using var _ = services;

        using var response = await services.GetRequiredService<PaymentClient>().Http.PostAsync("process-payment", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        downstream.Calls.Should().Be(3, "two 503s retried, the 422 is the answer");
    }

    [Fact]
    public async Task In_app_mode_retries_stop_after_max_retries()
    {
        var (services, downstream) = Build("app", (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)));
        using var _ = services;

        using var response = await services.GetRequiredService<PaymentClient>().Http.PostAsync("process-payment", null);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        downstream.Calls.Should().Be(4, "the first call and serviceRetry's 3 retries");
    }

    [Fact]
    public async Task In_app_mode_each_attempt_has_the_target_timeout()
    {
        var (services, downstream) = Build("app", async (n, ct) =>
        {
            await Task.Delay(n == 1 ? TimeSpan.FromSeconds(5) : TimeSpan.Zero, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var _ = services;

        using var response = await services.GetRequiredService<PaymentClient>().Http.PostAsync("process-payment", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        downstream.Calls.Should().Be(2, "the first attempt timed out after 200ms and was retried");
    }

    [Fact]
    public async Task In_app_mode_the_breaker_opens_after_the_trip_count_and_calls_fail_fast()
    {
        var (services, downstream) = Build("app", (_, _) => throw new HttpRequestException("connection refused"));
        using var _ = services;
        var inventory = services.GetRequiredService<InventoryClient>().Http;
        using var trips = new MetricCollector<long>(
            services.GetRequiredService<IMeterFactory>(), TelemetryExtensions.ActivitySourceName, MetricNames.CircuitOpened);

        for (var i = 0; i < 5; i++)
        {
            var failing = () => inventory.PostAsync("reserve", null);
            await failing.Should().ThrowAsync<HttpRequestException>();
        }

        var open = () => inventory.PostAsync("reserve", null);
        await open.Should().ThrowAsync<BrokenCircuitException>();
        downstream.Calls.Should().Be(5, "the open breaker answers without calling");
        trips.GetMeasurementSnapshot().Should().ContainSingle("the Azure workbook counts each trip")
            .Which.Tags.Should().Contain(MetricNames.TargetTag, "inventory-service");
    }

    private sealed class Downstream(Func<int, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        private int calls;

        public int Calls => calls;

        public string? LastUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastUri = request.RequestUri?.ToString();
            return answer(Interlocked.Increment(ref calls), cancellationToken);
        }
    }
}
