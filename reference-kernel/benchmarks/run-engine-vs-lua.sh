#!/usr/bin/env bash
# The engine's Lua micro-benchmarks beside a stock lua5.4 process, in one run (Phoenix.ReferenceKernel.Benchmarks,
# EngineVersusLua.cs). Installs Debian's lua5.4 when it is missing; not part of CI's test run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if ! command -v lua5.4 >/dev/null; then
  echo "Installing Debian's lua5.4 for the side-by-side run"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y lua5.4 >/dev/null; else sudo apt-get install -y lua5.4 >/dev/null; fi
fi
dotnet run -c Release --project reference-kernel/benchmarks/Phoenix.ReferenceKernel.Benchmarks -- --engine-vs-lua
