// What operators look at and are told about in Azure: an Azure Monitor workbook over the OrderPlatform meter's metrics
// (services → Azure Monitor exporter → Application Insights → Log Analytics table AppMetrics: Name, Sum, ItemCount,
// Max, Properties = the metric's tags), alert rules and the action group that e-mails them. Metric names and tags are
// apps/OrderPlatform.Contracts/MetricNames.cs (Infra.Tests checks every name used here against it).
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Resource id of the Log Analytics workspace behind Application Insights (AppMetrics, AppTraces).')
param logAnalyticsId string

@description('App-ids (= container app names) watched for restart loops.')
param appIds array

@description('E-mail address the action group notifies; empty: the action group has no receiver.')
param alertEmail string = ''

@description('Minutes after its workflow started that an order (not waiting for approval) should have ended.')
param orderTerminalMinutes int = 30

@description('Percentage of ended orders that failed, over 15 minutes, above which an alert fires.')
param failedOrderPercent int = 20

@description('Replica restarts of one container app within 15 minutes above which an alert fires.')
param restartThreshold int = 3

var metric = {
  created: 'orderplatform.orders.created'
  ended: 'orderplatform.orders.ended'
  onHold: 'orderplatform.orders.on_hold'
  stepDuration: 'orderplatform.order.step.duration'
  deadLettered: 'orderplatform.notifications.dead_lettered'
  circuitOpened: 'orderplatform.invocation.circuit_opened'
}

var queries = {
  ordersByStatus: 'AppMetrics\n| where Name in (\'${metric.created}\', \'${metric.ended}\', \'${metric.onHold}\')\n| extend status = case(Name == \'${metric.created}\', \'started\', Name == \'${metric.onHold}\', \'put on hold\', tostring(Properties[\'status\']))\n| summarize orders = sum(Sum) by status, bin(TimeGenerated, 15m)\n| render timechart'
  stepLatency: 'AppMetrics\n| where Name == \'${metric.stepDuration}\'\n| extend step = tostring(Properties[\'step\'])\n| summarize averageSeconds = sum(Sum) / sum(ItemCount) by step, bin(TimeGenerated, 15m)\n| render timechart'
  failedByReason: 'AppMetrics\n| where Name == \'${metric.ended}\' and tostring(Properties[\'status\']) == \'failed\'\n| summarize failed = sum(Sum) by reason = tostring(Properties[\'reason\'])\n| render barchart'
  onHold: 'AppMetrics\n| where Name == \'${metric.onHold}\'\n| summarize putOnHold = sum(Sum) by bin(TimeGenerated, 15m)\n| render timechart'
  deadLetters: 'AppMetrics\n| where Name == \'${metric.deadLettered}\'\n| summarize deadLetters = sum(Sum) by bin(TimeGenerated, 15m)\n| render timechart'
  circuitTrips: 'AppMetrics\n| where Name == \'${metric.circuitOpened}\'\n| summarize trips = sum(Sum) by target = tostring(Properties[\'target\']), bin(TimeGenerated, 15m)\n| render timechart'
}

var panels = [
  { name: 'orders-by-status', title: 'Orders by status (started, ended by status, put on hold)', query: queries.ordersByStatus, visualization: 'timechart' }
  { name: 'step-latency', title: 'Step latency (average seconds per downstream call)', query: queries.stepLatency, visualization: 'timechart' }
  { name: 'failed-by-reason', title: 'Failed orders by reason', query: queries.failedByReason, visualization: 'barchart' }
  { name: 'on-hold', title: 'Orders put on hold (GET /api/orders/attention lists them)', query: queries.onHold, visualization: 'timechart' }
  { name: 'dead-letters', title: 'Dead letters (GET /api/notifications/deadletters on notification-service lists them)', query: queries.deadLetters, visualization: 'timechart' }
  { name: 'circuit-breaker-trips', title: 'Circuit-breaker trips by callee', query: queries.circuitTrips, visualization: 'timechart' }
]

var workbook = {
  version: 'Notebook/1.0'
  items: concat([
    {
      type: 1
      name: 'about'
      content: { json: '## OrderPlatform operations\nFrom the services\' OrderPlatform meter, exported to Application Insights (Log Analytics table `AppMetrics`). One order\'s trace: search the transaction for the attribute `order.id`.' }
    }
  ], map(panels, p => {
    type: 3
    name: p.name
    content: {
      version: 'KqlItem/1.0'
      title: p.title
      query: p.query
      size: 0
      queryType: 0
      resourceType: 'microsoft.operationalinsights/workspaces'
      visualization: p.visualization
      timeContext: { durationMs: 86400000 }
    }
  }))
  isLocked: false
}

resource operationsWorkbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'orderplatform-operations')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'OrderPlatform operations'
    category: 'workbook'
    sourceId: logAnalyticsId
    serializedData: string(workbook)
    version: '1.0'
  }
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-orderplatform-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'orderops'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [{ name: 'operators', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

// Orders whose workflow started (no approval needed) N minutes ago or more and never logged its end: the workflow's
// replay-safe logs "Order {OrderId} workflow started ..." and "Order {OrderId} ended {Status} ..." (OrderWorkflow.cs).
var notTerminalQuery = 'let startedBefore = ago(${orderTerminalMinutes}m);\nlet ended = AppTraces\n| where Message has \' ended \' and isnotempty(tostring(Properties[\'Status\']))\n| distinct orderId = tostring(Properties[\'OrderId\']);\nAppTraces\n| where TimeGenerated < startedBefore\n| where Message has \'workflow started\' and tostring(Properties[\'Approval\']) == \'not required\'\n| distinct orderId = tostring(Properties[\'OrderId\'])\n| join kind=leftanti ended on orderId'

var logAlerts = [
  {
    name: 'failed-order-rate'
    description: 'More than ${failedOrderPercent}% of the orders that ended in 15 minutes failed (at least 5 ended).'
    severity: 2
    windowSize: 'PT15M'
    evaluationFrequency: 'PT5M'
    query: 'AppMetrics\n| where Name == \'${metric.ended}\'\n| summarize ended = sum(Sum), failed = sumif(Sum, tostring(Properties[\'status\']) == \'failed\')\n| where ended >= 5\n| extend failedPercent = 100.0 * failed / ended'
    measure: 'failedPercent'
    threshold: failedOrderPercent
  }
  {
    name: 'orders-not-terminal'
    description: 'An order whose workflow started more than ${orderTerminalMinutes} minutes ago (without approval) has not ended: held, stuck or lost.'
    severity: 2
    windowSize: 'PT6H'
    evaluationFrequency: 'PT15M'
    query: notTerminalQuery
    measure: ''
    threshold: 0
  }
  {
    name: 'dead-letter'
    description: 'notification-service received an event on the dead-letter topic.'
    severity: 1
    windowSize: 'PT5M'
    evaluationFrequency: 'PT5M'
    query: 'AppMetrics\n| where Name == \'${metric.deadLettered}\'\n| summarize deadLetters = sum(Sum)'
    measure: 'deadLetters'
    threshold: 0
  }
]

resource queryAlerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for alert in logAlerts: {
  name: 'alert-${alert.name}'
  location: location
  tags: tags
  properties: {
    displayName: 'OrderPlatform: ${alert.name}'
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [logAnalyticsId]
    windowSize: alert.windowSize
    evaluationFrequency: alert.evaluationFrequency
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: empty(alert.measure) ? 'Count' : 'Maximum'
          metricMeasureColumn: empty(alert.measure) ? null : alert.measure
          operator: 'GreaterThan'
          threshold: alert.threshold
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [operators.id] }
  }
}]

resource containerApps 'Microsoft.App/containerApps@2026-07-01' existing = [for appId in appIds: {
  name: appId
}]

// A service restarting in a loop: its replicas' restarts (Microsoft.App/containerApps metric RestartCount).
resource restartAlerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [for (appId, i) in appIds: {
  name: 'alert-restart-loop-${appId}'
  location: 'global'
  tags: tags
  properties: {
    description: '${appId} restarted more than ${restartThreshold} times in 15 minutes.'
    severity: 1
    enabled: true
    scopes: [containerApps[i].id]
    windowSize: 'PT15M'
    evaluationFrequency: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'restarts'
          metricNamespace: 'Microsoft.App/containerApps'
          metricName: 'RestartCount'
          operator: 'GreaterThan'
          threshold: restartThreshold
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [{ actionGroupId: operators.id }]
  }
}]

output workbookId string = operationsWorkbook.id
output actionGroupId string = operators.id
