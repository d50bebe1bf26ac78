#!/usr/bin/env bash
# Usage: scripts/check-test-run.sh SOLUTION CONSOLE_LOG
# After `dotnet test SOLUTION --logger "console;verbosity=minimal"` wrote CONSOLE_LOG: every test project
# (*.Tests.csproj) must be in the solution, and each must have reported a summary line with at least one test.
# `dotnet test` exits 0 for a project whose tests were not discovered (adapter missing, tests not public, a filter that
# matches nothing), so a silently empty run would otherwise look green. Prints one line per problem; exits 1 if any.
set -euo pipefail
solution="$1"
log="$2"
root="$(cd "$(dirname "$solution")" && pwd)"

mapfile -t listed < <(dotnet sln "$solution" list | tr '\\' '/' | grep -E '\.Tests\.csproj$' | sort)
mapfile -t on_disk < <(cd "$root" && find . -name '*.Tests.csproj' -not -path '*/node_modules/*' -not -path '*/bin/*' -not -path '*/obj/*' \
  | sed 's#^\./##' | sort)

problems=0
for project in "${on_disk[@]}"; do
  if ! printf '%s\n' "${listed[@]}" | grep -qxF "$project"; then
    echo "check-test-run: $project is not in $(basename "$solution"): its tests never run"
    problems=$((problems + 1))
  fi
done

for project in "${listed[@]}"; do
  name="$(basename "$project" .csproj)"
  line="$(grep -E "^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+, Total: +[0-9]+.* - ${name//./\\.}\.dll " "$log" | tail -n 1 || true)"
  total="$(sed -n 's/.*Total: *\([0-9]*\).*/\1/p' <<<"$line")"
  if [[ -z "$line" ]]; then
    echo "check-test-run: $name reported no results (no test discovered, or it did not run)"
    problems=$((problems + 1))
  elif [[ "$total" -eq 0 ]]; then
    echo "check-test-run: $name ran 0 tests"
    problems=$((problems + 1))
  fi
done

if [[ $problems -gt 0 ]]; then
  exit 1
fi
