#!/usr/bin/env bash
# Starts the console with about 60 fictional demo clients (loaded only into an empty database).
# Extra arguments go to the console, e.g. scripts/demo.sh --urls http://127.0.0.1:5090
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project src/ProgramOps.Web -- "$@" --demo
