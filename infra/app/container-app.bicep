// One Dapr-enabled service. Every service uses this module; main.bicep says which one is external, how it scales
// and which resiliency policy guards calls to it.
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource (the azd-service-name tag is added here).')
param tags object

@description('Dapr app-id; also the container app name and the azd service name.')
param appId string

@description('Resource id of the Container Apps environment.')
param environmentId string

@description('Name of the app\'s own identity (pulls the image, runs the KEDA scale rule, is AZURE_CLIENT_ID).')
param identityName string

@description('Further identities to attach: those named by the Dapr components in whose scopes the app is.')
param componentIdentityNames string[] = []

@description('Registry login server.')
param registryServer string

@description('Image to run; empty on the first provision (a placeholder runs until azd deploys).')
param image string = ''

@description('Port the container listens on (ASPNETCORE_HTTP_PORTS).')
param targetPort int = 8080

@description('True only for the ingress app: external ingress. Every other app gets internal ingress.')
param external bool = false

@description('Minimum replicas, from the first provision on (the placeholder passes its probes).')
param minReplicas int = 1

@description('Maximum replicas.')
param maxReplicas int = 5

@description('HTTP scale rule: concurrent requests per replica (0: none).')
param httpConcurrency int = 0

@description('KEDA azure-servicebus rules, one per topic subscription, authenticated with the app\'s identity (empty: none).')
param serviceBusScale { namespace: string, topicName: string, subscriptionName: string, messageCount: int }[] = []

@description('Name of the Application Insights component (its connection string becomes a secret, not a plain env var).')
param applicationInsightsName string

@description('Resiliency policy for calls TO this app (empty object: none).')
param resiliency object = {}

@description('JSON of resiliency.yaml\'s policies and app targets. ACA\'s sidecar does not apply them to service invocation, so the app applies them to its invocation clients (InvocationResiliency__Mode=app). Empty: none.')
param invocationResiliencySpec string = ''

@description('App settings of this service only (name/value pairs).')
param settings array = []

// The placeholder listens on ASPNETCORE_HTTP_PORTS (set below) but serves only /healthz, not the services' /health/*
// (dotnet/dotnet-docker samples/aspnetapp/aspnetapp/Program.cs). It gets TCP probes on that port, which it passes, so
// the apps run at their real minimum from the first provision. `azd deploy` only swaps the image and keeps these
// probes; the next `azd provision` (CD runs it right after the first deployment) brings the HTTP probes back.
var placeholderImage = 'mcr.microsoft.com/dotnet/samples:aspnetapp'
// A re-provision before the first successful `azd deploy` reads the placeholder back as the app's image.
var usesPlaceholder = empty(image) || image == placeholderImage
var httpProbes = [
  { type: 'Startup', httpGet: { path: '/health/live', port: targetPort }, periodSeconds: 3, failureThreshold: 20 }
  { type: 'Liveness', httpGet: { path: '/health/live', port: targetPort }, periodSeconds: 10 }
  { type: 'Readiness', httpGet: { path: '/health/ready', port: targetPort }, periodSeconds: 10 }
]
var tcpProbes = [
  { type: 'Startup', tcpSocket: { port: targetPort }, periodSeconds: 3, failureThreshold: 20 }
  { type: 'Liveness', tcpSocket: { port: targetPort }, periodSeconds: 10 }
  { type: 'Readiness', tcpSocket: { port: targetPort }, periodSeconds: 10 }
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

var identityIds = map(union([identityName], componentIdentityNames), n => resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', n))
var httpRules = httpConcurrency > 0 ? [{ name: 'http-load', http: { metadata: { concurrentRequests: string(httpConcurrency) } } }] : []
var serviceBusRules = [for rule in serviceBusScale: {
  name: 'servicebus-${rule.topicName}'
  custom: {
    type: 'azure-servicebus'
    identity: identity.id
    metadata: {
      namespace: rule.namespace
      topicName: rule.topicName
      subscriptionName: rule.subscriptionName
      messageCount: string(rule.messageCount)
    }
  }
}]

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource app 'Microsoft.App/containerApps@2026-07-01' = {
  name: appId
  location: location
  tags: union(tags, { 'azd-service-name': appId })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: toObject(identityIds, id => id, id => {})
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: external
        targetPort: targetPort
        transport: 'http'
        allowInsecure: false
      }
      dapr: {
        enabled: true
        appId: appId
        appPort: targetPort
        appProtocol: 'http'
        enableApiLogging: false
      }
      registries: [{ server: registryServer, identity: identity.id }]
      secrets: [{ name: 'appinsights-connection-string', value: applicationInsights.properties.ConnectionString }]
    }
    template: {
      containers: [
        {
          name: appId
          image: usesPlaceholder ? placeholderImage : image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat([
            { name: 'ASPNETCORE_HTTP_PORTS', value: string(targetPort) }
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
            { name: 'OTEL_SERVICE_NAME', value: appId }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secretRef: 'appinsights-connection-string' }
          ], empty(invocationResiliencySpec) ? [] : [
            { name: 'InvocationResiliency__Mode', value: 'app' }
            { name: 'InvocationResiliency__Spec', value: invocationResiliencySpec }
          ], settings)
          probes: usesPlaceholder ? tcpProbes : httpProbes
        }
      ]
      scale: {
        // Constant: workflow timers, reminders and the retention purger need order-service running from the start.
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: concat(httpRules, serviceBusRules)
      }
    }
  }
}

// ACA app resiliency applies to HTTP calls made TO this app through the environment's service discovery, not to Dapr
// service invocation (MicrosoftDocs/azure-docs articles/container-apps/service-discovery-resiliency.md): invocation
// gets resiliency.yaml's app targets in the calling app (invocationResiliencySpec).
resource appResiliency 'Microsoft.App/containerApps/resiliencyPolicies@2026-03-02-preview' = if (!empty(resiliency)) {
  parent: app
  name: 'callers'
  properties: resiliency
}

output name string = app.name
output usesPlaceholder bool = usesPlaceholder
output fqdn string = app.properties.configuration.ingress.fqdn
