using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.DevSidecar.Messaging.Subscriptions;

namespace OrderPlatform.DevSidecar.Tests.Messaging;

/// <summary>
/// A test sidecar serving "publisher" (no app), "subscriber" (an in-test app) and "outsider" (not in the pub/sub's
/// scopes), with the in-memory pub/sub "order-pubsub" scoped to publisher and subscriber, and "private-pubsub"
/// scoped to publisher only.
/// </summary>
public sealed class PubSubRig : IAsyncDisposable
{
    public const string Pubsub = "order-pubsub";
    public const string PrivatePubsub = "private-pubsub";

    private readonly int subscriberPort;

    private PubSubRig(SidecarTestHost host, int subscriberPort)
    {
        Host = host;
        this.subscriberPort = subscriberPort;
    }

    public SidecarTestHost Host { get; }

    public TestApp? Subscriber { get; private set; }

    public static async Task<PubSubRig> StartAsync(
        string? resiliencyYaml = null, TimeProvider? time = null, IReadOnlyDictionary<string, string>? pubsubMetadata = null)
    {
        var port = FreePorts.Take();
        var host = await SidecarTestHost.StartAsync(o =>
        {
            o.AddApp("publisher").AddApp("subscriber", port).AddApp("outsider");
            o.AddComponent(TestComponents.Component(Pubsub, "pubsub.in-memory", pubsubMetadata, "publisher", "subscriber"));
            o.AddComponent(TestComponents.PubSub(PrivatePubsub, "publisher"));
            if (resiliencyYaml is not null)
            {
                o.WriteResource("resiliency.yaml", resiliencyYaml);
            }

            if (time is not null)
            {
                o.ConfigureBuilder = b => b.Services.AddSingleton(time);
            }
        });
        return new PubSubRig(host, port);
    }

    /// <summary>Starts the subscriber app: GET /dapr/subscribe answers <paramref name="subscriptions"/>; waits until discovered.</summary>
    public async Task<TestApp> StartSubscriberAsync(object subscriptions, Action<WebApplication> map)
    {
        var json = JsonSerializer.Serialize(subscriptions);
        Subscriber = await TestApp.StartAsync(subscriberPort, app =>
        {
            app.MapGet("/dapr/subscribe", () => Results.Text(json, "application/json"));
            map(app);
        });
        await Host.GetRequiredService<ISubscriptionCatalog>().WhenDiscoveredAsync("subscriber").WaitAsync(TimeSpan.FromSeconds(15));
        return Subscriber;
    }

    public static string InboundRetry(string retry) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: test
        spec:
          policies:
            retries:
              inbound: {retry}
          targets:
            components:
              {Pubsub}:
                inbound:
                  retry: inbound
        """;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Subscriber is not null)
        {
            await Subscriber.DisposeAsync();
        }
    }
}
