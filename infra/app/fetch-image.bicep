// azd convention: on re-provision keep the image azd deployed; on first provision return none (placeholder).
@description('Whether the container app already exists (azd sets SERVICE_<NAME>_RESOURCE_EXISTS).')
param exists bool

@description('Name of the container app.')
param name string

resource existingApp 'Microsoft.App/containerApps@2026-07-01' existing = if (exists) {
  name: name
}

output image string = exists ? existingApp!.properties.template.containers[0].image : ''
