#!/usr/bin/env bash
# The local PostgreSQL behind components/ (state.postgresql v1), idempotently, on Debian/Ubuntu:
# - installs PostgreSQL (Debian/Ubuntu package `postgresql`) when pg_lsclusters is missing;
# - starts the cluster on port 5432 when it is down (creates one when there is none);
# - creates one login role per app (named after its app-id, the password below) and the database it owns, as on
#   Azure (infra/main.bicep: one database per service, workflow-store beside orders-store); other roles may not
#   connect to it. daprd's state.postgresql creates its tables (orders_store, ...) itself on first start.
# Run it again at any time: it changes nothing that is already right. Uses sudo when not run as root.
set -euo pipefail

port=5432
# For local use only; components/*-store.yaml carry the same value. tests/Infra.Tests LocalComponentsTests checks both.
password="orderplatform-local"
# role:database, one per app with a state store.
databases=(
  "order-service:orders"
  "inventory-service:inventory"
  "payment-service:payments"
  "shipping-service:shipping"
  "notification-service:notifications"
)

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

ensure_installed() {
  if ! command -v pg_lsclusters > /dev/null; then
    echo "local-postgres: installing PostgreSQL (apt)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql > /dev/null
  fi
}

ensure_running() {
  local cluster version name status
  cluster="$(pg_lsclusters --no-header | awk -v port="$port" '$3 == port { print $1, $2, $4; exit }')"
  if [[ -z "$cluster" ]]; then
    if [[ -n "$(pg_lsclusters --no-header)" ]]; then
      echo "local-postgres: no PostgreSQL cluster listens on port $port (pg_lsclusters); components/ expect one there" >&2
      exit 1
    fi
    version="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)"
    echo "local-postgres: creating cluster $version/main on port $port"
    $sudo pg_createcluster "$version" main --port "$port"
    cluster="$version main down"
  fi
  read -r version name status <<< "$cluster"
  if [[ "$status" != online* ]]; then
    echo "local-postgres: starting cluster $version/$name"
    $sudo pg_ctlcluster "$version" "$name" start
  fi
  for _ in $(seq 1 30); do
    if pg_isready -q -h localhost -p "$port"; then return; fi
    sleep 1
  done
  echo "local-postgres: PostgreSQL on localhost:$port did not accept connections within 30 s" >&2
  exit 1
}

ensure_database() {
  local role="$1" database="$2"
  # psql variables (:'name', :"name") quote the values; \gexec runs the statements the SELECTs produce.
  as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -q -v role="$role" -v database="$database" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
ALTER DATABASE :"database" OWNER TO :"role";
REVOKE CONNECT, TEMPORARY ON DATABASE :"database" FROM PUBLIC;
SQL
  echo "local-postgres: database $database, owned by role $role"
}

ensure_installed
ensure_running
for entry in "${databases[@]}"; do
  ensure_database "${entry%%:*}" "${entry#*:}"
done
