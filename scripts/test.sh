#!/usr/bin/env bash
# Runs every test suite: unit, data, page integration + components, browser.
# The last line is "N passed, N failed" (", N skipped" when any were skipped); the exit code is 0 only
# when everything passed. Browser tests need Debian's chromium and CJK fonts: installed here when
# missing and we are root, otherwise the exact install line is printed.
set -uo pipefail
cd "$(dirname "$0")/.."

ensure_browser() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]} for the browser tests…"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || { echo "Could not install ${missing[*]}."; return 1; }
  else
    echo "The browser tests need: sudo apt-get install -y ${missing[*]}"
    return 1
  fi
}

results=artifacts/test-results
rm -rf "$results" && mkdir -p "$results"
log=artifacts/test-output.log

if ! ensure_browser; then
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test --results-directory "$results" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The runner ends with one summary for the whole solution: total / failed / succeeded / skipped.
summary() { grep -E "^\s+$1: [0-9]+$" "$log" | tail -n 1 | grep -oE '[0-9]+$'; }
passed=$(summary succeeded); failed=$(summary failed); skipped=$(summary skipped)
if [ -z "$passed" ] || [ -z "$failed" ]; then
  echo "The test run produced no summary (build failure?); see $log."
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "The test run exited with code $status (see $log)."
  failed=1
fi

line="$passed passed, $failed failed"
[ "${skipped:-0}" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
