#!/usr/bin/env bash
# Applies infra/scripts/postgres-app-role.sql once per app: `postgres-app-roles.sh HOST ADMIN ROLES_JSON`, where
# ROLES_JSON is main.bicep's AZURE_POSTGRES_APP_ROLES ([{"role", "oid", "database"}, ...]). libpq takes the rest from
# the environment (PGPASSWORD: the administrator's Entra token; PGSSLMODE, PGPORT). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host="$1" admin="$2" roles="$3"

count="$(jq 'length' <<<"$roles")"
for ((i = 0; i < count; i++)); do
  role="$(jq -r ".[$i].role" <<<"$roles")"
  oid="$(jq -r ".[$i].oid" <<<"$roles")"
  database="$(jq -r ".[$i].database" <<<"$roles")"
  echo "PostgreSQL: role $role on database $database"
  psql --no-psqlrc --quiet --host "$host" --username "$admin" --dbname postgres \
    --set role="$role" --set oid="$oid" --set database="$database" \
    --file "$here/postgres-app-role.sql" > /dev/null
done
