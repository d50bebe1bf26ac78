// Least-privilege data-plane roles for one managed identity, each scoped to the narrowest resource Bicep allows.
@description('Name of the user-assigned identity that receives the roles.')
param identityName string

@description('Registry to grant AcrPull on (empty: none).')
param registryName string = ''

@description('Service Bus namespace name.')
param serviceBusName string = ''

@description('Topics this identity publishes to (Azure Service Bus Data Sender on each topic).')
param sendTopics string[] = []

@description('Subscriptions this identity receives from, as topic/subscription (Data Receiver on each subscription).')
param receiveSubscriptions string[] = []

@description('Subscriptions whose runtime properties the KEDA scaler reads, as topic/subscription (Data Owner on each subscription: the management read needs the Manage claim).')
param scalerSubscriptions string[] = []

@description('Key Vault whose secret this identity reads (empty: none).')
param keyVaultName string = ''

@description('The one secret of keyVaultName it may read (Key Vault Secrets User on that secret, not the vault).')
param keyVaultSecretName string = ''

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

var principalId = identity.properties.principalId
var roles = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  serviceBusDataOwner: '090c5cfd-751d-490a-894a-3ce6f1109419'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' existing = if (!empty(registryName)) {
  name: registryName
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryName)) {
  name: guid(resourceGroup().id, registryName, identityName, roles.acrPull)
  scope: registry
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
  }
}

resource topics 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' existing = [for t in sendTopics: {
  name: '${serviceBusName}/${t}'
}]

resource send 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (t, i) in sendTopics: {
  name: guid(resourceGroup().id, serviceBusName, t, identityName, roles.serviceBusDataSender)
  scope: topics[i]
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
  }
}]

module receive 'subscription-role.bicep' = [for s in receiveSubscriptions: {
  name: 'recv-${uniqueString(identityName, s)}'
  params: { serviceBusName: serviceBusName, subscriptionPath: s, identityName: identityName, roleId: roles.serviceBusDataReceiver }
}]

module scaler 'subscription-role.bicep' = [for s in scalerSubscriptions: {
  name: 'scale-${uniqueString(identityName, s)}'
  params: { serviceBusName: serviceBusName, subscriptionPath: s, identityName: identityName, roleId: roles.serviceBusDataOwner }
}]

resource vaultSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' existing = if (!empty(keyVaultName)) {
  name: '${keyVaultName}/${keyVaultSecretName}'
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(keyVaultName)) {
  name: guid(resourceGroup().id, keyVaultName, keyVaultSecretName, identityName, roles.keyVaultSecretsUser)
  scope: vaultSecret
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}
