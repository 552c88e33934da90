#!/usr/bin/env bash
# Runs the suite N times with the same options (default seeds unless --seed is given) and checks that every run
# gives every rule the same outcome and the same first line of message. Prints one line per run and the verdict;
# exits 1 when any rule differs between runs.
#   reports/check-determinism.sh 10                                         # the reference kernel, v2
#   reports/check-determinism.sh 10 --adapter craftos:/tmp/phoenix-kernel --expectations reports/expectations/phoenix-0.0.9.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:?usage: reports/check-determinism.sh N [run options]}
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$runs"); do
    ./run-conformance.sh "$@" --output "$work/$i" >/dev/null 2>&1 || true
    [ -f "$work/$i/results.json" ] || { echo "run $i wrote no results" >&2; exit 1; }
    python3 - "$work/$i/results.json" > "$work/$i.verdicts" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
for r in sorted(run["rules"], key=lambda r: r["id"]):
    print(r["id"], r["outcome"], (r.get("message") or "").split("\n")[0], sep="\t")
PY
    summary=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print(f\"{s['passed']} passed, {s['failed']} failed, {s['errors']} errors, {s['timeouts']} timeouts of {s['total']}\")" "$work/$i/results.json")
    echo "run $i: $summary"
done
differing=0
for i in $(seq 2 "$runs"); do
    if ! diff -q "$work/1.verdicts" "$work/$i.verdicts" >/dev/null; then
        differing=$((differing + 1))
        echo "run $i differs from run 1:"; diff "$work/1.verdicts" "$work/$i.verdicts" | head -10
    fi
done
if [ "$differing" -eq 0 ]; then echo "identical: $runs of $runs runs gave every rule the same outcome and message"; else exit 1; fi
