// The Dapr components of the environment: no keys anywhere; each authenticates with the managed identity named
// by azureClientId, which is attached to every app in its scopes.
import { componentPolicies } from 'resiliency-values.bicep'

@description('Name of the Container Apps environment.')
param environmentName string

@description('PostgreSQL server host name.')
param postgresHost string

@description('State stores: component name, scoped app-ids, database, table and the identity (= Entra principal) name.')
param stateStores {
  name: string
  scopes: string[]
  database: string
  tableName: string
  identityName: string
  actorStateStore: bool
}[]

@description('The pub/sub component: name, scoped app-ids, Service Bus namespace host name and identity client id.')
param pubSub { name: string, scopes: string[], namespaceEndpoint: string, identityName: string }

@description('The secret store: name, scoped app-ids, Key Vault name and identity client id.')
param vaultComponent { name: string, scopes: string[], vaultName: string, identityName: string }

resource environment 'Microsoft.App/managedEnvironments@2026-07-01' existing = {
  name: environmentName
}

resource storeIdentities 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = [for s in stateStores: {
  name: s.identityName
}]

resource pubSubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: pubSub.identityName
}

resource vaultIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: vaultComponent.identityName
}

resource stores 'Microsoft.App/managedEnvironments/daprComponents@2026-07-01' = [for (s, i) in stateStores: {
  parent: environment
  name: s.name
  properties: {
    componentType: 'state.postgresql'
    version: 'v1' // v1: the state query API (v2 has none) and actor state
    initTimeout: '30s'
    metadata: concat([
      { name: 'connectionString', value: 'host=${postgresHost} user=${s.identityName} port=5432 database=${s.database} sslmode=require' }
      { name: 'useAzureAD', value: 'true' }
      { name: 'azureClientId', value: storeIdentities[i].properties.clientId }
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
      { name: 'azureClientId', value: pubSubIdentity.properties.clientId }
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
      { name: 'azureClientId', value: vaultIdentity.properties.clientId }
    ]
    scopes: vaultComponent.scopes
  }
}

// Every component's policies are its target in components/resiliency.yaml, the same one daprd applies locally;
// a state store without a target there would get ACA's default policy instead of nothing, so every store has one.
// The pub/sub's carries both directions (inbound: retries of a failed delivery before the dead-letter topic); the
// resource keeps its first name so that existing environments update it in place.
resource pubsubResiliency 'Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies@2026-07-01' = {
  parent: pubsub
  name: 'outbound'
  properties: componentPolicies[pubSub.name]
}

resource storeResiliency 'Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies@2026-07-01' = [for (s, i) in stateStores: {
  parent: stores[i]
  name: 'outbound'
  properties: componentPolicies[s.name]
}]

// Input binding that drives order-service's reconciler (daprd POSTs /order-reconcile-cron every minute), the same
// component as components/order-reconcile-cron.yaml; bindings.cron is in ACA's managed Dapr component list.
resource reconcileCron 'Microsoft.App/managedEnvironments/daprComponents@2026-07-01' = {
  parent: environment
  name: 'order-reconcile-cron'
  properties: {
    componentType: 'bindings.cron'
    version: 'v1'
    metadata: [
      { name: 'schedule', value: '@every 1m' }
      { name: 'direction', value: 'input' }
    ]
    scopes: [
      'order-service'
    ]
  }
}
