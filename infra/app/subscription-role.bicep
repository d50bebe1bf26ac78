// One Service Bus data-plane role on one topic subscription.
@description('Service Bus namespace name.')
param serviceBusName string

@description('The subscription as topic/subscription.')
param subscriptionPath string

@description('Name of the user-assigned identity that receives the role.')
param identityName string

@description('Role definition id (a GUID).')
param roleId string

resource subscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' existing = {
  name: '${serviceBusName}/${subscriptionPath}'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource role 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription.id, identityName, roleId)
  scope: subscription
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
  }
}
