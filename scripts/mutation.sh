#!/usr/bin/env bash
# Mutation testing (Stryker.NET, pinned in tests/dotnet-tools.json: found from each tests/<Service>.Tests folder): mutates each service's code, runs that
# service's tests against every mutant, and writes a table (score, killed, survived, timeouts, no coverage) between
# the markers in tests/README.md. Not part of scripts/test.sh: it takes minutes per service (CI: mutation.yml, weekly
# and on demand).
#   scripts/mutation.sh                      every service
#   scripts/mutation.sh InventoryService     one or more services
#   scripts/mutation.sh PaymentService -- --concurrency 1 --mutate '**/Signing/*.cs'
#                                            what follows -- goes to Stryker (a shared machine, a few files)
#   scripts/mutation.sh --rerun workflow OrderService -- --mutate '**/Workflow/**/*.cs'
#                                            a re-run of some files after new tests: kept beside the service's whole run
#                                            (<Service>/partial/<name>); the table counts each file from its newest run
# Settings shared by all services (logging calls and endpoint names are equivalent mutants): tests/mutation/stryker-config.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

services=()
stryker_args=()
rerun=""
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--" ]]; then shift; stryker_args=("$@"); break; fi
  if [[ "$1" == "--rerun" ]]; then rerun="$2"; shift 2; continue; fi
  services+=("$1"); shift
done
if [[ ${#services[@]} -eq 0 ]]; then
  services=(OrderService InventoryService PaymentService ShippingService NotificationService)
fi

dotnet tool restore --tool-manifest tests/dotnet-tools.json > /dev/null
out="$root/artifacts/mutation" # not under TestResults/: scripts/test.sh empties that
mkdir -p "$out"

for service in "${services[@]}"; do
  echo "mutation: $service"
  if [[ -n "$rerun" ]]; then
    report="$out/$service/partial/$rerun"
    rm -rf "${report:?}"
  else
    report="$out/$service"
    rm -rf "${report:?}" # a whole run supersedes the service's re-runs too
  fi
  # Stryker runs in the test project's folder; --output keeps each service's report apart.
  (cd "tests/$service.Tests" && dotnet tool run dotnet-stryker \
    --config-file "$root/tests/mutation/stryker-config.json" \
    --project "$service.csproj" --output "$report" "${stryker_args[@]}")
done

python3 scripts/mutation_table.py "$out" tests/README.md
