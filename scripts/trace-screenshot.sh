#!/usr/bin/env bash
# Screenshots one order's trace in the Aspire dashboard, as a new user would see it (not part of the test run):
# starts the platform with README command 1 (`dotnet run --project apps/OrderPlatform.AppHost`, dev sidecar + five
# services + dashboard), places one order with a development token for "alice", waits until it completed and
# notification-service was told, then opens the dashboard in headless Chromium (Debian's, driven by playwright-core),
# signed in with the login URL the AppHost prints, finds the trace on the Traces page filtered by `order.id` and saves
#   docs/trace-filter-by-order-id.png   the Traces page filtered by the order's id
#   docs/trace-one-order.png            the order's trace, every span
# It fails (and keeps the old PNGs) when the trace lacks one of the five services, the workflow or a step.
# Needs the ports of dapr.yaml and 15888 free; installs chromium and playwright-core first
# (scripts/install-prereqs.sh --screenshot). About 2 minutes after a build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-prereqs.sh --screenshot
dotnet build apps/OrderPlatform.AppHost -c Release --nologo -v quiet -warnaserror
dotnet build tools/DevToken -c Release --nologo -v quiet -warnaserror

order_url=http://127.0.0.1:5100
notification_url=http://127.0.0.1:5104
# notification-service's reads answer only Dapr callers of the platform: read them through shipping-service's sidecar
# (dapr.yaml's daprHTTPPort), as the end-to-end suite does (ORDERPLATFORM_DAPR_URL).
notifications_via_dapr=http://127.0.0.1:3503/v1.0/invoke/notification-service/method
if curl -s -o /dev/null "$order_url/health/live" || curl -s -o /dev/null http://localhost:15888; then
  echo "trace-screenshot: port 5100 or 15888 is in use (a platform already running?); stop it first" >&2
  exit 1
fi

work="$(mktemp -d)"
log="$work/apphost.log"
dotnet run --project apps/OrderPlatform.AppHost -c Release --no-build > "$log" 2>&1 &
run_pid=$!
stop() {
  # `dotnet run` does not pass signals on to the AppHost it started: stop the AppHost (SIGTERM: Aspire stops every
  # resource it started), then `dotnet run`.
  local child
  for child in $(pgrep -P "$run_pid" || true); do kill -TERM "$child" 2> /dev/null || true; done
  kill -TERM "$run_pid" 2> /dev/null || true
  wait "$run_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap stop EXIT

echo "trace-screenshot: starting the platform (log: $log)"
login=""
for _ in $(seq 1 180); do
  login="$(grep -o 'http://localhost:15888/login?t=[0-9a-f]*' "$log" | head -n 1 || true)"
  if [[ -n "$login" ]] && curl -sf -o /dev/null "$order_url/health/ready" && curl -sf -o /dev/null "$notification_url/health/ready"; then
    break
  fi
  if ! kill -0 "$run_pid" 2> /dev/null; then
    cat "$log" >&2
    echo "trace-screenshot: the AppHost exited" >&2
    exit 1
  fi
  sleep 1
done
if [[ -z "$login" ]] || ! curl -sf -o /dev/null "$order_url/health/ready"; then
  tail -n 50 "$log" >&2
  echo "trace-screenshot: the platform did not become ready in 180 s" >&2
  exit 1
fi

token="$(dotnet run --project tools/DevToken -c Release --no-build -- alice)"
mkdir -p docs
out="$work/shots"
mkdir -p "$out"
if ! node tools/trace-screenshot/trace-screenshot.mjs "$login" "$order_url" "$notifications_via_dapr" "$token" "$out"; then
  if [[ -f "$out/failed.png" ]]; then
    cp "$out/failed.png" "${TMPDIR:-/tmp}/trace-screenshot-failed.png"
    echo "trace-screenshot: what the dashboard showed: ${TMPDIR:-/tmp}/trace-screenshot-failed.png" >&2
  fi
  exit 1
fi
cp "$out"/*.png docs/
echo "trace-screenshot: docs/trace-filter-by-order-id.png, docs/trace-one-order.png"
