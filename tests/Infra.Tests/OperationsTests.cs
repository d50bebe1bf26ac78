using System.Reflection;
using System.Text.RegularExpressions;
using OrderPlatform.Contracts;

namespace OrderPlatform.Infra.Tests;

/// <summary>
/// infra/core/operations.bicep in the compiled deployment: the workbook's panels, the alert rules and the action group
/// that e-mails the azd parameter ALERT_EMAIL; every metric name and tag a query reads is one the services record.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed partial class OperationsTests(BicepFixture bicep)
{
    private static readonly string[] MetricNameValues = Constants(n => n.StartsWith("orderplatform.", StringComparison.Ordinal));

    private static readonly string[] TagValues = Constants(n => !n.Contains('.', StringComparison.Ordinal));

    private JsonObject Workbook => bicep.Snapshot.OfType("Microsoft.Insights/workbooks").Should().ContainSingle().Subject;

    private IReadOnlyList<JsonObject> QueryAlerts => [.. bicep.Snapshot.OfType("Microsoft.Insights/scheduledQueryRules")];

    private string ActionGroupId => (string)bicep.Snapshot.OfType("Microsoft.Insights/actionGroups").Should().ContainSingle().Subject["id"]!;

    [Fact]
    public void The_workbook_charts_orders_by_status_step_latency_failures_by_reason_holds_dead_letters_and_breaker_trips()
    {
        ((string)Workbook["properties"]!["sourceId"]!).Should().EndWith("/providers/Microsoft.OperationalInsights/workspaces/" + LogAnalyticsName());
        var queries = WorkbookQueries();

        queries.Keys.Should().BeEquivalentTo("orders-by-status", "step-latency", "failed-by-reason", "on-hold", "dead-letters", "circuit-breaker-trips");
        MetricsIn(queries["orders-by-status"]).Should().BeEquivalentTo(MetricNames.OrdersCreated, MetricNames.OrdersEnded, MetricNames.OrdersOnHold);
        MetricsIn(queries["step-latency"]).Should().Equal(MetricNames.StepDuration);
        queries["failed-by-reason"].Should().Contain($"Properties['{MetricNames.ReasonTag}']");
        MetricsIn(queries["dead-letters"]).Should().Equal(MetricNames.DeadLettered);
        MetricsIn(queries["circuit-breaker-trips"]).Should().Equal(MetricNames.CircuitOpened);
    }

    [Fact]
    public void Every_metric_name_and_tag_a_query_reads_is_one_the_services_record()
    {
        var texts = WorkbookQueries().Values.Concat(QueryAlerts.Select(Query)).ToList();

        texts.SelectMany(MetricsIn).Distinct().Should().OnlyContain(name => MetricNameValues.Contains(name))
            .And.BeEquivalentTo(MetricNameValues, "every business metric has a place in the workbook or an alert");
        texts.Where(t => t.StartsWith("AppMetrics", StringComparison.Ordinal))
            .SelectMany(t => PropertyPattern().Matches(t).Select(m => m.Groups[1].Value))
            .Should().OnlyContain(tag => TagValues.Contains(tag));
    }

    [Fact]
    public void Alerts_cover_failed_order_rate_orders_not_terminal_dead_letters_and_restart_loops_and_notify_the_action_group()
    {
        QueryAlerts.Select(Snapshot.ShortName).Should().BeEquivalentTo("alert-failed-order-rate", "alert-orders-not-terminal", "alert-dead-letter");
        foreach (var alert in QueryAlerts)
        {
            Snapshot.Strings(alert["properties"]!["actions"]!["actionGroups"]).Should().Equal([ActionGroupId], Snapshot.ShortName(alert));
            Snapshot.Strings(alert["properties"]!["scopes"]).Should().ContainSingle().Which.Should().EndWith("/workspaces/" + LogAnalyticsName());
        }

        var restarts = bicep.Snapshot.OfType("Microsoft.Insights/metricAlerts").ToList();
        restarts.Select(a => Snapshot.Strings(a["properties"]!["scopes"]).Single().Split('/')[^1]).Should().BeEquivalentTo(AppIds.All);
        foreach (var alert in restarts)
        {
            var criterion = alert["properties"]!["criteria"]!["allOf"]!.AsArray().Should().ContainSingle().Subject!;
            ((string)criterion["metricName"]!).Should().Be("RestartCount");
            ((string)criterion["metricNamespace"]!).Should().Be("Microsoft.App/containerApps");
            ((string)alert["properties"]!["actions"]![0]!["actionGroupId"]!).Should().Be(ActionGroupId);
        }
    }

    [Fact]
    public void The_action_group_mails_the_azd_parameter_ALERT_EMAIL()
    {
        var receivers = bicep.Snapshot.OfType("Microsoft.Insights/actionGroups").Single()["properties"]!["emailReceivers"]!.AsArray();
        ((string)receivers.Should().ContainSingle().Subject!["emailAddress"]!).Should().Be(BicepFixture.AlertEmail);
        var parameters = JsonNode.Parse(RepoPaths.ReadText("infra", "main.parameters.json"))!["parameters"]!;
        ((string)parameters["alertEmail"]!["value"]!).Should().Be("${ALERT_EMAIL=}");
    }

    [Fact]
    public void The_orders_not_terminal_query_reads_the_workflow_log_lines_it_names()
    {
        // The query joins OrderWorkflow's replay-safe log lines by their message-template properties.
        var workflow = RepoPaths.ReadText("apps", "OrderService", "Workflow", "OrderWorkflow.cs");
        var query = Query(QueryAlerts.Single(a => Snapshot.ShortName(a) == "alert-orders-not-terminal"));

        workflow.Should().Contain("\"Order {OrderId} workflow started: {Total} {Currency}, approval {Approval}\"")
            .And.Contain("\"Order {OrderId} ended {Status}: {Reason}\"").And.Contain("\"not required\"");
        PropertyPattern().Matches(query).Select(m => m.Groups[1].Value).Distinct().Should().BeEquivalentTo("OrderId", "Status", "Approval");
    }

    private Dictionary<string, string> WorkbookQueries() =>
        JsonNode.Parse((string)Workbook["properties"]!["serializedData"]!)!["items"]!.AsArray()
            .Where(i => (int)i!["type"]! == 3)
            .ToDictionary(i => (string)i!["name"]!, i => (string)i!["content"]!["query"]!, StringComparer.Ordinal);

    private static string Query(JsonObject alert) => (string)alert["properties"]!["criteria"]!["allOf"]![0]!["query"]!;

    private string LogAnalyticsName() => Snapshot.ShortName(bicep.Snapshot.OfType("Microsoft.OperationalInsights/workspaces").Single());

    private static string[] MetricsIn(string query) => [.. MetricPattern().Matches(query).Select(m => m.Value).Distinct()];

    private static string[] Constants(Func<string, bool> which) =>
        [.. typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!).Where(which)];

    [GeneratedRegex(@"orderplatform\.[a-z_.]*[a-z]")]
    private static partial Regex MetricPattern();

    [GeneratedRegex(@"Properties\['([^']+)'\]")]
    private static partial Regex PropertyPattern();
}
