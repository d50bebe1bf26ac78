// Per-app wiring: each identity's data-plane roles and the Dapr components that tie the apps to the platform.
@description('Outputs of platform.bicep (names, endpoints, the pub/sub identity).')
param platform object

@description('The app identities from platform.bicep, in the order of services.')
param identities { appId: string, name: string, id: string, clientId: string, principalId: string }[]

@description('Services: app-id, state store name and database.')
param services { appId: string, store: string, database: string }[]

@description('The workflow/actor state store (scoped to the app that hosts the workflow).')
param workflowStore { name: string, appId: string }

@description('The pub/sub component name and the app-ids in its scopes.')
param pubSub { name: string, appIds: string[] }

@description('The Key Vault secret store component name and the app-ids in its scopes.')
param vaultStore { name: string, appIds: string[] }

@description('Topic the publisher sends order events to.')
param topicOrders string

@description('Topic Dapr sends undeliverable messages to.')
param topicDeadLetter string

@description('App-id of the subscriber (its Service Bus subscriptions are named after it).')
param subscriber string

var identityOf = toObject(identities, x => x.appId)
var subscriptions = ['${topicOrders}/${subscriber}', '${topicDeadLetter}/${subscriber}']

module appAccess 'access.bicep' = [for id in identities: {
  name: 'access-${id.appId}'
  params: {
    principalId: id.principalId
    registryName: platform.registryName
    serviceBusName: platform.serviceBusName
    scalerSubscriptions: id.appId == subscriber ? ['${topicOrders}/${subscriber}'] : []
    keyVaultName: contains(vaultStore.appIds, id.appId) ? platform.keyVaultName : ''
  }
}]

// The order-pubsub identity publishes order events and dead letters and receives the subscriber's subscriptions.
module pubSubAccess 'access.bicep' = {
  name: 'access-order-pubsub'
  params: {
    principalId: platform.pubSubIdentityPrincipalId
    serviceBusName: platform.serviceBusName
    sendTopics: [topicOrders, topicDeadLetter]
    receiveSubscriptions: subscriptions
  }
}

module components 'dapr-components.bicep' = {
  name: 'dapr-components'
  params: {
    environmentName: platform.environmentName
    postgresHost: platform.postgresHost
    stateStores: concat(
      map(services, s => {
        name: s.store
        scopes: [s.appId]
        database: s.database
        tableName: replace(s.store, '-', '_')
        principalName: identityOf[s.appId].name
        clientId: identityOf[s.appId].clientId
        actorStateStore: false
      }),
      [
        {
          name: workflowStore.name
          scopes: [workflowStore.appId]
          database: filter(services, s => s.appId == workflowStore.appId)[0].database
          tableName: replace(workflowStore.name, '-', '_')
          principalName: identityOf[workflowStore.appId].name
          clientId: identityOf[workflowStore.appId].clientId
          actorStateStore: true
        }
      ]
    )
    pubSub: {
      name: pubSub.name
      scopes: pubSub.appIds
      namespaceEndpoint: platform.serviceBusEndpoint
      clientId: platform.pubSubIdentityClientId
    }
    vaultComponent: {
      name: vaultStore.name
      scopes: vaultStore.appIds
      vaultName: platform.keyVaultName
      clientId: identityOf[vaultStore.appIds[0]].clientId
    }
  }
}
