// One Service Bus data-plane role on one topic subscription.
@description('Service Bus namespace name.')
param serviceBusName string

@description('The subscription as topic/subscription.')
param subscriptionPath string

@description('Principal (object) id of the managed identity.')
param principalId string

@description('Role definition id (a GUID).')
param roleId string

resource subscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' existing = {
  name: '${serviceBusName}/${subscriptionPath}'
}

resource role 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription.id, principalId, roleId)
  scope: subscription
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
  }
}
