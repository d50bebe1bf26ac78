// Service Bus for the `order-pubsub` Dapr component. Local (SAS) auth is off, so Dapr cannot manage entities:
// the topics and one subscription per subscriber app-id (Dapr's default consumerID) are created here.
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Globally unique namespace name.')
param name string

@description('Topics to create, each with the app-ids that subscribe to it.')
param topics { name: string, subscribers: string[] }[]

@description('Deliveries before Service Bus moves a message to the subscription\'s dead-letter queue.')
param maxDeliveryCount int = 10

@description('Private-network mode: public network access off (reached through a private endpoint only).')
param privateNetwork bool = false

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  // Private endpoints need the Premium tier (one messaging unit).
  sku: privateNetwork ? { name: 'Premium', tier: 'Premium', capacity: 1 } : { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: privateNetwork ? 'Disabled' : 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [for t in topics: {
  parent: namespace
  name: t.name
  properties: {
    defaultMessageTimeToLive: 'P14D'
    enableBatchedOperations: true
  }
}]

module subscriptions 'servicebus-subscriptions.bicep' = [for (t, i) in topics: {
  name: 'sb-subs-${t.name}'
  params: {
    namespaceName: namespace.name
    topicName: topic[i].name
    subscribers: t.subscribers
    maxDeliveryCount: maxDeliveryCount
  }
}]

output name string = namespace.name
output id string = namespace.id
// Host name from the namespace's own endpoint (https://<name>.<cloud's Service Bus suffix>:443/): no hard-coded
// suffix, so sovereign clouds work. Bicep's environment().suffixes has no Service Bus entry.
output endpoint string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
