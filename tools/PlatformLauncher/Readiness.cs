using System.Net.Http.Json;
using System.Text.Json;
using OrderPlatform.Contracts;

namespace OrderPlatform.PlatformLauncher;

/// <summary>Waits for the sidecar's health endpoints, each service's <c>/health/ready</c>, and the subscriptions.</summary>
internal static class Readiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task WaitForSidecarAsync(Platform platform, CancellationToken cancellationToken)
    {
        foreach (var ports in platform.Ports.Values)
        {
            await PollAsync(platform, platform.Sidecar!, new Uri(ports.DaprHttpUrl, "/v1.0/healthz"), cancellationToken).ConfigureAwait(false);
        }

        platform.Sidecar!.MarkReady();
    }

    public static async Task WaitForAppsAsync(Platform platform, CancellationToken cancellationToken)
    {
        // All at once, so each app's TimeToReady is its own, not the slowest one before it; the first failure ends the wait.
        var waits = platform.Apps.Keys.ToArray().Select(appId => WaitForAppAsync(platform, appId, cancellationToken)).ToList();
        while (waits.Count > 0)
        {
            var done = await Task.WhenAny(waits).ConfigureAwait(false);
            waits.Remove(done);
            await done.ConfigureAwait(false);
        }

        // Events published before the sidecar has read notification-service's /dapr/subscribe would have no subscriber.
        var metadata = new Uri(platform.Ports[AppIds.NotificationService].DaprHttpUrl, "/v1.0/metadata");
        while (!await HasSubscriptionsAsync(metadata, cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task WaitForAppAsync(Platform platform, string appId, CancellationToken cancellationToken)
    {
        var process = platform.Apps[appId];
        await PollAsync(platform, process, new Uri(platform.Ports[appId].AppUrl, "/health/ready"), cancellationToken).ConfigureAwait(false);
        process.MarkReady();
    }

    private static async Task PollAsync(Platform platform, ManagedProcess process, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            await PollUntilOkAsync(platform, process, url, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{process.Name} was not ready at {url} in time.{Environment.NewLine}{platform.Diagnostics()}");
        }
    }

    private static async Task PollUntilOkAsync(Platform platform, ManagedProcess process, Uri url, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process.HasExited)
            {
                var message = $"{process.Name} exited while starting.{Environment.NewLine}{platform.Diagnostics()}";
                throw process.Output.Any(line => line.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                    ? new PortInUseException(message)
                    : new InvalidOperationException(message);
            }

            try
            {
                using var response = await Http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // slow answer; ask again
            }

            await Task.Delay(platform.Options.ReadinessPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> HasSubscriptionsAsync(Uri metadata, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = await Http.GetFromJsonAsync<JsonDocument>(metadata, cancellationToken).ConfigureAwait(false);
            return doc is not null
                && doc.RootElement.TryGetProperty("subscriptions", out var subs)
                && subs.ValueKind == JsonValueKind.Array
                && subs.GetArrayLength() > 0;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
