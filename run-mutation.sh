#!/usr/bin/env bash
# Mutation testing of the reference kernel (conformance/mutation/README.md).
#   ./run-mutation.sh [options]     builds and runs the Lua mutation tool; options go to it (--sample, --seed, --file,
#                                   --mutant, --list, --threshold, --jobs, --report, --resume; --help lists them)
#   ./run-mutation.sh --ci          CI's gate: a fixed sample of 40 mutants (seed 1) must keep its score
#   ./run-mutation.sh --full        every mutant; reports in reports/out/mutation/full.{md,json}
#   ./run-mutation.sh --stryker     Stryker.NET on the kernel's C# semantics (reference-kernel/src/Phoenix.ReferenceKernel/stryker-config.json)
# Exit code: the tool's (0 done, 1 below --threshold, 2 bad usage).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
out=reports/out/mutation

# Just below the page score the CI sample reaches with the current rules (18 of 40 killed, 45.0%): one mutant the
# sample used to kill and no longer does, a rule that got weaker, fails CI. Raise it when new rules kill more of the
# sample (the run prints the score). The sample does not depend on line numbers, only on the sampled lines' text.
ci_threshold=44

case "${1:-}" in
  --stryker)
    shift
    dotnet tool restore >/dev/null
    cd reference-kernel/src/Phoenix.ReferenceKernel
    exec dotnet tool run dotnet-stryker --output "$OLDPWD/$out/stryker" "$@"
    ;;
  --ci)
    shift
    set -- --sample 40 --seed 1 --threshold "$ci_threshold" --report "$out/ci.md" --report "$out/ci.json" "$@"
    ;;
  --full)
    shift
    set -- --report "$out/full.md" --report "$out/full.json" "$@"
    ;;
esac
dotnet build conformance/mutation/Phoenix.Mutation -c Release -v q -nologo
exec dotnet conformance/mutation/Phoenix.Mutation/bin/Release/net10.0/phoenix-mutation.dll "$@"
