// Key Vault behind the `secret-store` Dapr component. RBAC only (no access policies); secrets are set by people.
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Globally unique vault name.')
param name string

@description('Object id of a person who may set secrets (Key Vault Secrets Officer). Empty: none.')
param vaultOfficerPrincipalId string = ''

@allowed(['User', 'ServicePrincipal'])
@description('Type of vaultOfficerPrincipalId (azd: AZURE_PRINCIPAL_TYPE).')
param vaultOfficerPrincipalType string = 'User'

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
    publicNetworkAccess: 'Enabled'
  }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultOfficerPrincipalId)) {
  name: guid(vault.id, vaultOfficerPrincipalId, officerRole)
  scope: vault
  properties: {
    principalId: vaultOfficerPrincipalId
    principalType: vaultOfficerPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', officerRole)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
