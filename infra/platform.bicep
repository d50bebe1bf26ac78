import { identityName, componentIdentityName } from 'naming.bicep'

// The shared, app-agnostic resources (resource group scope): monitoring, registry, identities, Service Bus,
// PostgreSQL, Key Vault and the Container Apps environment.
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Unique token that makes global resource names unique.')
param token string

@description('Object id of the person running azd (may set Key Vault secrets). Empty: none.')
param principalId string

@description('Type of principalId: User or ServicePrincipal.')
param principalType string

@description('Name of the Key Vault secret the secret store serves.')
param gatewayKeyName string

@secure()
@description('Value to write to that secret (empty: leave the vault\'s value alone).')
param gatewayKeyValue string

@description('App-ids: one user-assigned identity each (its name is also the app\'s PostgreSQL role).')
param appIds string[]

@description('PostgreSQL databases to create.')
param databases string[]

@description('Name of the Dapr pub/sub component (its shared identity is named after it).')
param pubSubName string

@description('Service Bus topics with their subscriber app-ids.')
param topics { name: string, subscribers: string[] }[]

@description('Private-network mode: VNet-integrated environment, private endpoints, public access off on PostgreSQL, Service Bus, Key Vault and the registry.')
param privateNetwork bool = false

// The private endpoints and their DNS zones (Azure public cloud zone names: environment() has no privatelink suffixes).
var privateLinks = [
  { name: 'postgres', groupId: 'postgresqlServer', zone: 'privatelink.postgres.database.azure.com' }
  { name: 'servicebus', groupId: 'namespace', zone: 'privatelink.servicebus.windows.net' }
  { name: 'keyvault', groupId: 'vault', zone: 'privatelink.vaultcore.azure.net' }
  { name: 'registry', groupId: 'registry', zone: 'privatelink.azurecr.io' }
]

// The deployer's role name on PostgreSQL (Entra administrators may have any role name; the token decides who it is).
var postgresAdminName = empty(principalId) ? '' : 'azd-admin-${uniqueString(principalId)}'

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  params: { location: location, tags: tags, logAnalyticsName: 'log-${token}', applicationInsightsName: 'appi-${token}' }
}

module registry 'core/registry.bicep' = {
  name: 'registry'
  params: { location: location, tags: tags, name: 'cr${token}', privateNetwork: privateNetwork }
}

module identities 'core/identity.bicep' = [for appId in appIds: {
  name: identityName(appId)
  params: { location: location, tags: tags, name: identityName(appId) }
}]

// Dapr components carry one azureClientId each; order-pubsub is scoped to two apps, so they share this identity.
module pubSubIdentity 'core/identity.bicep' = {
  name: componentIdentityName(pubSubName)
  params: { location: location, tags: tags, name: componentIdentityName(pubSubName) }
}

module serviceBus 'core/servicebus.bicep' = {
  name: 'servicebus'
  params: { location: location, tags: tags, name: 'sb-${token}', topics: topics, privateNetwork: privateNetwork }
}

module postgres 'core/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    tags: tags
    name: 'psql-${token}'
    databases: databases
    privateNetwork: privateNetwork
    administrator: { objectId: principalId, type: principalType, name: postgresAdminName }
  }
}

module keyVault 'core/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    name: 'kv-${token}'
    vaultOfficerPrincipalId: principalId
    vaultOfficerPrincipalType: principalType
    secretName: gatewayKeyName
    initialSecretValue: gatewayKeyValue
    privateNetwork: privateNetwork
  }
}

module environment 'core/container-apps-environment.bicep' = {
  name: 'container-apps-environment'
  params: {
    location: location
    tags: tags
    name: 'cae-${token}'
    logAnalyticsId: monitoring.outputs.logAnalyticsId
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    infrastructureSubnetId: privateNetwork ? network!.outputs.containerAppsSubnetId : ''
  }
}

module network 'core/network.bicep' = if (privateNetwork) {
  name: 'network'
  params: { location: location, tags: tags, name: 'vnet-${token}', dnsZones: map(privateLinks, l => l.zone) }
}

module privateEndpoints 'core/private-endpoint.bicep' = [for (link, i) in privateLinks: if (privateNetwork) {
  name: 'pe-${link.name}'
  params: {
    location: location
    tags: tags
    name: 'pe-${link.name}-${token}'
    subnetId: network!.outputs.privateEndpointsSubnetId
    serviceId: [postgres.outputs.id, serviceBus.outputs.id, keyVault.outputs.id, registry.outputs.id][i]
    groupId: link.groupId
    dnsZoneId: network!.outputs.dnsZoneIds[i]
  }
}]

output platform object = {
  environmentId: environment.outputs.id
  environmentName: environment.outputs.name
  registryName: registry.outputs.name
  registryServer: registry.outputs.loginServer
  serviceBusName: serviceBus.outputs.name
  serviceBusEndpoint: serviceBus.outputs.endpoint
  postgresHost: postgres.outputs.host
  postgresName: postgres.outputs.name
  postgresAdmin: postgresAdminName
  keyVaultName: keyVault.outputs.name
  applicationInsightsName: monitoring.outputs.applicationInsightsName
  logAnalyticsId: monitoring.outputs.logAnalyticsId
}

@description('Per app-id: its PostgreSQL role (the identity name) and the identity\'s object id.')
output appPrincipals array = [for (appId, i) in appIds: { role: identityName(appId), oid: identities[i].outputs.principalId }]
