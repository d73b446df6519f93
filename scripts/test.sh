#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine and ends with one line "N passed, N failed".
# Installs what the tests need first: Debian's Chromium for the browser tests (needs root and apt).
set -uo pipefail

cd "$(dirname "$0")/.."
results="TestResults"

install_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    return 0
  fi

  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing and cannot be installed here (needs root and apt-get); browser tests will fail." >&2
    return 0
  fi

  echo "Installing Debian's Chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

install_chromium

# axe-core for the accessibility checks, pinned by the browser tests' package-lock.json.
(cd tests/AltPay.Browser.Tests && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
  || { echo "npm ci failed in tests/AltPay.Browser.Tests" >&2; echo "0 passed, 1 failed"; exit 1; }

rm -rf "$results"
dotnet restore AltPay.slnx || { echo "0 passed, 1 failed"; exit 1; }
dotnet build AltPay.slnx -c Release --no-restore || { echo "0 passed, 1 failed"; exit 1; }

# One test project at a time: several at once on a two-core machine starve each other's timing-sensitive
# tests (write-back within seconds, request timeouts).
dotnet test AltPay.slnx -c Release --no-build -m:1 --logger trx --results-directory "$results"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")))
  failed=$((failed + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host crashed or a project did not run: count it as a failure, not as silence.
  failed=1
fi

echo "$passed passed, $failed failed"
exit "$status"
