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
/// Delivers one message to one subscription (at-least-once): drops it when expired, picks the route, POSTs it to the
/// app under the pub/sub's inbound resiliency policy (else <see cref="DeliveryPolicy.DefaultRetry"/>) and decides its
/// fate: delivered, dropped (404, DROP without dead-letter topic, no route, retries exhausted without one) or
/// dead-lettered (DROP or retries exhausted with a deadLetterTopic).
/// </summary>
public sealed class MessageDelivery(
    SidecarApps apps,
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
        if (message.HasExpired(time.GetUtcNow()))
        {
            return (DeliveryDisposition.Dropped, "expired");
        }

        var envelope = DeliveryEnvelope.For(subscription, message);
        string? route;
        using (var json = envelope.TryParse())
        {
            route = subscription.SelectRoute(json?.RootElement);
        }

        if (route is null || apps.FindById(subscription.AppId) is not { } app)
        {
            return (DeliveryDisposition.Dropped, "no-route");
        }

        var uri = new Uri(app.AppBaseAddress, route);
        var pipeline = pipelines.For(subscription.AppId, PolicyTarget.PubsubInbound(subscription.PubsubName), Classifier, DeliveryPolicy.DefaultRetry);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<DeliveryStatus> result;
        try
        {
            result = await pipeline.ExecuteOutcomeAsync((rc, _) => PostAsync(uri, envelope, message, rc.CancellationToken), context, 0);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var dead = subscription.DeadLetterTopic is null ? DeliveryDisposition.Dropped : DeliveryDisposition.DeadLetter;
        return result switch
        {
            { Exception: OperationCanceledException } when cancellationToken.IsCancellationRequested => (DeliveryDisposition.Dropped, "cancelled"),
            { Exception: { } } => (dead, "failed"),
            { Result: DeliveryStatus.Success } => (DeliveryDisposition.Delivered, "ok"),
            { Result: DeliveryStatus.Drop } => (dead, "drop"),
            { Result: DeliveryStatus.NotFound } => (DeliveryDisposition.Dropped, "not-found"),
            _ => (dead, "retries-exhausted"),
        };
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
