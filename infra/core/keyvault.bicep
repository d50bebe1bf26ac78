// Key Vault behind the `secret-store` Dapr component: RBAC only (no access policies), purge protection on, one secret.
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Globally unique vault name.')
param name string

@description('Name of the one secret the apps read (payment-gateway-key).')
param secretName string

@secure()
@description('Value to write to the secret; empty leaves the vault\'s current value alone (every provision after the first).')
param initialSecretValue string = ''

@description('Object id of the deployer, who may replace the secret (Key Vault Secrets Officer on that secret only). Empty: none.')
param vaultOfficerPrincipalId string = ''

@allowed(['User', 'ServicePrincipal'])
@description('Type of vaultOfficerPrincipalId (azd: AZURE_PRINCIPAL_TYPE).')
param vaultOfficerPrincipalType string = 'User'

@description('Private-network mode: public network access off (reached through a private endpoint only).')
param privateNetwork bool = false

var officerRole = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // Irreversible: a deleted vault (and its name) stays recoverable for the 7 days; azd down cannot purge it.
    enablePurgeProtection: true
    publicNetworkAccess: privateNetwork ? 'Disabled' : 'Enabled'
    networkAcls: { defaultAction: privateNetwork ? 'Deny' : 'Allow', bypass: 'AzureServices' }
  }
}

resource newSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(initialSecretValue)) {
  parent: vault
  name: secretName
  properties: { value: initialSecretValue }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' existing = {
  parent: vault
  name: secretName
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultOfficerPrincipalId)) {
  name: guid(vault.id, secretName, vaultOfficerPrincipalId, officerRole)
  scope: secret
  dependsOn: [newSecret]
  properties: {
    principalId: vaultOfficerPrincipalId
    principalType: vaultOfficerPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', officerRole)
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
