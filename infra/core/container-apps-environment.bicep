// Container Apps environment (consumption workload profile). Dapr sends its traces to Application Insights;
// console and system logs go to Log Analytics through a diagnostic setting (no workspace key needed).
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Container Apps environment.')
param name string

@description('Resource id of the Log Analytics workspace.')
param logAnalyticsId string

@description('Name of the Application Insights component that receives Dapr telemetry.')
param applicationInsightsName string

@description('Subnet delegated to Microsoft.App/environments (private-network mode); empty: no VNet.')
param infrastructureSubnetId string = ''

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource environment 'Microsoft.App/managedEnvironments@2026-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: { destination: 'azure-monitor' }
    daprAIConnectionString: applicationInsights.properties.ConnectionString
    workloadProfiles: [
      { name: 'Consumption', workloadProfileType: 'Consumption' }
    ]
    zoneRedundant: false
    // External environment in the VNet: order-service keeps its public ingress; the services reach PostgreSQL,
    // Service Bus, Key Vault and the registry through private endpoints.
    vnetConfiguration: empty(infrastructureSubnetId) ? null : { infrastructureSubnetId: infrastructureSubnetId, internal: false }
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-log-analytics'
  scope: environment
  properties: {
    workspaceId: logAnalyticsId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output name string = environment.name
output id string = environment.id
output defaultDomain string = environment.properties.defaultDomain
