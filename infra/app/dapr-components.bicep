// The Dapr components of the environment: no keys anywhere; each authenticates with the managed identity named
// by azureClientId, which is attached to every app in its scopes.
import { timeouts, pubsubRetry, serviceRetry } from 'resiliency-values.bicep'

@description('Name of the Container Apps environment.')
param environmentName string

@description('PostgreSQL server host name.')
param postgresHost string

@description('State stores: component name, scoped app-ids, database, table, Entra principal (identity) name and client id.')
param stateStores {
  name: string
  scopes: string[]
  database: string
  tableName: string
  principalName: string
  clientId: string
  actorStateStore: bool
}[]

@description('The pub/sub component: name, scoped app-ids, Service Bus namespace host name and identity client id.')
param pubSub { name: string, scopes: string[], namespaceEndpoint: string, clientId: string }

@description('The secret store: name, scoped app-ids, Key Vault name and identity client id.')
param vaultComponent { name: string, scopes: string[], vaultName: string, clientId: string }

resource environment 'Microsoft.App/managedEnvironments@2026-07-01' existing = {
  name: environmentName
}

resource stores 'Microsoft.App/managedEnvironments/daprComponents@2026-07-01' = [for s in stateStores: {
  parent: environment
  name: s.name
  properties: {
    componentType: 'state.postgresql'
    version: 'v1' // v1: the state query API (v2 has none) and actor state
    initTimeout: '30s'
    metadata: concat([
      { name: 'connectionString', value: 'host=${postgresHost} user=${s.principalName} port=5432 database=${s.database} sslmode=require' }
      { name: 'useAzureAD', value: 'true' }
      { name: 'azureClientId', value: s.clientId }
      { name: 'tableName', value: s.tableName }
      { name: 'metadataTableName', value: '${s.tableName}_metadata' }
    ], s.actorStateStore ? [{ name: 'actorStateStore', value: 'true' }] : [])
    scopes: s.scopes
  }
}]

resource pubsub 'Microsoft.App/managedEnvironments/daprComponents@2026-07-01' = {
  parent: environment
  name: pubSub.name
  properties: {
    componentType: 'pubsub.azure.servicebus.topics'
    version: 'v1'
    metadata: [
      { name: 'namespaceName', value: pubSub.namespaceEndpoint }
      { name: 'azureClientId', value: pubSub.clientId }
      // Data-plane roles only: topics and subscriptions (named after the app-id, Dapr's default consumerID) come from Bicep.
      { name: 'disableEntityManagement', value: 'true' }
    ]
    scopes: pubSub.scopes
  }
}

resource secrets 'Microsoft.App/managedEnvironments/daprComponents@2026-07-01' = {
  parent: environment
  name: vaultComponent.name
  properties: {
    componentType: 'secretstores.azure.keyvault'
    version: 'v1'
    metadata: [
      { name: 'vaultName', value: vaultComponent.vaultName }
      { name: 'azureClientId', value: vaultComponent.clientId }
    ]
    scopes: vaultComponent.scopes
  }
}

// resiliency.yaml: components.order-pubsub.outbound.retry = pubsubRetry.
resource pubsubResiliency 'Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies@2026-07-01' = {
  parent: pubsub
  name: 'outbound'
  properties: {
    outboundPolicy: { httpRetryPolicy: pubsubRetry }
  }
}

// State calls: the `general` timeout and `serviceRetry` of resiliency.yaml (Dapr never retries ETag conflicts).
resource storeResiliency 'Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies@2026-07-01' = [for (s, i) in stateStores: {
  parent: stores[i]
  name: 'outbound'
  properties: {
    outboundPolicy: {
      timeoutPolicy: { responseTimeoutInSeconds: timeouts.general }
      httpRetryPolicy: serviceRetry
    }
  }
}]
