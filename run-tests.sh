#!/usr/bin/env bash
# Runs every test of the solution and ends with "N passed, N failed".
# Installs Debian's Chromium first when it is missing and this user can (the HTML report test drives it).
# Extra arguments go to `dotnet test` (for example: --filter "TestCategory=MOD-OWNER").
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the HTML report test..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
      || echo "warning: could not install chromium; the HTML report test will fail" >&2
  else
    echo "note: /usr/bin/chromium is missing; the HTML report test will fail. Install it: apt-get install -y chromium" >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Phoenix.Conformance.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 86, Skipped: 0, ...".
summaries=$(grep -E '^(Passed|Failed)! +- ' "$log" || true)
passed=$(printf '%s\n' "$summaries" | grep -oE 'Passed: +[0-9]+' | awk '{s += $2} END {print s + 0}')
failed=$(printf '%s\n' "$summaries" | grep -oE 'Failed: +[0-9]+' | awk '{s += $2} END {print s + 0}')
# A build error or a crashed test host fails the run even when no test reported a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
