using System.Threading.Channels;
using OrderPlatform.DevSidecar.Messaging.Subscriptions;

namespace OrderPlatform.DevSidecar.Messaging.Broker;

/// <summary>
/// Delivers one subscription's messages asynchronously with bounded concurrency (N consumers on a queue).
/// Stopping completes the queue, lets queued/in-flight deliveries finish, and cancels them when the stop token fires.
/// </summary>
internal sealed class SubscriptionWorker : IDisposable
{
    private readonly Channel<PubSubMessage> queue = Channel.CreateUnbounded<PubSubMessage>();
    private readonly CancellationTokenSource stopping = new();
    private readonly Func<PubSubMessage, CancellationToken, Task> handle;
    private readonly ILogger logger;
    private readonly Task[] consumers;

    public SubscriptionWorker(
        Subscription subscription, int concurrency, Func<PubSubMessage, CancellationToken, Task> handle, ILogger logger)
    {
        Subscription = subscription;
        this.handle = handle;
        this.logger = logger;
        consumers = [.. Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(ConsumeAsync))];
    }

    public Subscription Subscription { get; }

    public void Enqueue(PubSubMessage message) => queue.Writer.TryWrite(message);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        using (cancellationToken.Register(stopping.Cancel))
        {
            await Task.WhenAll(consumers);
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stopping.Token))
            {
                try
                {
                    await handle(message, stopping.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Delivery to {AppId} of {Pubsub}/{Topic} failed unexpectedly",
                        Subscription.AppId, Subscription.PubsubName, Subscription.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stop token fired: remaining messages are abandoned, as a broker would redeliver them later.
        }
    }
}
