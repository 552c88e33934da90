#!/usr/bin/env bash
# Regenerates the committed reports after a change that legitimately adds or changes rules:
#  - the reference kernel's approved results (the CI gate's baseline), both profiles;
#  - Phoenix 0.0.9's reports, both profiles, when PHOENIX_KERNEL_DIR names a checkout of its kernel at 0.0.9
#    (README, "Certifying Phoenix 0.0.9"); they use the default seed, so they match what anyone reruns.
# It prints what moved against the old approved results, so the commit can say so.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(mktemp -d)
trap 'rm -rf "$old"' EXIT
keep() { # <dir>: copy the approved files aside and write the run's into the committed folder
    local dir=$1; shift
    mkdir -p "$old/$dir"
    cp "reports/$dir/results.json" "$old/$dir/" 2>/dev/null || true
    local out="$old/$dir.run"
    ./run-conformance.sh --output "$out" "$@" > "$old/$dir.log" || { tail -5 "$old/$dir.log"; return 1; }
    tail -1 "$old/$dir.log"
    for f in results.json report.md report.html; do
        if [ -e "reports/$dir/$f" ] || [ "$f" != report.html ]; then cp "$out/$f" "reports/$dir/$f"; fi
    done
    if [ -e "$old/$dir/results.json" ]; then
        dotnet run --project conformance/src/Phoenix.Conformance.Cli -c Release --no-build -- diff "$old/$dir/results.json" "reports/$dir/results.json" || true
    fi
}
echo "== reference kernel, v2"; keep reference
echo "== reference kernel, v1"; keep reference-v1 --profile v1
if [ -n "${PHOENIX_KERNEL_DIR:-}" ]; then
    px=(--adapter "craftos:$PHOENIX_KERNEL_DIR" --expectations reports/expectations/phoenix-0.0.9.yaml)
    echo "== Phoenix 0.0.9, v2"; keep phoenix-0.0.9 "${px[@]}"
    echo "== Phoenix 0.0.9, v1"; keep phoenix-0.0.9/v1 "${px[@]}" --profile v1
else
    echo "== Phoenix 0.0.9: not refreshed (set PHOENIX_KERNEL_DIR to a checkout of Phoenix-ComputerCraft/kernel at cc2a345)"
fi
