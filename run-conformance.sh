#!/usr/bin/env bash
# Runs the conformance CLI's `run` command with the same options (--adapter, --adapter-path, --profile,
# --filter, --level, --output, --expectations, --baseline, --allow-mismatch, --strict, --update-expectations, --seed,
# --time-limit, --shard, --jobs, --isolation, --memory-limit). Exit code is the CLI's: 0 as expected, 1 unexpected, 2 bad usage, 3 nothing selected.
# The CLI is built (Release) only when it is missing or a source, fixture or build file is newer than it: `dotnet run`
# spends most of a short run checking that, so the built program is run directly. Build progress goes to stderr.
# PHOENIX_REBUILD=1 forces the build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
project="$here/conformance/src/Phoenix.Conformance.Cli"
cli="$project/bin/Release/net10.0/phoenix-conformance.dll"

stale() {
    [ -n "${PHOENIX_REBUILD:-}" ] || [ ! -f "$cli" ] && return 0
    local newer
    newer=$(find "$here/conformance/src" "$here/reference-kernel/src" "$here/common" "$here/fixtures" \
        "$here"/Directory.*.props "$here"/Directory.*.targets "$here/global.json" \
        \( -name bin -o -name obj \) -prune -o -type f -newer "$cli" -print -quit 2>/dev/null || true)
    [ -n "$newer" ]
}

if stale; then
    echo "Building the conformance CLI (Release; a first build restores packages and takes a minute or two)..." >&2
    dotnet build "$project" -c Release -v minimal -nologo >&2
    # A change that does not alter the program (a comment, a README under src/) leaves the DLL's time as it was.
    touch "$cli"
fi
exec dotnet "$cli" run "$@"
