#!/usr/bin/env bash
# Benchmarks ProgramOps on loopback: a Release build serving 10,000 demo clients from a fresh SQLite
# file, driven by tests/ProgramOps.Bench. Bounded in time; the server is stopped on exit.
# A roster of 100,000 participants is imported (UTF-8 and CP932, beside a bare INSERT loop), and one such cohort
# is left in the served database for the cohort page measurement.
# The daily program clock and engagement watch run over 1,000,000 synthetic participants (a separate database).
# Usage: scripts/bench.sh [warm-up s] [measure s] [concurrency] [clients] [participants] [lifecycle participants]
set -euo pipefail
cd "$(dirname "$0")/.."
warmup="${1:-10}" measure="${2:-20}" concurrency="${3:-8}" clients="${4:-10000}" participants="${5:-100000}" lifecycle="${6:-1000000}"

mkdir -p artifacts/bench
report="artifacts/bench/$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$report") 2>&1

echo "ProgramOps benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
dotnet build -c Release tests/ProgramOps.Bench -nologo -v quiet
web_dll="src/ProgramOps.Web/bin/Release/net10.0/ProgramOps.Web.dll"
bench_dll="tests/ProgramOps.Bench/bin/Release/net10.0/ProgramOps.Bench.dll"

data="$(mktemp -d -t programops-bench-XXXXXX)"
server_pid="" bare_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [[ -n "$bare_pid" ]]; then kill "$bare_pid" 2>/dev/null || true; wait "$bare_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
base="http://127.0.0.1:$port"

# Cold start: the console as deployed (scripts/publish.sh: ReadyToRun) on an empty database (migrations, first
# administrator) until /healthz answers healthy; beside it the plain Release build, and a bare ASP.NET Core app answering
# /healthz, started the same way.
cold_start() {
  local started=$(date +%s.%N) pid
  "$@" >"$data/cold.log" 2>&1 &
  pid=$!
  until curl -fsS "$base/healthz" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "It exited:" >&2; cat "$data/cold.log" >&2; exit 1; fi
    sleep 0.02
  done
  python3 -c "print(f'{$(date +%s.%N) - $started:.2f}')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
echo
scripts/publish.sh "$data/published"
console_cold_start() {
  Bootstrap__AdminPassword="$password" Database__SqliteFile="$data/$1" ASPNETCORE_ENVIRONMENT=Production cold_start dotnet "$2" --urls "$base"
}
cold="$(console_cold_start cold-published.db "$data/published/ProgramOps.Web.dll")"
built="$(console_cold_start cold-built.db "$web_dll")"
bare="$(cold_start dotnet "$bench_dll" bare-server "$base" "$data/cold-built.db")"
echo "Cold start to a healthy /healthz on an empty database: $cold s published (ReadyToRun, as deployed), $built s from the plain Release build; baseline: a bare ASP.NET Core app answering /healthz from the same file: $bare s"
echo "target: cold start < 2 s: $(python3 -c "print('PASS' if $cold < 2 else 'FAIL')") (ratio to bare $(python3 -c "print(f'{$cold / $bare:.1f}')"))"

echo
echo "Starting the console on $base with $clients demo clients (log: $data/server.log)"
started=$(date +%s.%N)
Bootstrap__AdminPassword="$password" Database__SqliteFile="$data/bench.db" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$web_dll" --urls "$base" --demo-clients "$clients" >"$data/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "$base/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "The console exited:"; cat "$data/server.log"; exit 1; fi
  sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null || { echo "No answer from /healthz after 60 s:"; cat "$data/server.log"; exit 1; }
echo "Ready after $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')") s; $(grep -o 'Demo data loaded: .*' "$data/server.log" | head -1)"
echo

# The import runs in the console, so it is measured with the console's runtime settings (its collector), not the load generator's.
dotnet exec --runtimeconfig "$(dirname "$bench_dll")/ProgramOps.Web.runtimeconfig.json" "$bench_dll" import "$participants" "$data/bench.db" | tee "$data/import.txt"
cohort_id="$(grep -o 'cohort-id: [0-9]*' "$data/import.txt" | grep -o '[0-9]*$')"
echo
# The pages' baseline: bare Razor pages reading the same rows from the same file (tests/ProgramOps.Bench/Bare).
bare_base="http://127.0.0.1:$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
dotnet "$bench_dll" bare-server "$bare_base" "$data/bench.db" >"$data/bare.log" 2>&1 &
bare_pid=$!
for _ in $(seq 1 120); do curl -fsS "$bare_base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
dotnet "$bench_dll" http "$base" "$password" "$warmup" "$measure" "$concurrency" "$cohort_id" "$data/bench.db" "$bare_base" "$data/server.log"
kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true; bare_pid=""
echo
dotnet "$bench_dll" insert "$clients"
echo
dotnet "$bench_dll" feedback 10000
echo
dotnet "$bench_dll" lifecycle "$lifecycle"
echo
dotnet "$bench_dll" report "$participants"
echo
dotnet "$bench_dll" portfolio 1000 "$lifecycle"
echo
dotnet "$bench_dll" funnel 1000 "$lifecycle"
echo
dotnet "$bench_dll" accounts 10000
echo
dotnet "$bench_dll" revenue 10000 50000
echo
echo "Written to $report"
