using System.Net;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Invocation;
using OrderPlatform.DevSidecar.Messaging.Broker;

namespace OrderPlatform.DevSidecar.Messaging.Subscriptions;

/// <summary>
/// Asks every app for GET /dapr/subscribe once its app port answers (polling until it is up, as daprd waits for the
/// app channel; apps start after the sidecar). A non-success answer means "no subscriptions". Subscriptions to a
/// pub/sub the app is not scoped to are ignored with a warning, as daprd does.
/// </summary>
internal sealed class SubscriptionDiscovery(
    SidecarApps apps,
    ComponentRegistry components,
    SubscriptionCatalog catalog,
    InMemoryBroker broker,
    IHttpClientFactory httpClientFactory,
    ILogger<SubscriptionDiscovery> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(apps.All.Select(app => DiscoverAsync(app, stoppingToken)));

    private async Task DiscoverAsync(AppDefinition app, CancellationToken stoppingToken)
    {
        try
        {
            var json = await FetchAsync(app, stoppingToken);
            var accepted = new List<Subscription>();
            foreach (var subscription in json is null ? [] : SubscriptionParser.Parse(app.AppId, json))
            {
                try
                {
                    components.Resolve(app.AppId, subscription.PubsubName, "pubsub.");
                    accepted.Add(subscription);
                }
                catch (DaprApiException error)
                {
                    logger.LogWarning("[{AppId}] subscription to {Pubsub}/{Topic} ignored: {Error}",
                        app.AppId, subscription.PubsubName, subscription.Topic, error.Message);
                }
            }

            catalog.Register(app.AppId, accepted);
            accepted.ForEach(broker.Subscribe);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            logger.LogError("[{AppId}] GET /dapr/subscribe answered an invalid subscription list: {Error}", app.AppId, ex.Message);
            catalog.Register(app.AppId, []);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Sidecar stopping before the app came up.
        }
    }

    /// <summary>The body of GET /dapr/subscribe, or null when the app answers without success.</summary>
    private async Task<string?> FetchAsync(AppDefinition app, CancellationToken stoppingToken)
    {
        var client = AppChannel.Create(httpClientFactory);
        var uri = new Uri(app.AppBaseAddress, "/dapr/subscribe");
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(uri, stoppingToken);
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(stoppingToken) : null;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }
}
