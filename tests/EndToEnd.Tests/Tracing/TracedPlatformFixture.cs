using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.EndToEnd.Tests.Tracing;

/// <summary>
/// A platform of its own whose five services and dev sidecar export their spans over OTLP/HTTP to a receiver in the
/// test process, as Aspire points them at its dashboard (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_SERVICE_NAME</c>).
/// </summary>
public sealed class TracedPlatformFixture : PlatformFixture
{
    public const string SidecarService = "dev-sidecar";

    public OtlpReceiver Receiver { get; } = new();

    public override async Task InitializeAsync()
    {
        if (!PlatformTarget.IsExternal)
        {
            await Receiver.StartAsync();
        }

        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    protected override PlatformOptions ConfigureLocal(PlatformOptions options)
    {
        options = base.ConfigureLocal(options);
        foreach (var app in PlatformApp.All)
        {
            foreach (var (name, value) in Exporter(app.AppId))
            {
                options.WithAppEnvironment(app.AppId, name, value);
            }
        }

        foreach (var (name, value) in Exporter(SidecarService))
        {
            options.SidecarEnvironment[name] = value;
        }

        return options;
    }

    private Dictionary<string, string> Exporter(string serviceName) => new(StringComparer.Ordinal)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = serviceName,
        // Batches leave every 200 ms instead of every 5 s, so the test does not wait for them.
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };
}

[CollectionDefinition(Name)]
public sealed class TracedPlatformCollection : ICollectionFixture<TracedPlatformFixture>
{
    public const string Name = "traced platform";
}
