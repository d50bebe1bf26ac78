// One private endpoint into the private-endpoints subnet, registered in the service's private DNS zone.
@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the private endpoint.')
param name string

@description('Resource id of the private-endpoints subnet.')
param subnetId string

@description('Resource id of the service the endpoint connects to.')
param serviceId string

@description('The service\'s private link sub-resource (postgresqlServer, namespace, vault, registry).')
param groupId string

@description('Resource id of the service\'s privatelink DNS zone.')
param dnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [{ name: name, properties: { privateLinkServiceId: serviceId, groupIds: [groupId] } }]
  }
}

resource dns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [{ name: groupId, properties: { privateDnsZoneId: dnsZoneId } }]
  }
}
