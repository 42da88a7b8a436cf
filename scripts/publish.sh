#!/usr/bin/env bash
# Publishes the console for deployment into DIR: a Release build, framework-dependent, for this machine's runtime, with
# its own code and its libraries compiled ahead of time (ReadyToRun) so that a start does not wait for the JIT first.
# Usage: scripts/publish.sh DIR    then: dotnet DIR/ProgramOps.Web.dll --migrate-only; dotnet DIR/ProgramOps.Web.dll
set -euo pipefail
out="$(realpath -m "${1:?Usage: scripts/publish.sh DIR}")"
cd "$(dirname "$0")/.."
dotnet publish src/ProgramOps.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o "$out" -nologo -v quiet
