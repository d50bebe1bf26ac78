using System.Diagnostics;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Faults;
using OrderPlatform.DevSidecar.Messaging.Broker;
using OrderPlatform.DevSidecar.Resiliency;
using OrderPlatform.DevSidecar.Telemetry;
using Polly;

namespace OrderPlatform.DevSidecar.Messaging.Publishing;

/// <summary>
/// Publishes for an app: checks the pub/sub component is visible to the publisher (scopes), builds the message
/// (CloudEvent envelope or raw bytes) and hands it to the in-memory broker under the component's outbound policy.
/// Throws <see cref="DaprApiException"/> with daprd's errors.
/// </summary>
public sealed class Publisher(
    ComponentRegistry components, InMemoryBroker broker, ResiliencePipelines pipelines, CallRecorder recorder, TimeProvider time,
    SidecarFaults faults)
{
    /// <summary>What the broker gives while a publish fault is on (Service Bus unreachable; the text is not Service Bus's own).</summary>
    internal const string UnavailableMessage = "the broker could not be reached (fault injected by the dev sidecar)";

    private static readonly OutcomeClassifier<bool> Classifier = new(_ => false);

    public async Task PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var message = CreateMessage(request);
            var pipeline = pipelines.For(request.AppId, PolicyTarget.PubsubOutbound(request.PubsubName), Classifier);
            // Inside the outbound policy, as daprd retries a failed component call (the fault is retried like a real outage).
            await pipeline.ExecuteAsync(_ => ValueTask.FromResult(Publish(message)), cancellationToken);
            outcome = "ok";
        }
        catch (DaprApiException error)
        {
            outcome = error.ErrorCode;
            throw;
        }
        finally
        {
            recorder.Record(request.AppId, "publish", $"{request.PubsubName}/{request.Topic}", outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private bool Publish(PubSubMessage message) => faults.PublishesFail(message.PubsubName)
        ? throw PubSubErrors.Publish(message.Topic, message.PubsubName, UnavailableMessage)
        : broker.Publish(message);

    private PubSubMessage CreateMessage(PublishRequest request)
    {
        if (string.IsNullOrEmpty(request.PubsubName))
        {
            throw PubSubErrors.PubsubEmpty();
        }

        components.Resolve(request.AppId, request.PubsubName, "pubsub.");
        if (string.IsNullOrEmpty(request.Topic))
        {
            throw PubSubErrors.TopicEmpty(request.PubsubName);
        }

        var now = time.GetUtcNow();
        var expiresAt = now + request.TimeToLive;
        return request.RawPayload
            ? new PubSubMessage(request.PubsubName, request.Topic, request.Data.ToArray(), request.ContentType ?? "application/octet-stream",
                IsCloudEvent: false, expiresAt, request.Trace.TraceParent, request.Trace.TraceState)
            : new PubSubMessage(request.PubsubName, request.Topic, CloudEventEnvelope.Build(request, now), PubSubMessage.CloudEventContentType,
                IsCloudEvent: true, expiresAt, request.Trace.TraceParent, request.Trace.TraceState);
    }
}
