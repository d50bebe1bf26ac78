using System.Diagnostics;
using System.Net.Http.Headers;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Invocation;
using OrderPlatform.DevSidecar.Messaging.Subscriptions;
using OrderPlatform.DevSidecar.Resiliency;
using OrderPlatform.DevSidecar.Telemetry;
using Polly;

namespace OrderPlatform.DevSidecar.Messaging.Delivery;

/// <summary>
/// Delivers one message to one subscription as daprd does (dapr/dapr pkg/runtime/subscription/subscription.go) over
/// <c>pubsub.azure.servicebus.topics</c>, the broker Azure runs (<see cref="DeliveryPolicy"/>): an expired message, one
/// no route wants, a DROP and a 404 go to the dead-letter topic if the subscription has one, else are gone; a failed
/// delivery (RETRY, another non-2xx, no answer) is retried only by the pub/sub's inbound resiliency policy, then goes
/// to the dead-letter topic if there is one, else back to the broker, which delivers it again until its
/// <c>maxDeliveryCount</c> and then moves it to its own dead-letter queue, which no subscriber reads.
/// </summary>
public sealed class MessageDelivery(
    SidecarApps apps,
    ComponentRegistry components,
    ResiliencePipelines pipelines,
    IHttpClientFactory httpClientFactory,
    CallRecorder recorder,
    TimeProvider time,
    ILogger<MessageDelivery> logger)
{
    private static readonly OutcomeClassifier<DeliveryStatus> Classifier = new(s => s == DeliveryStatus.Retry);

    public async Task<DeliveryDisposition> DeliverAsync(Subscription subscription, PubSubMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(message);
        var started = Stopwatch.GetTimestamp();
        var (disposition, outcome) = await AttemptAsync(subscription, message, cancellationToken);
        recorder.Record(subscription.AppId, "deliver", $"{message.PubsubName}/{message.Topic}", outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (disposition != DeliveryDisposition.Delivered)
        {
            logger.LogWarning("[{AppId}] {Pubsub}/{Topic} message {Outcome}: {Disposition}",
                subscription.AppId, message.PubsubName, message.Topic, outcome, disposition);
        }

        return disposition;
    }

    private async Task<(DeliveryDisposition, string)> AttemptAsync(Subscription subscription, PubSubMessage message, CancellationToken cancellationToken)
    {
        var dead = subscription.DeadLetterTopic is null ? DeliveryDisposition.Dropped : DeliveryDisposition.DeadLetter;
        if (message.HasExpired(time.GetUtcNow()))
        {
            return (dead, "expired");
        }

        var envelope = DeliveryEnvelope.For(subscription, message);
        string? route;
        using (var json = envelope.TryParse())
        {
            route = subscription.SelectRoute(json?.RootElement);
        }

        if (route is null || apps.FindById(subscription.AppId) is not { } app)
        {
            return (dead, "no-route");
        }

        var uri = new Uri(app.AppBaseAddress, route);
        var pipeline = pipelines.For(subscription.AppId, PolicyTarget.PubsubInbound(subscription.PubsubName), Classifier);
        var deliveries = DeliveryPolicy.MaxDeliveryCount(components.All.FirstOrDefault(c => c.Name == subscription.PubsubName));
        for (var delivery = 1; ; delivery++)
        {
            var result = await DeliverOnceAsync(pipeline, uri, envelope, message, cancellationToken);
            switch (result)
            {
                case { Exception: OperationCanceledException } when cancellationToken.IsCancellationRequested:
                    return (DeliveryDisposition.Dropped, "cancelled");
                case { Exception: null, Result: DeliveryStatus.Success }:
                    return (DeliveryDisposition.Delivered, "ok");
                case { Exception: null, Result: DeliveryStatus.Drop }:
                    return (dead, "drop");
                case { Exception: null, Result: DeliveryStatus.NotFound }:
                    return (dead, "not-found");
            }

            if (dead == DeliveryDisposition.DeadLetter)
            {
                return (dead, "failed");
            }

            if (delivery >= deliveries)
            {
                return (DeliveryDisposition.Dropped, "broker-dead-lettered");
            }

            await Task.Delay(DeliveryPolicy.RedeliveryPause, time, cancellationToken);
        }
    }

    private async Task<Outcome<DeliveryStatus>> DeliverOnceAsync(
        ResiliencePipeline<DeliveryStatus> pipeline, Uri uri, DeliveryEnvelope envelope, PubSubMessage message, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await pipeline.ExecuteOutcomeAsync((rc, _) => PostAsync(uri, envelope, message, rc.CancellationToken), context, 0);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Outcome<DeliveryStatus>> PostAsync(Uri uri, DeliveryEnvelope envelope, PubSubMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(envelope.Body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(envelope.ContentType);
            TraceContext.From(message.TraceParent, message.TraceState).ApplyTo(request);
            using var response = await AppChannel.Create(httpClientFactory).SendAsync(request, cancellationToken);
            return Outcome.FromResult(await DeliveryResponse.ClassifyAsync(response, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return Outcome.FromException<DeliveryStatus>(ex);
        }
    }
}
