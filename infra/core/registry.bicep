// Container registry for the five service images. azd builds them remotely (ACR Tasks); apps pull with AcrPull.
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Globally unique registry name (alphanumeric).')
param name string

@description('Private-network mode: public network access off (reached through a private endpoint only).')
param privateNetwork bool = false

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: name
  location: location
  tags: tags
  // Private endpoints need the Premium tier.
  sku: { name: privateNetwork ? 'Premium' : 'Basic' }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: privateNetwork ? 'Disabled' : 'Enabled'
    networkRuleBypassOptions: 'AzureServices'
  }
}

output name string = registry.name
output id string = registry.id
output loginServer string = registry.properties.loginServer
