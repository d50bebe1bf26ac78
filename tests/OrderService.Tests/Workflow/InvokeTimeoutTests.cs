using Microsoft.Extensions.Hosting;
using OrderPlatform.ServiceDefaults;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService;
using OrderPlatform.OrderService.Downstream;
using YamlDotNet.RepresentationModel;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>
/// The activities' invoke clients wait longer than the sidecar may spend on one call (retries × per-attempt timeout
/// + delays, from components/resiliency.yaml, which infra/ mirrors), so a slow retried call is never abandoned by
/// order-service while the sidecar still retries it. Mirrors the order in dapr/dapr pkg/resiliency (retry outermost,
/// timeout per attempt) as the dev sidecar's ResiliencePipelines does.
/// </summary>
public sealed partial class InvokeTimeoutTests
{
    public static TheoryData<string, string> Clients => new()
    {
        { nameof(InventoryClient), AppIds.InventoryService },
        { nameof(PaymentClient), AppIds.PaymentService },
        { nameof(ShippingClient), AppIds.ShippingService },
    };

    [Theory]
    [MemberData(nameof(Clients))]
    public void The_invoke_client_outlasts_the_sidecars_worst_retry_budget(string client, string appId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        builder.AddOrderService();
        using var provider = builder.Services.BuildServiceProvider();

        var timeout = provider.GetRequiredService<IHttpClientFactory>().CreateClient(client).Timeout;

        timeout.Should().Be(InvokeTimeout.Value);
        timeout.Should().BeGreaterThan(WorstBudget(appId), $"{appId}: the sidecar must give its answer before the client gives up");
    }

    [Fact]
    public void The_worst_budget_today_is_payment_services_four_attempts_of_thirty_seconds()
    {
        WorstBudget(AppIds.PaymentService).Should().Be(TimeSpan.FromSeconds((4 * 30) + (3 * 1)));
    }

    /// <summary>(retries + 1) × per-attempt timeout + retries × the largest delay between attempts.</summary>
    private static TimeSpan WorstBudget(string appId)
    {
        var spec = (YamlMappingNode)Load()["spec"];
        var policies = (YamlMappingNode)spec["policies"];
        var apps = (YamlMappingNode)((YamlMappingNode)spec["targets"])["apps"];
        if (!apps.Children.TryGetValue(appId, out var node))
        {
            return TimeSpan.Zero; // no policy: no sidecar retries or timeout; the client's timeout is the only bound
        }

        var target = (YamlMappingNode)node;
        var timeout = target.Children.TryGetValue("timeout", out var t)
            ? Duration(((YamlMappingNode)policies["timeouts"])[t.ToString()].ToString())
            : TimeSpan.Zero;
        if (!target.Children.TryGetValue("retry", out var r))
        {
            return timeout;
        }

        var retry = (YamlMappingNode)((YamlMappingNode)policies["retries"])[r.ToString()];
        var retries = int.Parse(retry["maxRetries"].ToString(), CultureInfo.InvariantCulture);
        var delay = retry.Children.TryGetValue("maxInterval", out var max) ? Duration(max.ToString())
            : retry.Children.TryGetValue("duration", out var d) ? Duration(d.ToString()) : TimeSpan.FromSeconds(5);
        return ((retries + 1) * timeout) + (retries * delay);
    }

    private static YamlMappingNode Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrderPlatform.sln")))
        {
            dir = dir.Parent;
        }

        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(dir!.FullName, "components", "resiliency.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Go durations as resiliency.yaml writes them ("500ms", "5s", "1m", "1h30m").</summary>
    private static TimeSpan Duration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (System.Text.RegularExpressions.Match m in GoDuration().Matches(text))
        {
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }

        return total;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex GoDuration();
}
