using Dapr.Client;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Testing;

namespace OrderPlatform.PaymentService.Tests.Support;

/// <summary>
/// A sidecar that is not up yet, for the start-up test: stands in front of the in-process sidecar's health API (the
/// only part of Dapr's HTTP API payment-service's DaprClient calls; state and secrets go over gRPC, straight to the
/// sidecar) and answers <c>/v1.0/healthz</c> and <c>/v1.0/healthz/outbound</c> with 500, as daprd does until it is
/// ready (dapr/docs daprdocs/content/en/reference/api/health_api.md), until <see cref="Open"/>; then it passes them on.
/// OrderPlatform.Testing has no way to hold the HTTP side of the service's DaprClient (DaprCallHooks sees gRPC only).
/// </summary>
public sealed class SidecarHealthGate : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient sidecar;
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

    public void Open() => open = true;

    /// <summary>
    /// The service's DaprClient as <see cref="InProcessSidecar.CreateClient"/> builds it, but with its HTTP endpoint
    /// behind this gate; gRPC passes <paramref name="hooks"/> as usual.
    /// </summary>
    public DaprClient CreateClient(InProcessSidecar target, DaprCallHooks hooks) => new DaprClientBuilder()
        .UseGrpcEndpoint(target.GrpcEndpoint.ToString())
        .UseHttpEndpoint(Endpoint.ToString())
        .UseJsonSerializationOptions(JsonDefaults.Options)
        .UseGrpcChannelOptions(new GrpcChannelOptions { HttpHandler = hooks })
        .Build();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        sidecar.Dispose();
    }

    private async Task<IResult> AnswerAsync(HttpRequest request, CancellationToken ct)
    {
        if (!open)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        using var answer = await sidecar.GetAsync(request.Path.Value, ct);
        return Results.StatusCode((int)answer.StatusCode);
    }
}
