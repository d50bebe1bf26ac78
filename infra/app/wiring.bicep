// Per-app wiring: each identity's data-plane roles and the Dapr components that tie the apps to the platform.
import { identityName, componentIdentityName } from '../naming.bicep'

@description('Outputs of platform.bicep (resource names and endpoints).')
param platform object

@description('Services: app-id, state store name and database.')
param services { appId: string, store: string, database: string }[]

@description('The workflow/actor state store (scoped to the app that hosts the workflow).')
param workflowStore { name: string, appId: string }

@description('The pub/sub component name and the app-ids in its scopes.')
param pubSub { name: string, appIds: string[] }

@description('The Key Vault secret store component name, the one app-id in its scopes and the one secret it reads.')
param vaultStore { name: string, appId: string, secretName: string }

@description('Topic the publisher sends order events to.')
param topicOrders string

@description('Topic Dapr sends undeliverable messages to.')
param topicDeadLetter string

@description('App-id of the subscriber (its Service Bus subscriptions are named after it).')
param subscriber string

var workflowDatabase = filter(services, s => s.appId == workflowStore.appId)[0].database

module appAccess 'access.bicep' = [for s in services: {
  name: 'access-${s.appId}'
  params: {
    identityName: identityName(s.appId)
    registryName: platform.registryName
    serviceBusName: platform.serviceBusName
    scalerSubscriptions: s.appId == subscriber ? ['${topicOrders}/${subscriber}', '${topicDeadLetter}/${subscriber}'] : []
    keyVaultName: s.appId == vaultStore.appId ? platform.keyVaultName : ''
    keyVaultSecretName: s.appId == vaultStore.appId ? vaultStore.secretName : ''
  }
}]

// The order-pubsub identity publishes order events and dead letters and receives the subscriber's subscriptions.
module pubSubAccess 'access.bicep' = {
  name: 'access-${pubSub.name}'
  params: {
    identityName: componentIdentityName(pubSub.name)
    serviceBusName: platform.serviceBusName
    sendTopics: [topicOrders, topicDeadLetter]
    receiveSubscriptions: ['${topicOrders}/${subscriber}', '${topicDeadLetter}/${subscriber}']
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
        identityName: identityName(s.appId)
        actorStateStore: false
      }),
      [
        {
          name: workflowStore.name
          scopes: [workflowStore.appId]
          database: workflowDatabase
          tableName: replace(workflowStore.name, '-', '_')
          identityName: identityName(workflowStore.appId)
          actorStateStore: true
        }
      ]
    )
    pubSub: {
      name: pubSub.name
      scopes: pubSub.appIds
      namespaceEndpoint: platform.serviceBusEndpoint
      identityName: componentIdentityName(pubSub.name)
    }
    vaultComponent: {
      name: vaultStore.name
      scopes: [vaultStore.appId]
      vaultName: platform.keyVaultName
      identityName: identityName(vaultStore.appId)
    }
  }
}
