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

    [GeneratedRegex(@"^consecutiveFailures\s*(>=|>)\s*(\d+)$")]
    private static partial Regex Trip();

    [Fact]
    public void Pubsub_outbound_policy_equals_the_yaml_target()
    {
        var target = Spec["targets"]!["components"]![Components.PubSub]!["outbound"]!;
        AssertPolicy(Components.PubSub, "outbound", target);
    }

    // Without an inbound policy daprd sends a message whose handler failed once straight to the dead-letter topic
    // (dapr/dapr pkg/runtime/subscription/subscription.go, ComponentInboundPolicy in pkg/resiliency/resiliency.go).
    [Fact]
    public void Pubsub_inbound_policy_retries_and_Azure_applies_the_yaml_target()
    {
        var target = Spec["targets"]!["components"]![Components.PubSub]!["inbound"];
        target.Should().NotBeNull($"components/resiliency.yaml needs targets.components.{Components.PubSub}.inbound");
        Policies["retries"]![(string)target!["retry"]!]!["maxRetries"]!.GetValue<int>().Should().BePositive();
        AssertPolicy(Components.PubSub, "inbound", target);
    }

    [Fact]
    public void Every_yaml_component_target_direction_is_an_Azure_policy_direction_and_back()
    {
        foreach (var (component, target) in Spec["targets"]!["components"]!.AsObject())
        {
            var properties = ComponentPolicy(component)["properties"]!.AsObject();
            properties.Select(p => p.Key).Should().BeEquivalentTo(
                target!.AsObject().Select(d => d.Key + "Policy"), $"{component}: inbound and outbound as in resiliency.yaml");
        }
    }

    [Fact]
    public void Every_state_store_has_its_own_yaml_target_and_Azure_applies_exactly_that()
    {
        // ACA gives a state store without a policy a default one; daprd gives it none. Only an explicit target in
        // resiliency.yaml, applied on both sides, makes a local run retry state calls the way Azure does.
        var stores = bicep.Snapshot.DaprComponents.Where(c => ((string)c["properties"]!["componentType"]!).StartsWith("state.", StringComparison.Ordinal))
            .Select(Snapshot.ShortName).ToList();
        stores.Should().NotBeEmpty();
        foreach (var store in stores)
        {
            var target = Spec["targets"]!["components"]![store]?["outbound"];
            target.Should().NotBeNull($"components/resiliency.yaml needs targets.components.{store}.outbound");
            AssertPolicy(store, "outbound", target!);
        }
    }

    [Fact]
    public void Every_yaml_component_target_is_an_Azure_component_policy_and_back()
    {
        var policies = bicep.Snapshot.OfType("Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies")
            .Select(p => ((string)p["name"]!).Split('/')[1]);
        policies.Should().BeEquivalentTo(Spec["targets"]!["components"]!.AsObject().Select(c => c.Key));
    }

    [Fact]
    public void Bicep_loads_the_values_from_resiliency_yaml_instead_of_a_copy()
    {
        // loadYamlContent() is compiled into the template as a variable holding the file's content.
        var variables = bicep.CompiledTemplate("app/resiliency-values.bicep")["variables"]!.AsObject();
        var loaded = variables.Where(v => v.Key.StartsWith("$fxv#", StringComparison.Ordinal)).Select(v => v.Value).Should().ContainSingle().Subject;
        JsonNode.DeepEquals(loaded, Yaml.Load("components", "resiliency.yaml")).Should().BeTrue(loaded!.ToJsonString());
        ((string)variables["resiliency"]!).Should().Contain("$fxv#");
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

    [Theory]
    [MemberData(nameof(AppIdsData))]
    public void Every_app_is_told_to_apply_the_yaml_invocation_policies_itself(string appId)
    {
        // ACA's resiliency policies do not apply to Dapr service invocation (MicrosoftDocs/azure-docs
        // articles/container-apps/service-discovery-resiliency.md), so the caller applies targets.apps of resiliency.yaml.
        var env = bicep.Snapshot.ContainerApp(appId)["properties"]!["template"]!["containers"]![0]!["env"]!.AsArray()
            .ToDictionary(e => (string)e!["name"]!, e => (string?)e!["value"]);
        env["InvocationResiliency__Mode"].Should().Be("app");
        var spec = JsonNode.Parse(env["InvocationResiliency__Spec"]!)!;
        JsonNode.DeepEquals(spec["policies"], Policies).Should().BeTrue(spec.ToJsonString());
        JsonNode.DeepEquals(spec["targets"]!["apps"], Spec["targets"]!["apps"]).Should().BeTrue(spec.ToJsonString());
    }

    public static TheoryData<string> AppIdsData => new(AppIds.All);

    private JsonObject ComponentPolicy(string component) =>
        bicep.Snapshot.OfType("Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies")
            .Single(p => ((string)p["name"]!).Split('/')[1] == component);

    /// <param name="direction">"inbound" or "outbound", as in resiliency.yaml; ACA's property is "{direction}Policy".</param>
    private void AssertPolicy(string component, string direction, JsonNode target)
    {
        var policy = ComponentPolicy(component)["properties"]![direction + "Policy"]!;
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
            initial.Should().Be(retry["initialInterval"] is { } i ? Duration(i) : DefaultInitialInterval, because);
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

    /// <summary>Dapr's exponential retry starts at 500ms when <c>initialInterval</c> is not set.</summary>
    private static readonly TimeSpan DefaultInitialInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The platform's parser of Dapr's Go-style durations ("500ms", "5s", "1m").</summary>
    private static TimeSpan Duration(JsonNode? node) => OrderPlatform.DaprFiles.DaprDuration.Parse((string)node!);

    private static TimeSpan Seconds(JsonNode? node) => TimeSpan.FromSeconds(node!.GetValue<int>());
}
