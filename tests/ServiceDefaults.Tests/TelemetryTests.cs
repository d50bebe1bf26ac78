using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderPlatform.ServiceDefaults.Tests;

/// <summary>What the services send to Application Insights on ACA (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set).</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Application_Insights_gets_every_log_line_and_a_rate_limited_share_of_the_traces()
    {
        // Azure.Monitor.OpenTelemetry.AspNetCore 1.6.0 (AzureMonitorOptions' defaults): TracesPerSecond 5 and
        // EnableTraceBasedLogsSampler true, which exports only the logs of sampled traces. The "order never ended" alert
        // (infra/core/operations.bicep) reads the workflow's start and end log lines, so every log line must go out.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
        builder.ConfigureOpenTelemetry();
        using var app = builder.Build();

        var azure = app.Services.GetRequiredService<IOptionsMonitor<AzureMonitorOptions>>().Get(Options.DefaultName);

        azure.EnableTraceBasedLogsSampler.Should().BeFalse("the alert's log lines are kept whether or not their trace is");
        azure.TracesPerSecond.Should().Be(5, "the distro's trace sampling is kept, and the README says what it is");
    }

    [Fact]
    public void Without_a_connection_string_nothing_is_sent_to_Application_Insights()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.ConfigureOpenTelemetry();
        using var app = builder.Build();

        app.Services.GetService<IConfigureOptions<AzureMonitorOptions>>().Should().BeNull();
    }
}
