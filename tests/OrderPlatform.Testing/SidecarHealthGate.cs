using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrderPlatform.Testing;

namespace OrderPlatform.Testing;

/// <summary>
/// A sidecar that is not up yet, for start-up tests: stands in front of the in-process sidecar's health API (the part
/// of Dapr's HTTP API that <c>WaitForSidecarAsync</c> and readiness call; state and secrets go over gRPC, straight to
/// the sidecar) and answers <c>/v1.0/healthz</c> and <c>/v1.0/healthz/outbound</c> with 500, as daprd does until it is
/// ready (dapr/docs daprdocs/content/en/reference/api/health_api.md), until <see cref="Open"/>; then it passes them on.
/// <see cref="Asked"/> completes on the first health request, so a test sees the service waiting, not merely slow.
/// Dapr.Client 1.19 takes no HttpClient of ours, so the service's DaprClient is pointed at this gate's endpoint instead
/// (<see cref="SidecarServiceFactory{TProgram}.GateSidecarHealth"/>).
/// </summary>
public sealed class SidecarHealthGate : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient sidecar;
    private readonly TaskCompletionSource asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool open;

    private SidecarHealthGate(WebApplication app, HttpClient sidecar)
    {
        this.app = app;
        this.sidecar = sidecar;
    }

    /// <summary>Where it listens (Kestrel's bound address: it was asked for port 0).</summary>
    public Uri Endpoint => new(app.Urls.Single());

    /// <summary>Starts shut, on a free loopback port (synchronously: WebApplicationFactory builds its host synchronously).</summary>
    public static SidecarHealthGate Start(Uri sidecarHttpEndpoint)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gate = new SidecarHealthGate(app, new HttpClient { BaseAddress = sidecarHttpEndpoint });
        app.MapGet("/v1.0/healthz", gate.AnswerAsync);
        app.MapGet("/v1.0/healthz/outbound", gate.AnswerAsync);
        app.StartAsync().GetAwaiter().GetResult();
        return gate;
    }

    /// <summary>Completes when the service first asks whether the sidecar is healthy.</summary>
    public Task Asked => asked.Task;

    public void Open() => open = true;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        sidecar.Dispose();
    }

    private async Task<IResult> AnswerAsync(HttpRequest request, CancellationToken ct)
    {
        asked.TrySetResult();
        if (!open)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        using var answer = await sidecar.GetAsync(request.Path.Value, ct);
        return Results.StatusCode((int)answer.StatusCode);
    }
}
