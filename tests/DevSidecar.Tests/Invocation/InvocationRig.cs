using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.DevSidecar.Tests.Messaging;

namespace OrderPlatform.DevSidecar.Tests.Invocation;

/// <summary>A test sidecar serving "caller" and "target", with an in-test target app on target's app port.</summary>
public sealed class InvocationRig : IAsyncDisposable
{
    private InvocationRig(SidecarTestHost host, TestApp? target)
    {
        Host = host;
        Target = target;
    }

    public SidecarTestHost Host { get; }

    public TestApp? Target { get; }

    public ShiftableTime Time { get; } = new();

    public static Task<InvocationRig> StartAsync(Action<WebApplication>? mapTarget, string? resiliencyYaml = null, ShiftableTime? time = null) =>
        PortConflicts.RetryAsync(() => StartOnceAsync(mapTarget, resiliencyYaml, time));

    private static async Task<InvocationRig> StartOnceAsync(Action<WebApplication>? mapTarget, string? resiliencyYaml, ShiftableTime? time)
    {
        var port = FreePorts.Take();
        var host = await SidecarTestHost.StartAsync(o =>
        {
            o.AddApp("caller").AddApp("target", port);
            if (resiliencyYaml is not null)
            {
                o.WriteResource("resiliency.yaml", resiliencyYaml);
            }

            if (time is not null)
            {
                o.ConfigureBuilder = b => b.Services.AddSingleton<TimeProvider>(time);
            }
        });
        try
        {
            return new InvocationRig(host, mapTarget is null ? null : await TestApp.StartAsync(port, mapTarget));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public static string Resiliency(string policies, string target) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: test
        spec:
          policies:
        {policies}
          targets:
            apps:
              target: {target}
        """;

    public static async Task<(string ErrorCode, string Message)> DaprError(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("errorCode").GetString()!, body.GetProperty("message").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        if (Target is not null)
        {
            await Target.DisposeAsync();
        }

        await Host.DisposeAsync();
    }
}
