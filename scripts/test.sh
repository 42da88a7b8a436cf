#!/usr/bin/env bash
# Runs every test suite of the solution. The last line printed is always "N passed, N failed"
# (with ", N skipped" when tests were skipped); the exit code is non-zero when anything failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

results="artifacts/test-results"

has_font() {
  # grep reads everything (no -q), so fc-list never dies of SIGPIPE under pipefail.
  command -v fc-list >/dev/null 2>&1 && fc-list | grep -i "$1" >/dev/null
}

# Browser tests drive Debian's chromium; without the CJK fonts Japanese renders as boxes. Printed documents use BIZ UD
# Gothic, which chromium embeds as text (see PdfPrinter.ProportionalFonts). The report journey renders the PDF's first
# page to PNG with poppler's pdftoppm.
ensure_browser() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  has_font "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  has_font "BIZ UDPGothic" || missing+=(fonts-morisawa-bizud-gothic)
  [ ${#missing[@]} -eq 0 ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser tests need: ${missing[*]}. Install with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi

  echo "Installing ${missing[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Reads one count (total, passed, failed, skipped, errors) from an xunit v2+ XML report.
count() {
  grep -o '<assembly [^>]*>' "$2" | head -n 1 | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || echo 0
}

ensure_browser

rm -rf "$results"
mkdir -p "$results"

# Exit code 8 = "zero tests ran": a suite that has no tests yet is not a failure.
set +e
dotnet test --solution ProgramOps.sln \
  --results-directory "$results" \
  --report-xunit-xml --report-xunit-trx \
  --ignore-exit-code 8 \
  --no-progress --no-ansi 2>&1 | tee "$results/dotnet-test.log"
run_status=${PIPESTATUS[0]}
set -e

passed=0 failed=0 skipped=0
echo
echo "Per project:"
shopt -s nullglob
for report in "$results"/*.xunit.xml; do
  project="$(grep -o '<assembly [^>]*>' "$report" | head -n 1 | grep -o ' name="[^"]*"' | sed 's/.*\///; s/\.dll"$//')"
  p=$(count passed "$report") f=$(( $(count failed "$report") + $(count errors "$report") )) s=$(count skipped "$report")
  printf '  %-28s %4d passed, %d failed, %d skipped\n' "$project" "$p" "$f" "$s"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done
echo "Reports: $results"

# The failed tests by name, so a CI log that shows only its tail still says what broke.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  grep -ho '<test [^>]*result="Fail"[^>]*>' "$results"/*.xunit.xml | grep -o ' name="[^"]*"' | sed 's/^ name="/  /; s/"$//' || true
fi

if [ "$run_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $run_status (build error or a test process that crashed): see $results/dotnet-test.log"
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"

[ "$run_status" -eq 0 ] && [ "$failed" -eq 0 ]
