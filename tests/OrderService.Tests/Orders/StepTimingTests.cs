using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.OrderService.Orders;

namespace OrderPlatform.OrderService.Tests.Orders;

/// <summary>Each call of an invoke client is one step measurement: the invoked method, its duration, ok or fault.</summary>
public sealed class StepTimingTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, "ok")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "ok")]
    [InlineData(HttpStatusCode.InternalServerError, "fault")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "fault")]
    public async Task A_step_is_timed_on_the_injected_clock_and_tagged_with_its_method_and_outcome(HttpStatusCode status, string outcome)
    {
        using var timed = new Timed(clock => new Answer(status, clock));
        using var client = new HttpClient(timed.Handler);

        using var _ = await client.PostAsync("http://payment-service/process-payment", null);

        var measurement = timed.Steps.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Value.Should().Be(1.5);
        measurement.Tags.Should().Contain(new KeyValuePair<string, object?>("step", "process-payment"))
            .And.Contain(new KeyValuePair<string, object?>("outcome", outcome));
    }

    [Fact]
    public async Task A_call_that_throws_is_a_fault()
    {
        using var timed = new Timed(_ => new Unreachable());
        using var client = new HttpClient(timed.Handler);

        var call = () => client.PostAsync("http://inventory-service/reserve", null);

        await call.Should().ThrowAsync<HttpRequestException>();
        timed.Steps.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Contain(new KeyValuePair<string, object?>("outcome", "fault"));
    }

    [Fact]
    public async Task A_request_without_a_uri_is_the_unknown_step()
    {
        using var timed = new Timed(clock => new Answer(HttpStatusCode.OK, clock));
        using var invoker = new HttpMessageInvoker(timed.Handler);
        using var request = new HttpRequestMessage();

        using var _ = await invoker.SendAsync(request, CancellationToken.None);

        timed.Steps.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Contain(new KeyValuePair<string, object?>("step", "unknown"));
    }

    [Fact]
    public async Task A_stock_call_is_timed_as_the_stock_step_not_by_its_product_id()
    {
        using var timed = new Timed(clock => new Answer(HttpStatusCode.NotFound, clock));
        var inventory = new OrderPlatform.OrderService.Downstream.InventoryClient(new HttpClient(timed.Handler) { BaseAddress = new Uri("http://inventory-service") });

        (await inventory.GetStockAsync("sku-42")).Should().BeNull();

        timed.Steps.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Contain(new KeyValuePair<string, object?>("step", "stock"));
    }

    /// <summary>A <see cref="StepTimingHandler"/> on a fake clock in front of <c>inner</c>, and what it measures.</summary>
    private sealed class Timed : IDisposable
    {
        private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

        public Timed(Func<FakeTimeProvider, HttpMessageHandler> inner)
        {
            var meters = services.GetRequiredService<IMeterFactory>();
            var clock = new FakeTimeProvider();
            Steps = new MetricCollector<double>(meters, ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.StepDuration);
            Handler = new StepTimingHandler(new OrderMetrics(meters), clock) { InnerHandler = inner(clock) };
        }

        public MetricCollector<double> Steps { get; }

        public StepTimingHandler Handler { get; }

        public void Dispose()
        {
            Steps.Dispose();
            services.Dispose();
        }
    }

    /// <summary>Answers <paramref name="status"/> after 1.5 s on the fake clock.</summary>
    private sealed class Answer(HttpStatusCode status, FakeTimeProvider clock) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            clock.Advance(TimeSpan.FromSeconds(1.5));
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }

    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");
    }
}
