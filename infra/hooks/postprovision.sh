#!/usr/bin/env bash
# azd postprovision hook (azure.yaml): gives each app identity a PostgreSQL role with rights on its own database only
# (infra/scripts/postgres-app-roles.sh), signed in as the deployer, the server's only Entra administrator.
# Needs psql, jq and curl (GitHub's ubuntu runners have them). The server admits Azure-internal addresses only, so the
# hook opens a firewall rule for this machine's address while it runs and removes it afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${AZURE_SUBSCRIPTION_ID:?}" "${AZURE_RESOURCE_GROUP:?}" "${AZURE_POSTGRES_NAME:?}" "${AZURE_POSTGRES_HOST:?}"
: "${AZURE_POSTGRES_APP_ROLES:?}"
if [[ -z "${AZURE_POSTGRES_ADMIN:-}" ]]; then
  echo "postprovision: no deployer principal, so no PostgreSQL administrator: app roles not created" >&2
  exit 1
fi

# Entra token for Azure Database for PostgreSQL, used as the password (public cloud resource id).
PGPASSWORD="$(azd auth token --scope https://ossrdbms-aad.database.windows.net/.default --output json | jq -r .token)"
export PGPASSWORD PGSSLMODE=require PGCONNECT_TIMEOUT=15
connect=(psql --no-psqlrc --quiet --host "$AZURE_POSTGRES_HOST" --username "$AZURE_POSTGRES_ADMIN" --dbname postgres)

arm_token="$(azd auth token --output json | jq -r .token)"
rule_url="https://management.azure.com/subscriptions/$AZURE_SUBSCRIPTION_ID/resourceGroups/$AZURE_RESOURCE_GROUP/providers/Microsoft.DBforPostgreSQL/flexibleServers/$AZURE_POSTGRES_NAME/firewallRules/azd-postprovision?api-version=2024-08-01"
remove_rule() {
  curl -fsS -X DELETE -H "Authorization: Bearer $arm_token" "$rule_url" > /dev/null || true
}

# Private-network mode: the server has no public access, so this machine must reach its private endpoint.
if [[ "${PRIVATE_NETWORK:-false}" == "true" ]]; then
  if ! probe="$("${connect[@]}" --command 'SELECT 1' 2>&1)"; then
    echo "postprovision: PostgreSQL is private; run azd from a machine that reaches its private endpoint: $probe" >&2
    exit 1
  fi
# The server names the refused client address in its error ("no pg_hba.conf entry for host ...").
elif ! probe="$("${connect[@]}" --command 'SELECT 1' 2>&1)"; then
  ip="$(sed -n 's/.*no pg_hba.conf entry for host "\([0-9a-fA-F.:]*\)".*/\1/p' <<<"$probe" | head -n 1)"
  if [[ -z "$ip" ]]; then
    echo "postprovision: cannot reach PostgreSQL: $probe" >&2
    exit 1
  fi
  echo "postprovision: allowing $ip on $AZURE_POSTGRES_NAME while the roles are set"
  trap remove_rule EXIT
  curl -fsS -X PUT -H "Authorization: Bearer $arm_token" -H "Content-Type: application/json" \
    --data "{\"properties\":{\"startIpAddress\":\"$ip\",\"endIpAddress\":\"$ip\"}}" "$rule_url" > /dev/null
  for attempt in $(seq 1 30); do
    if "${connect[@]}" --command 'SELECT 1' > /dev/null 2>&1; then
      break
    fi
    if [[ $attempt -eq 30 ]]; then
      echo "postprovision: PostgreSQL still refuses $ip after 5 minutes" >&2
      exit 1
    fi
    sleep 10
  done
fi

"$root/infra/scripts/postgres-app-roles.sh" "$AZURE_POSTGRES_HOST" "$AZURE_POSTGRES_ADMIN" "$AZURE_POSTGRES_APP_ROLES"
