using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderPlatform.ServiceDefaults.Tests;

/// <summary>
/// What the services send to Application Insights on ACA (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set), against
/// Azure.Monitor.OpenTelemetry.AspNetCore 1.6.0's defaults (<c>AzureMonitorOptions</c>): <c>TracesPerSecond</c> 5 (its
/// rate-limited sampler, which decides per process: seen offline, children of a sampled parent were kept at ~5/s like
/// roots) and <c>EnableTraceBasedLogsSampler</c> true (only the logs of sampled traces are exported). The distro picks
/// the trace-id-hashing fixed-percentage sampler when <c>TracesPerSecond</c> is null. A test here sets process
/// environment variables (the distro reads them itself), so the class runs alone, after the parallel ones.
/// </summary>
[Collection(Name)]
public sealed class TelemetryTests
{
    public const string Name = "process environment";

    private const string Sampler = "OTEL_TRACES_SAMPLER";
    private const string SamplerArg = "OTEL_TRACES_SAMPLER_ARG";

    [Fact]
    public void Application_Insights_gets_every_log_line_and_whole_traces_decided_by_trace_id()
    {
        var azure = AzureMonitorOptionsOf(BuildWithConnectionString());

        // The "order never ended" alert (infra/core/operations.bicep) reads the workflow's start and end log lines.
        azure.EnableTraceBasedLogsSampler.Should().BeFalse("the alert's log lines are kept whether or not their trace is");
        azure.TracesPerSecond.Should().BeNull("a per-process rate limit would keep different orders' spans in each service");
        azure.SamplingRatio.Should().Be(1, "every trace, unless the operator configures a percentage");
    }

    [Fact]
    public void The_distros_sampler_variables_still_choose_the_sampling()
    {
        Environment.SetEnvironmentVariable(Sampler, "microsoft.fixed_percentage");
        Environment.SetEnvironmentVariable(SamplerArg, "0.25");
        try
        {
            var fixedShare = AzureMonitorOptionsOf(BuildWithConnectionString());
            Environment.SetEnvironmentVariable(Sampler, "microsoft.rate_limited");
            Environment.SetEnvironmentVariable(SamplerArg, "20");
            var rateLimited = AzureMonitorOptionsOf(BuildWithConnectionString());

            fixedShare.SamplingRatio.Should().Be(0.25f);
            fixedShare.TracesPerSecond.Should().BeNull();
            fixedShare.EnableTraceBasedLogsSampler.Should().BeFalse();
            rateLimited.TracesPerSecond.Should().Be(20, "an operator may still choose the distro's rate limit");
            rateLimited.EnableTraceBasedLogsSampler.Should().BeFalse();
        }
        finally
        {
            Environment.SetEnvironmentVariable(Sampler, null);
            Environment.SetEnvironmentVariable(SamplerArg, null);
        }
    }

    [Fact]
    public void Without_a_connection_string_nothing_is_sent_to_Application_Insights()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.ConfigureOpenTelemetry();
        using var app = builder.Build();

        app.Services.GetService<IConfigureOptions<AzureMonitorOptions>>().Should().BeNull();
    }

    private static WebApplication BuildWithConnectionString()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
        builder.ConfigureOpenTelemetry();
        return builder.Build();
    }

    private static AzureMonitorOptions AzureMonitorOptionsOf(WebApplication app)
    {
        using (app)
        {
            return app.Services.GetRequiredService<IOptionsMonitor<AzureMonitorOptions>>().Get(Options.DefaultName);
        }
    }
}

[CollectionDefinition(TelemetryTests.Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;
