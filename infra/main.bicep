// OrderPlatform on Azure Container Apps: `azd up` provisions this (subscription scope) then deploys the five images.
targetScope = 'subscription'

import { appResiliency, invocationSpec } from 'app/resiliency-values.bicep'
import { identityName, componentIdentityName } from 'naming.bicep'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the principal running azd (Key Vault Secrets Officer on payment-gateway-key). Empty: none.')
param principalId string = ''

// azd fills AZURE_PRINCIPAL_TYPE with the type of the signed-in principal: 'User' for a person, 'ServicePrincipal' in
// CD (a service principal or managed identity). A role assignment whose principalType does not match fails.
@allowed(['User', 'ServicePrincipal'])
@description('Type of principalId as azd reports it (AZURE_PRINCIPAL_TYPE).')
param principalType string = 'User'

// main.parameters.json: `$(secretOrRandomPassword)`, azd's generator (crypto-random letters, digits and symbols).
// Written to Key Vault only by the provision that creates payment-service: later provisions (CD's fresh azd
// environments generate a new value every time) never overwrite the key, so stored payment signatures stay valid.
@secure()
@description('payment-gateway-key for the first provision (azd generates it); ignored once payment-service exists.')
param paymentGatewayKey string = ''

// Set by azd's preprovision hook (infra/hooks/preprovision.sh), which creates or updates the app registration.
// order-service validates the tokens itself (issuer, audience, lifetime, signature, roles): no ACA built-in auth in
// front of it, which would validate the same tokens a second time and hide the caller behind its own headers.
@minLength(1)
@description('Client id of the Entra app registration of the order API (azd env ORDER_API_CLIENT_ID).')
param orderApiClientId string

// Default false: public endpoints, Entra/RBAC-only access, PostgreSQL admitting Azure-internal addresses (see
// core/postgres.bicep). True: see platform.bicep; azd must then run where it reaches the private endpoints.
@description('Private-network mode (azd env PRIVATE_NETWORK): VNet, private endpoints, public access off.')
param privateNetwork bool = false

@description('E-mail address alerts are sent to (azd env ALERT_EMAIL); empty: the action group has no receiver.')
param alertEmail string = ''

@description('Whether order-service exists already (azd: SERVICE_ORDER_SERVICE_RESOURCE_EXISTS); re-provisioning keeps its image.')
param orderServiceExists bool = false

@description('Whether inventory-service exists already (azd: SERVICE_INVENTORY_SERVICE_RESOURCE_EXISTS).')
param inventoryServiceExists bool = false

@description('Whether payment-service exists already (azd: SERVICE_PAYMENT_SERVICE_RESOURCE_EXISTS).')
param paymentServiceExists bool = false

@description('Whether shipping-service exists already (azd: SERVICE_SHIPPING_SERVICE_RESOURCE_EXISTS).')
param shippingServiceExists bool = false

@description('Whether notification-service exists already (azd: SERVICE_NOTIFICATION_SERVICE_RESOURCE_EXISTS).')
param notificationServiceExists bool = false

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var ingressAppId = 'order-service'
var pubSubName = 'order-pubsub'
var pubSubAppIds = ['order-service', 'notification-service']
var topicOrders = 'orders'
var topicDeadLetter = 'orders-deadletter'
var subscriber = 'notification-service'
// The one secret in Key Vault (components/secrets.json holds the same key for local runs).
var gatewayKeySecret = 'payment-gateway-key'

// Entra ID v2 tokens of this tenant for the order API (the app registration asks for v2: requestedAccessTokenVersion).
var orderApiIssuer = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
var orderApiSettings = [
  { name: 'Authentication__Schemes__Bearer__Authority', value: orderApiIssuer }
  { name: 'Authentication__Schemes__Bearer__ValidIssuer', value: orderApiIssuer }
  { name: 'Authentication__Schemes__Bearer__ValidAudiences__0', value: orderApiClientId }
  { name: 'Authentication__Schemes__Bearer__ValidAudiences__1', value: 'api://${orderApiClientId}' }
  // The caller (customer) is the token's object id: the same user or service principal across the tenant's apps.
  { name: 'Auth__CallerIdClaim', value: 'oid' }
  // Behind ACA's ingress the connection comes from the proxy: the write-rate limit takes the client IP from the
  // right-most X-Forwarded-For entry, the one the ingress adds (apps/OrderService/Limits).
  { name: 'RequestLimits__ClientIpFromForwardedFor', value: 'true' }
]

// Per service: its Dapr state store, the PostgreSQL database behind it, and how it scales.
var services = [
  { appId: 'order-service', store: 'orders-store', database: 'orders', minReplicas: 1, maxReplicas: 10, exists: orderServiceExists, settings: orderApiSettings }
  // TopUp: each deployment raises the seed catalogue back to its quantities, so the CD smoke tests never run out of stock.
  { appId: 'inventory-service', store: 'inventory-store', database: 'inventory', minReplicas: 1, maxReplicas: 5, exists: inventoryServiceExists, settings: [{ name: 'Inventory__SeedMode', value: 'TopUp' }] }
  { appId: 'payment-service', store: 'payment-store', database: 'payments', minReplicas: 1, maxReplicas: 5, exists: paymentServiceExists, settings: [] }
  { appId: 'shipping-service', store: 'shipping-store', database: 'shipping', minReplicas: 1, maxReplicas: 5, exists: shippingServiceExists, settings: [] }
  { appId: 'notification-service', store: 'notification-store', database: 'notifications', minReplicas: 0, maxReplicas: 5, exists: notificationServiceExists, settings: [] }
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module platform 'platform.bicep' = {
  scope: rg
  name: 'platform'
  params: {
    location: location
    tags: tags
    token: token
    principalId: principalId
    principalType: principalType
    gatewayKeyName: gatewayKeySecret
    gatewayKeyValue: paymentServiceExists ? '' : paymentGatewayKey
    appIds: map(services, s => s.appId)
    pubSubName: pubSubName
    databases: map(services, s => s.database)
    topics: [
      { name: topicOrders, subscribers: [subscriber] }
      { name: topicDeadLetter, subscribers: [subscriber] }
    ]
    privateNetwork: privateNetwork
  }
}

module wiring 'app/wiring.bicep' = {
  scope: rg
  name: 'wiring'
  params: {
    platform: platform.outputs.platform
    services: map(services, s => { appId: s.appId, store: s.store, database: s.database })
    workflowStore: { name: 'workflow-store', appId: 'order-service' }
    pubSub: { name: pubSubName, appIds: pubSubAppIds }
    vaultStore: { name: 'secret-store', appId: 'payment-service', secretName: gatewayKeySecret }
    topicOrders: topicOrders
    topicDeadLetter: topicDeadLetter
    subscriber: subscriber
  }
}

module apps 'app/container-app.bicep' = [for (s, i) in services: {
  scope: rg
  name: 'app-${s.appId}'
  dependsOn: [wiring]
  params: {
    location: location
    tags: tags
    appId: s.appId
    environmentId: platform.outputs.platform.environmentId
    identityName: identityName(s.appId)
    componentIdentityNames: contains(pubSubAppIds, s.appId) ? [componentIdentityName(pubSubName)] : []
    registryServer: platform.outputs.platform.registryServer
    image: images[i].outputs.image
    external: s.appId == ingressAppId
    minReplicas: s.minReplicas
    maxReplicas: s.maxReplicas
    httpConcurrency: s.appId == ingressAppId ? 50 : 0
    // Both subscriptions wake the subscriber: dead letters must not wait for the next order event.
    serviceBusScale: s.appId == subscriber
      ? map([topicOrders, topicDeadLetter], t => {
          namespace: platform.outputs.platform.serviceBusName
          topicName: t
          subscriptionName: subscriber
          messageCount: 20
        })
      : []
    applicationInsightsName: platform.outputs.platform.applicationInsightsName
    resiliency: appResiliency[?s.appId] ?? {}
    invocationResiliencySpec: invocationSpec
    settings: s.settings
  }
}]

// Workbook, alert rules and the operators' action group (core/operations.bicep).
module operations 'core/operations.bicep' = {
  scope: rg
  name: 'operations'
  dependsOn: [apps]
  params: {
    location: location
    tags: tags
    logAnalyticsId: platform.outputs.platform.logAnalyticsId
    appIds: map(services, s => s.appId)
    alertEmail: alertEmail
  }
}

module images 'app/fetch-image.bicep' = [for s in services: {
  scope: rg
  name: 'image-${s.appId}'
  params: {
    exists: s.exists
    name: s.appId
  }
}]

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = platform.outputs.platform.registryServer
output AZURE_CONTAINER_REGISTRY_NAME string = platform.outputs.platform.registryName
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = platform.outputs.platform.environmentName
output AZURE_KEY_VAULT_NAME string = platform.outputs.platform.keyVaultName
output AZURE_SERVICEBUS_NAMESPACE string = platform.outputs.platform.serviceBusName
output AZURE_POSTGRES_HOST string = platform.outputs.platform.postgresHost
output AZURE_POSTGRES_NAME string = platform.outputs.platform.postgresName
// Read by azd's postprovision hook (infra/hooks/postprovision.sh): the admin role it signs in as, and the role,
// identity object id and database of each app.
output AZURE_POSTGRES_ADMIN string = platform.outputs.platform.postgresAdmin
output AZURE_POSTGRES_APP_ROLES array = map(range(0, length(services)), i => {
  role: platform.outputs.appPrincipals[i].role
  oid: platform.outputs.appPrincipals[i].oid
  database: services[i].database
})
// Per service: its app-id if this provision gave it the placeholder (and TCP probes), else ''. Any app-id in it:
// provision again after `azd deploy`, which brings back the HTTP probes.
output SERVICES_ON_PLACEHOLDER array = [for (s, i) in services: apps[i].outputs.usesPlaceholder ? s.appId : '']
output ORDER_SERVICE_URL string = 'https://${apps[0].outputs.fqdn}'
// What a client asks Entra ID for to call the order API (CD's smoke tests: ORDERPLATFORM_API_SCOPE).
output ORDER_API_SCOPE string = 'api://${orderApiClientId}/.default'
