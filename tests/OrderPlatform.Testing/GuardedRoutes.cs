using System.Net;
using System.Net.Http.Json;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Testing;

/// <summary>
/// A route an internal service guards with <c>RequireDaprCaller</c>: how to call it so it is served
/// (<paramref name="Served"/>), and the app-ids it lets through (<paramref name="Callers"/>).
/// </summary>
public sealed record GuardedRoute(HttpMethod Method, string Path, object? Body, HttpStatusCode Served, IReadOnlyList<string> Callers)
{
    /// <summary>Writes of the workflow: order-service only.</summary>
    public static GuardedRoute OrderServiceOnly(HttpMethod method, string path, object? body = null, HttpStatusCode served = HttpStatusCode.OK) =>
        new(method, path, body, served, [AppIds.OrderService]);

    /// <summary>Reads and test switches: any app of the platform.</summary>
    public static GuardedRoute AnyPlatformApp(HttpMethod method, string path, object? body = null, HttpStatusCode served = HttpStatusCode.OK) =>
        new(method, path, body, served, AppIds.All);

    public async Task<HttpResponseMessage> SendAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            request.Content = JsonContent.Create(Body, Body.GetType(), options: JsonDefaults.Options);
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// The calls the route refuses, as the kit's <c>DaprCallers</c> answers them (tests/ServiceDefaults.Tests/
    /// DaprCallersTests): through the sidecar (the app API token) from an app-id it does not name, with a forged second
    /// caller value, or with no caller value (a binding's shape): 403; straight to the app port (no token): 401.
    /// </summary>
    public IEnumerable<(bool ThroughSidecar, string[] Callers, HttpStatusCode Expected)> Refusals()
    {
        var stranger = AppIds.All.FirstOrDefault(id => !Callers.Contains(id)) ?? "someone-else";
        yield return (true, [stranger], HttpStatusCode.Forbidden);
        yield return (true, [stranger, Callers[0]], HttpStatusCode.Forbidden);
        yield return (true, [], HttpStatusCode.Forbidden);
        yield return (false, [Callers[0]], HttpStatusCode.Unauthorized);
        yield return (false, [], HttpStatusCode.Unauthorized);
    }

    /// <summary>xunit theory rows (route name, through sidecar, callers, expected status) for every route's refusals.</summary>
    public static IEnumerable<object[]> RefusalRows(IReadOnlyDictionary<string, GuardedRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes.SelectMany(r => r.Value.Refusals().Select(c => new object[] { r.Key, c.ThroughSidecar, c.Callers, c.Expected }));
    }

    /// <summary>xunit theory rows (route name, caller) for every caller every route lets through.</summary>
    public static IEnumerable<object[]> AcceptedRows(IReadOnlyDictionary<string, GuardedRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes.SelectMany(r => r.Value.Callers.Select(c => new object[] { r.Key, c }));
    }
}
