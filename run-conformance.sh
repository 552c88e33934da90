#!/usr/bin/env bash
# Thin wrapper: builds and runs the conformance CLI's `run` command with the same options
# (--adapter, --profile, --filter, --level, --output, --expectations, --baseline, --strict,
#  --update-expectations, --seed, --time-limit). Exit code is the CLI's: 0 as expected, 1 unexpected, 2 bad usage.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec dotnet run --project "$here/conformance/src/Phoenix.Conformance.Cli" -c Release -- run "$@"
