#!/usr/bin/env bash
# What a user does with the packages, done in temporary folders: pack the tool and the contract package, install the
# tool, make an adapter project from the template that references only the contract package, build it, and run the
# installed tool with it and with the reference kernel. Prints one line per step; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
work=$(mktemp -d)
trap 'dotnet new uninstall "$PWD/packaging/adapter-template" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
feed="$work/feed" tools="$work/tools" adapter="$work/adapter"
step() { echo "packaging: $*"; }
# Runs a command quietly; on failure shows the end of what it printed.
quiet() { "$@" >"$work/step.log" 2>&1 || { tail -20 "$work/step.log" >&2; echo "packaging: failed: $*" >&2; return 1; }; }

step "pack Phoenix.Conformance.Cli, Phoenix.Conformance.Abstractions and Phoenix.Values into $feed"
# The contract package depends on the values package (Phoenix.Values), so both go in the feed.
quiet dotnet pack common/src/Phoenix.Values -c Release -o "$feed" -nologo
quiet dotnet pack conformance/src/Phoenix.Conformance.Abstractions -c Release -o "$feed" -nologo
quiet dotnet pack conformance/src/Phoenix.Conformance.Cli -c Release -o "$feed" -nologo
ls "$feed"/Phoenix.Conformance.Cli.*.nupkg "$feed"/Phoenix.Conformance.Abstractions.*.nupkg >/dev/null

# The local feed first, then the registry the machine already uses (for the template project's own restore).
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG

step "dotnet tool install Phoenix.Conformance.Cli"
quiet dotnet tool install Phoenix.Conformance.Cli --tool-path "$tools" --configfile "$work/nuget.config"
cli="$tools/phoenix-conformance"

step "phoenix-conformance run --filter MOD-AUTOLOAD (reference kernel)"
(cd "$work" && quiet "$cli" run --filter MOD-AUTOLOAD --output "$work/out-reference")
grep -q '"name": "reference"' "$work/out-reference/results.json"

step "dotnet new phoenix-adapter -n Probe, built against the package only"
quiet dotnet new install "$PWD/packaging/adapter-template"
quiet dotnet new phoenix-adapter -n Probe --AdapterName probe -o "$adapter"
cp "$work/nuget.config" "$adapter/"
quiet dotnet build "$adapter" -c Release -nologo
if grep -q "ProjectReference" "$adapter/Probe.Adapter.csproj"; then echo "the template project references a project" >&2; exit 1; fi

step "phoenix-conformance run --adapter probe --adapter-path <its bin>"
set +e
(cd "$work" && "$cli" run --adapter probe --adapter-path "$adapter/bin/Release/net10.0" --filter MOD-AUTOLOAD --output "$work/out-probe" >"$work/probe.log" 2>&1)
status=$?
set -e
# The template's Boot is not written yet: the run stops before any rule with exit 2 and one line naming it.
if [ "$status" -ne 2 ] || ! grep -q "ProbeAdapter.Boot is not written yet" "$work/probe.log" || [ -e "$work/out-probe/results.json" ]; then
    echo "unexpected outcome of the template adapter's run (exit $status):" >&2; tail -5 "$work/probe.log" >&2; exit 1
fi
step "the template adapter was refused before any rule: $(head -c 160 "$work/probe.log")"
step "ok"
