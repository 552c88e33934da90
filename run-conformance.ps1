# Thin wrapper: builds and runs the conformance CLI's `run` command with the same options
# (--adapter, --profile, --filter, --level, --output, --expectations, --baseline, --strict,
#  --update-expectations, --seed, --time-limit). Exit code is the CLI's: 0 as expected, 1 unexpected, 2 bad usage.
$ErrorActionPreference = 'Stop'
$project = Join-Path $PSScriptRoot 'conformance/src/Phoenix.Conformance.Cli'
& dotnet run --project $project -c Release -- run @args
exit $LASTEXITCODE
