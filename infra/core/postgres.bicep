// Azure Database for PostgreSQL Flexible Server: the Dapr state engine (state.postgresql v1 supports the query
// API and actor/workflow state). Microsoft Entra authentication only. The deployer is the only Entra administrator;
// azd's postprovision hook (infra/hooks/postprovision.sh) gives each app identity a role on its own database only.
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Globally unique server name.')
param name string

@description('Databases to create (one per owning service).')
param databases string[]

@description('The only Entra administrator: the deployer (azd\'s principal). Its role name is `name`; empty objectId: none.')
param administrator { objectId: string, type: ('User' | 'ServicePrincipal'), name: string }

@description('Compute SKU (Burstable B1ms by default).')
param skuName string = 'Standard_B1ms'

@description('PostgreSQL major version.')
param version string = '16'

@description('Private-network mode: public network access off (reached through a private endpoint only).')
param privateNetwork bool = false

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: skuName, tier: 'Burstable' }
  properties: {
    version: version
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    network: { publicNetworkAccess: privateNetwork ? 'Disabled' : 'Enabled' }
  }
}

// Default (public) mode: Consumption Container Apps have no fixed outbound IPs, so the server admits every address
// inside Azure (0.0.0.0 is Azure's "Azure services" marker), including other tenants' resources; Entra
// authentication and the per-database roles still apply. The private-network mode drops this rule.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = if (!privateNetwork) {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = [for db in databases: {
  parent: server
  name: db
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}]

resource admin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2025-08-01' = if (!empty(administrator.objectId)) {
  parent: server
  name: administrator.objectId
  dependsOn: [allowAzure, database]
  properties: {
    principalName: administrator.name
    principalType: administrator.type
    tenantId: tenant().tenantId
  }
}

output name string = server.name
output id string = server.id
output host string = server.properties.fullyQualifiedDomainName
