# Runs the conformance CLI's `run` command with the same options (--adapter, --adapter-path, --profile,
# --filter, --level, --output, --expectations, --baseline, --allow-mismatch, --strict, --update-expectations, --seed,
# --time-limit, --shard, --jobs, --isolation, --memory-limit). Exit code is the CLI's: 0 as expected, 1 unexpected, 2 bad usage, 3 nothing selected.
# The twin of run-conformance.sh: the CLI is built (Release) only when it is missing or a source, fixture or build
# file is newer than it, then the built program runs directly. Build progress goes to stderr. PHOENIX_REBUILD=1
# forces the build.
$ErrorActionPreference = 'Stop'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$project = Join-Path $PSScriptRoot 'conformance/src/Phoenix.Conformance.Cli'
$cli = Join-Path $project 'bin/Release/net10.0/phoenix-conformance.dll'

function Test-Stale {
    if ($env:PHOENIX_REBUILD -or -not (Test-Path $cli)) { return $true }
    $built = (Get-Item $cli).LastWriteTimeUtc
    $roots = @('conformance/src', 'reference-kernel/src', 'common', 'fixtures') | ForEach-Object { Join-Path $PSScriptRoot $_ }
    $files = @(Get-ChildItem -Path $roots -Recurse -File | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
    $files += @(Get-ChildItem -Path $PSScriptRoot -File -Filter 'Directory.*') + @(Get-Item (Join-Path $PSScriptRoot 'global.json'))
    return [bool]($files | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

if (Test-Stale) {
    [Console]::Error.WriteLine('Building the conformance CLI (Release; a first build restores packages and takes a minute or two)...')
    & dotnet build $project -c Release -v minimal -nologo 2>&1 | ForEach-Object { [Console]::Error.WriteLine($_) }
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    (Get-Item $cli).LastWriteTimeUtc = [DateTime]::UtcNow
}
& dotnet $cli run @args
exit $LASTEXITCODE
