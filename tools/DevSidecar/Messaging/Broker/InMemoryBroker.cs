using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Messaging.Delivery;
using OrderPlatform.DevSidecar.Messaging.Subscriptions;

namespace OrderPlatform.DevSidecar.Messaging.Broker;

/// <summary>
/// Singleton. Every pubsub.* component as an in-memory broker. Each subscribing app-id is a consumer group: it gets
/// every message of the topic once. Like a Redis stream read from the start, a topic keeps its last
/// <see cref="RetainedPerTopic"/> messages so an app that subscribes after they were published (apps start after the
/// sidecar) still receives them. Dead letters are published to the subscription's deadLetterTopic on the same pub/sub.
/// </summary>
public sealed class InMemoryBroker(MessageDelivery delivery, ComponentRegistry components, ILogger<InMemoryBroker> logger)
    : IHostedService
{
    public const int RetainedPerTopic = 1000;
    public const int DefaultConcurrency = 10;

    private readonly Lock gate = new();
    private readonly Dictionary<(string Pubsub, string Topic), TopicState> topics = [];

    public bool Publish(PubSubMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        List<SubscriptionWorker> workers;
        lock (gate)
        {
            var topic = Topic(message.PubsubName, message.Topic);
            topic.Retained.Enqueue(message);
            if (topic.Retained.Count > RetainedPerTopic)
            {
                topic.Retained.Dequeue();
            }

            workers = [.. topic.Workers];
        }

        workers.ForEach(w => w.Enqueue(message));
        return true;
    }

    /// <summary>Starts delivering the topic to the subscription's app (once per app-id, pub/sub and topic).</summary>
    public void Subscribe(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (gate)
        {
            var topic = Topic(subscription.PubsubName, subscription.Topic);
            if (topic.Workers.Exists(w => w.Subscription.AppId == subscription.AppId))
            {
                return;
            }

            var worker = new SubscriptionWorker(subscription, Concurrency(subscription.PubsubName), (m, ct) => HandleAsync(subscription, m, ct), logger);
            topic.Workers.Add(worker);
            foreach (var message in topic.Retained)
            {
                worker.Enqueue(message);
            }
        }
    }

    /// <summary>The messages a topic currently retains (what a late subscriber would still receive).</summary>
    public IReadOnlyList<PubSubMessage> Retained(string pubsubName, string topic)
    {
        lock (gate)
        {
            return topics.TryGetValue((pubsubName, topic), out var state) ? [.. state.Retained] : [];
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        List<SubscriptionWorker> workers;
        lock (gate)
        {
            workers = [.. topics.Values.SelectMany(t => t.Workers)];
        }

        return Task.WhenAll(workers.Select(async w =>
        {
            await w.StopAsync(cancellationToken);
            w.Dispose();
        }));
    }

    private async Task HandleAsync(Subscription subscription, PubSubMessage message, CancellationToken cancellationToken)
    {
        var disposition = await delivery.DeliverAsync(subscription, message, cancellationToken);
        if (disposition == DeliveryDisposition.DeadLetter && subscription.DeadLetterTopic is { } deadLetterTopic)
        {
            Publish(message with { Topic = deadLetterTopic });
        }
    }

    private int Concurrency(string pubsubName) =>
        components.All.FirstOrDefault(c => c.Name == pubsubName)?.Metadata.GetValueOrDefault("concurrency") is { } text
        && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : DefaultConcurrency;

    private TopicState Topic(string pubsub, string topic)
    {
        if (!topics.TryGetValue((pubsub, topic), out var state))
        {
            state = new TopicState();
            topics[(pubsub, topic)] = state;
        }

        return state;
    }

    private sealed class TopicState
    {
        public Queue<PubSubMessage> Retained { get; } = new();

        public List<SubscriptionWorker> Workers { get; } = [];
    }
}
