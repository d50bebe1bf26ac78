using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrderPlatform.DevSidecar.Tests.Messaging;

/// <summary>A request an in-test app received.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string ContentType, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A small subscriber/target app on its own port: tests map its endpoints; every request is recorded (in arrival
/// order) before the endpoint runs.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestApp(WebApplication app, ConcurrentQueue<ReceivedRequest> received)
    {
        this.app = app;
        Received = received;
    }

    public ConcurrentQueue<ReceivedRequest> Received { get; }

    public IReadOnlyList<ReceivedRequest> On(string path) => [.. Received.Where(r => r.PathAndQuery.Split('?')[0] == path)];

    public static async Task<TestApp> StartAsync(int port, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var web = builder.Build();
        var received = new ConcurrentQueue<ReceivedRequest>();
        web.Use(async (context, next) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Request.ContentType ?? string.Empty,
                body.ToArray()));
            context.Request.Body = new MemoryStream(body.ToArray());
            await next(context);
        });
        map(web);
        try
        {
            await web.StartAsync();
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }

        return new TestApp(web, received);
    }

    /// <summary>Waits (generously) until the condition holds; fails the test if it never does.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {because}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A TimeProvider whose clock tests can move forward (timers stay real).</summary>
public sealed class ShiftableTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
