#!/usr/bin/env bash
# Certifies every Phoenix release on the CraftOS host and writes reports/phoenix-history/<profile>/ (history.md and
# history.html: rules x versions). PHOENIX_RELEASES_DIR names a folder with one checkout of Phoenix-ComputerCraft/kernel
# per release, named by version (0.0.1 ... 0.0.9; adapter README, "Phoenix releases"). Releases before 0.0.5 run with the
# unsafe ?trusted option: they call string.dump at boot. Each release's run is judged against its expectations file
# (reports/expectations/phoenix-<version>.yaml) and kept in reports/out/phoenix-<version>/<profile>/.
# Usage: PHOENIX_RELEASES_DIR=/tmp/phoenix-releases reports/phoenix-history.sh [v2|v1 ...]   (default: v2 v1)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PHOENIX_RELEASES_DIR:?set PHOENIX_RELEASES_DIR to a folder with one Phoenix kernel checkout per release, named by version}"
profiles=("$@")
[ ${#profiles[@]} -gt 0 ] || profiles=(v2 v1)
versions=$(ls "$PHOENIX_RELEASES_DIR" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+$' | sort -t. -k1,1n -k2,2n -k3,3n)
for profile in "${profiles[@]}"; do
    results=()
    for v in $versions; do
        spec="craftos:$PHOENIX_RELEASES_DIR/$v"
        case $v in 0.0.[1-4]) spec="$spec?trusted" ;; esac
        out="reports/out/phoenix-$v/$profile"
        echo "== Phoenix $v, $profile"
        ./run-conformance.sh --adapter "$spec" --profile "$profile" --output "$out" \
            --expectations "reports/expectations/phoenix-$v.yaml" | tail -1 || true
        results+=("$out")
    done
    labels=$(echo $versions | tr ' ' ',')
    dotnet conformance/src/Phoenix.Conformance.Cli/bin/Release/net10.0/phoenix-conformance.dll history "${results[@]}" \
        --labels "$labels" --output "reports/phoenix-history/$profile"
done
