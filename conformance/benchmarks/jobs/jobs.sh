#!/usr/bin/env bash
# Side by side: the v2 suite against the reference kernel serially, with --jobs 2 (threads) and with --jobs 2
# --isolation process (worker processes), printing for each the wall time, the CPU time (this process and its
# children: the workers are counted) and CPU/wall, and whether its results equal the serial run's. A benchmark, not a
# test: the figures depend on the machine and on what else runs on it (`uptime` is printed for that reason).
# Usage: conformance/benchmarks/jobs/jobs.sh [extra run options, e.g. --filter MOD]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./run-conformance.sh --filter MOD-API --output "$out/warm" "$@" >/dev/null   # builds the CLI if needed
cli=conformance/src/Phoenix.Conformance.Cli/bin/Release/net10.0/phoenix-conformance.dll
echo "load before: $(uptime)"
printf '%-44s %8s %8s %9s  %s\n' "mode" "wall s" "CPU s" "CPU/wall" "results vs serial"
TIMEFORMAT='%R %U %S'
for mode in "serial:--jobs 1" "threads:--jobs 2" "processes:--jobs 2 --isolation process" "processes-1:--jobs 1 --isolation process"; do
  name=${mode%%:*}
  # shellcheck disable=SC2086 # the mode's options are words on purpose
  timing=$( { time dotnet "$cli" run ${mode#*:} --output "$out/$name" "$@" >/dev/null; } 2>&1 | tail -1)
  read -r wall user sys <<<"$timing"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  ratio=$(awk -v c="$cpu" -v w="$wall" 'BEGIN { printf "%.2f", c / w }')
  same="-"
  if [ "$name" != serial ]; then
    same=$(dotnet "$cli" diff "$out/serial/results.json" "$out/$name/results.json" | tail -1)
  fi
  printf '%-44s %8s %8s %9s  %s\n' "$name (${mode#*:})" "$wall" "$cpu" "$ratio" "$same"
done
echo "load after: $(uptime)"
