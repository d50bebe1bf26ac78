using System.Globalization;
using System.Text.RegularExpressions;
using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>The ACA resiliency resources carry the values of components/resiliency.yaml.</summary>
[Collection(BicepCollection.Name)]
public sealed partial class ResiliencyTests(BicepFixture bicep)
{
    private static readonly JsonNode Spec = Yaml.Load("components", "resiliency.yaml")["spec"]!;
    private static readonly JsonNode Policies = Spec["policies"]!;

    // resiliency.yaml has no state-store targets; the Bicep stores use these named policies of it.
    private static readonly JsonObject StoreDefault = new() { ["timeout"] = "general", ["retry"] = "serviceRetry" };

    [GeneratedRegex(@"^consecutiveFailures\s*(>=|>)\s*(\d+)$")]
    private static partial Regex Trip();

    [Fact]
    public void Pubsub_outbound_policy_equals_the_yaml_target()
    {
        var target = Spec["targets"]!["components"]![Components.PubSub]!["outbound"]!;
        AssertOutbound(Components.PubSub, target);
    }

    [Fact]
    public void Every_state_store_has_an_outbound_policy_from_the_named_yaml_policies()
    {
        var stores = bicep.Snapshot.DaprComponents.Where(c => ((string)c["properties"]!["componentType"]!).StartsWith("state.", StringComparison.Ordinal));
        foreach (var store in stores.Select(Snapshot.ShortName))
        {
            AssertOutbound(store, Spec["targets"]!["components"]?[store]?["outbound"] ?? StoreDefault);
        }
    }

    [Fact]
    public void App_policies_exist_exactly_for_the_yaml_app_targets_and_carry_their_values()
    {
        var targets = Spec["targets"]!["apps"]!.AsObject();
        var appPolicies = bicep.Snapshot.OfType("Microsoft.App/containerApps/resiliencyPolicies").ToList();
        appPolicies.Select(p => ((string)p["name"]!).Split('/')[0]).Should().BeEquivalentTo(targets.Select(t => t.Key));

        foreach (var (appId, target) in targets)
        {
            var policy = appPolicies.Single(p => ((string)p["name"]!).StartsWith(appId + "/", StringComparison.Ordinal))["properties"]!;
            Seconds(policy["timeoutPolicy"]!["responseTimeoutInSeconds"]).Should().Be(Duration(Policies["timeouts"]![(string)target!["timeout"]!]));
            AssertRetry(policy["httpRetryPolicy"]!, Policies["retries"]![(string)target["retry"]!]!, appId);
            AssertBreaker(policy["circuitBreakerPolicy"], target["circuitBreaker"] is { } cb ? Policies["circuitBreakers"]![(string)cb!]! : null, appId);
        }

        AppIds.All.Should().Contain(targets.Select(t => t.Key));
    }

    private void AssertOutbound(string component, JsonNode target)
    {
        var policy = bicep.Snapshot.OfType("Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies")
            .Single(p => ((string)p["name"]!).Split('/')[1] == component)["properties"]!["outboundPolicy"]!;
        if (target["timeout"] is { } timeout)
        {
            Seconds(policy["timeoutPolicy"]!["responseTimeoutInSeconds"]).Should().Be(Duration(Policies["timeouts"]![(string)timeout!]), component);
        }
        else
        {
            policy["timeoutPolicy"].Should().BeNull(component);
        }

        AssertRetry(policy["httpRetryPolicy"]!, Policies["retries"]![(string)target["retry"]!]!, component);
    }

    private static void AssertRetry(JsonNode actual, JsonNode retry, string because)
    {
        actual["maxRetries"]!.GetValue<int>().Should().Be(retry["maxRetries"]!.GetValue<int>(), because);
        var initial = TimeSpan.FromMilliseconds(actual["retryBackOff"]!["initialDelayInMilliseconds"]!.GetValue<int>());
        var max = TimeSpan.FromMilliseconds(actual["retryBackOff"]!["maxIntervalInMilliseconds"]!.GetValue<int>());
        if ((string)retry["policy"]! == "constant")
        {
            initial.Should().Be(Duration(retry["duration"]), because);
            max.Should().Be(initial, $"{because}: a constant retry never grows");
        }
        else
        {
            initial.Should().Be(retry["initialInterval"] is { } i ? Duration(i) : DaprDuration.DefaultInitialInterval, because);
            max.Should().Be(Duration(retry["maxInterval"]), because);
        }
    }

    private static void AssertBreaker(JsonNode? actual, JsonNode? breaker, string because)
    {
        if (breaker is null)
        {
            actual.Should().BeNull(because);
            return;
        }

        var trip = Trip().Match((string)breaker["trip"]!);
        trip.Success.Should().BeTrue($"trip '{breaker["trip"]}' maps to ACA's consecutiveErrors");
        var threshold = int.Parse(trip.Groups[2].Value, CultureInfo.InvariantCulture) + (trip.Groups[1].Value == ">" ? 1 : 0);
        actual!["consecutiveErrors"]!.GetValue<int>().Should().Be(threshold, because);
        Seconds(actual["intervalInSeconds"]).Should().Be(Duration(breaker["interval"]), because);
    }

    private static TimeSpan Duration(JsonNode? node) => DaprDuration.Parse((string)node!);

    private static TimeSpan Seconds(JsonNode? node) => TimeSpan.FromSeconds(node!.GetValue<int>());
}
