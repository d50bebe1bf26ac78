#!/usr/bin/env bash
# azd preprovision hook (azure.yaml): creates or updates order-service's Microsoft Entra app registration (the API
# clients get tokens for) and its service principal, then `azd env set ORDER_API_CLIENT_ID`, which main.parameters.json
# passes to Bicep (azd reloads the environment before reading the parameters: Azure/azure-dev#6063).
# The app: single tenant, v2 access tokens (issuer https://login.microsoftonline.com/<tenant>/v2.0, audience = its
# client id), identifier URI api://<client id>, delegated scope Orders.ReadWrite and app role Orders.Operator (users
# and applications). Upserted by uniqueName through Microsoft Graph with azd's own sign-in (no az CLI needed), so
# every provision converges on the same registration. Needs jq and curl.
# Rights: a user needs to be allowed to register applications (the tenant default, or Application Developer); CD's
# identity needs Graph's Application.ReadWrite.OwnedBy and to own the app. Without them the hook keeps an
# ORDER_API_CLIENT_ID already set (CD: the repository variable) and only fails when there is none.
set -euo pipefail
: "${AZURE_ENV_NAME:?}"
graph="https://graph.microsoft.com/v1.0"
unique="orderplatform-api-${AZURE_ENV_NAME}"
# Ids of the scope and the role inside this app: chosen once, never changed (Entra refuses to change a live one).
scope_id="6f0f2d37-5a8c-4b7e-9d43-0c1a7e2b9f11"
role_id="b3c9e8a4-1d2f-4e6a-8b7c-5f0e9d3a2c61"

token="$(azd auth token --scope https://graph.microsoft.com/.default --output json | jq -r .token)"
graph_call() {
  curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" "$@"
}

body="$(jq -n --arg name "OrderPlatform API ($AZURE_ENV_NAME)" --arg scope "$scope_id" --arg role "$role_id" '{
  displayName: $name,
  signInAudience: "AzureADMyOrg",
  api: {
    requestedAccessTokenVersion: 2,
    oauth2PermissionScopes: [{
      id: $scope, value: "Orders.ReadWrite", type: "User", isEnabled: true,
      adminConsentDisplayName: "Place and follow your orders",
      adminConsentDescription: "Create, read and cancel the signed-in customer'"'"'s own orders.",
      userConsentDisplayName: "Place and follow your orders",
      userConsentDescription: "Create, read and cancel your own orders."
    }]
  },
  appRoles: [{
    id: $role, value: "Orders.Operator", isEnabled: true, allowedMemberTypes: ["User", "Application"],
    displayName: "Order operator",
    description: "Approve, compensate, commit stock and resume any order; list every order."
  }]
}')"

# PATCH with Prefer: create-if-missing creates the app (201) or updates it (204): the upsert Graph offers by uniqueName.
if ! graph_call -X PATCH -H "Prefer: create-if-missing" "$graph/applications(uniqueName='$unique')" -d "$body" > /dev/null; then
  if [[ -n "${ORDER_API_CLIENT_ID:-}" ]]; then
    echo "preprovision: cannot create or update app registration $unique; keeping ORDER_API_CLIENT_ID=$ORDER_API_CLIENT_ID" >&2
    exit 0
  fi
  echo "preprovision: cannot create app registration $unique and ORDER_API_CLIENT_ID is not set" >&2
  exit 1
fi

app_id="$(graph_call "$graph/applications(uniqueName='$unique')?\$select=appId" | jq -r .appId)"
# The identifier URI names the client id, so it is set once the id exists.
graph_call -X PATCH "$graph/applications(uniqueName='$unique')" -d "{\"identifierUris\":[\"api://$app_id\"]}" > /dev/null
# Entra issues tokens for the API only once its service principal exists in the tenant.
graph_call -X PATCH -H "Prefer: create-if-missing" "$graph/servicePrincipals(appId='$app_id')" -d '{}' > /dev/null

azd env set ORDER_API_CLIENT_ID "$app_id"
echo "preprovision: order API app registration $unique, client id $app_id"
