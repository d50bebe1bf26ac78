using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr.Client;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.Contracts;
using OrderPlatform.Testing;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.NotificationService.Tests.Support;

/// <summary>
/// notification-service on TestServer with the dev sidecar in the test process (<c>notification-store</c> as the
/// repository's components/ declare it) and fake time. <see cref="Settings"/> apply when the first client is created.
/// </summary>
public sealed class NotificationApiFactory() : SidecarServiceFactory<Program>(AppIds.NotificationService)
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>A state value as the service stored it (default when the key does not exist).</summary>
    public Task<T?> StateAsync<T>(string key)
    {
        _ = Server;
        return Dapr.GetStateAsync<T?>(Components.NotificationStore, key);
    }

    /// <summary>Stores a value beside the service, as another replica (or an earlier version) would have.</summary>
    public Task PutAsync<T>(string key, T value, CancellationToken ct = default)
    {
        _ = Server;
        return Dapr.SaveStateAsync(Components.NotificationStore, key, value, cancellationToken: ct);
    }

    /// <summary>How many live keys <c>notification-store</c> holds (the dev sidecar's <c>GET /v1.0/dev/memory</c>).</summary>
    public async Task<int> StoredKeysAsync()
    {
        _ = Server;
        using var http = new HttpClient { BaseAddress = Sidecar.HttpEndpoint };
        var report = await http.GetFromJsonAsync<JsonElement>("/v1.0/dev/memory");
        return report.GetProperty("stateStores").TryGetProperty(Components.NotificationStore, out var store)
            ? store.GetProperty("keys").GetInt32()
            : 0;
    }

    /// <summary>When the key expires (Dapr's <c>ttlExpireTime</c> GetState metadata), null without a TTL.</summary>
    public async Task<DateTimeOffset?> TtlExpireTimeAsync(string key)
    {
        _ = Server;
        // Dapr.Client's GetState calls drop the response metadata: ask through the generated gRPC client.
        using var channel = GrpcChannel.ForAddress(Sidecar.GrpcEndpoint);
        var response = await new P.Dapr.DaprClient(channel).GetStateAsync(new P.GetStateRequest { StoreName = Components.NotificationStore, Key = key });
        return response.Metadata.TryGetValue("ttlExpireTime", out var text)
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
    }

    /// <summary>
    /// <c>CreateClient()</c> calls as the sidecar delivers pub/sub events: the app API token and no caller app-id
    /// (dapr/dapr pkg/runtime/subscription/postman/http/http.go); the delivery routes answer nothing else.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Remove(OrderPlatform.ServiceDefaults.Security.DaprCallers.CallerHeader);
    }

    /// <summary>A client for the reads (<c>GET /api/notifications…</c>): a service invocation from order-service.</summary>
    public HttpClient ReaderClient() => CreateClientAs(throughSidecar: true, AppIds.OrderService);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        // Conflict retries wait on the service's TimeProvider, which is fake here: no backoff, so they never wait on it.
        builder.UseSetting("StateStore:ConflictDelay", "00:00:00");
        builder.UseSetting("StateStore:ConflictMaxDelay", "00:00:00");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}
