#!/usr/bin/env bash
# The benchmark (issues 7 and 17): the platform (dev sidecar + five services as plain processes) beside a bare Kestrel
# baseline, driven by autocannon. Builds Release, installs the pinned load tool (benchmark/load/package-lock.json),
# runs benchmark/OrderPlatform.Benchmark (about 6 minutes on an idle 2-core machine), which first publishes each service
# with its Dockerfile's restore + publish commands (ReadyToRun; incremental under benchmark/results/tmp/: ~5 s per
# unchanged service, ~50 s per changed one on a loaded 2-core machine), then writes benchmark/results/latest.json,
# latest.md and latest.svg (the chart) and puts the table into README.md between the benchmark markers.
# Extra arguments go to the benchmark: --quick is a shorter smoke run written under benchmark/results/tmp/quick
# (README untouched). Not part of the test run: nothing here asserts a timing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi

load="$root/benchmark/load"
wanted=$(node -p "require('$load/package-lock.json').packages['node_modules/autocannon'].version")
installed=$(node -p "try { require('$load/node_modules/autocannon/package.json').version } catch { '' }")
if [[ "$wanted" != "$installed" ]]; then
  npm ci --prefix "$load" --no-audit --no-fund --loglevel=error
fi

dotnet build benchmark/OrderPlatform.Benchmark -c Release --nologo -v quiet -warnaserror
dotnet benchmark/OrderPlatform.Benchmark/bin/Release/net10.0/OrderPlatform.Benchmark.dll --readme "$root/README.md" "$@"
