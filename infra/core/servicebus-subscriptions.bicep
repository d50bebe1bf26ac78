// The subscriptions of one topic, named after the subscribing app-ids, with dead-lettering on.
@description('Service Bus namespace name.')
param namespaceName string

@description('Topic name.')
param topicName string

@description('App-ids that subscribe to the topic (one subscription each).')
param subscribers string[]

@description('Deliveries before a message goes to the dead-letter queue.')
param maxDeliveryCount int

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' existing = {
  name: '${namespaceName}/${topicName}'
}

resource subscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [for appId in subscribers: {
  parent: topic
  name: appId
  properties: {
    maxDeliveryCount: maxDeliveryCount
    lockDuration: 'PT1M'
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
  }
}]
