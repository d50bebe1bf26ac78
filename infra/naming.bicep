// Names shared by the modules, so an identity is always found by the same name.

@export()
@description('Name of an app\'s user-assigned identity; also its Entra principal name on PostgreSQL.')
func identityName(appId string) string => 'id-${appId}'

@export()
@description('Name of the identity shared by the apps in the order-pubsub component\'s scopes.')
func componentIdentityName(component string) string => 'id-${component}'
