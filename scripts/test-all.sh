#!/usr/bin/env bash
# The whole test suite: unit, service and HTTP tests on SQLite and on PostgreSQL,
# then browser tests in headless Chromium. Prints one summary line and fails on
# any failed test, any suite that ran nothing, or a suite that did not finish.
set -uo pipefail
cd "$(dirname "$0")/.."

# Chromium for the browser tests; poppler-utils (pdftotext) to read back the PDFs the app makes; unzip (Info-ZIP)
# to read back the ZIP files it makes; faketime (libfaketime) to run the suites on another day.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v unzip >/dev/null || missing+=(unzip)
command -v faketime >/dev/null || missing+=(faketime)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} for the tests …"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) || { echo "Could not install ${missing[*]}"; exit 1; }
  else
    echo "The tests need ${missing[*]}: run 'sudo apt-get install ${missing[*]}'." >&2
    exit 1
  fi
fi

if ! pg_isready -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -q 2>/dev/null; then
  echo "PostgreSQL is not answering on ${PGHOST:-127.0.0.1}:${PGPORT:-5432}; the PostgreSQL suite needs it (PG_URL, user postgres)." >&2
  exit 1
fi

mkdir -p test-results
rm -f test-results/*.json
npm run build --silent || exit 1

status=0
run_suite() {
  local name=$1
  shift
  echo
  echo "=== $name ==="
  "$@" --reporter=default --reporter=json --outputFile="test-results/$name.json" || status=1
}
run_suite sqlite env TEST_DIALECT=sqlite npx vitest run
run_suite postgres env TEST_DIALECT=postgres npx vitest run
run_suite browser npx vitest run --config vitest.e2e.config.ts
# No test may depend on today's date. Both suites again with the processes' clock set (libfaketime) in Stockholm's
# time zone: the server suite on Sunday 28 March 2027 from a minute before the change to summer time, the browser
# suite on Sunday 25 October 2026 from a minute before the change back. The times are UTC; the clock runs on.
on_day() { env FAKETIME_DONT_RESET=1 TZ=UTC faketime "$1" env TZ=Europe/Stockholm "${@:2}"; }
run_suite clock-sqlite on_day '2027-03-28 00:59:00' TEST_DIALECT=sqlite npx vitest run
run_suite clock-browser on_day '2026-10-25 00:59:00' npx vitest run --config vitest.e2e.config.ts

node scripts/test-summary.mjs test-results/{sqlite,postgres,browser,clock-sqlite,clock-browser}.json || status=1
exit $status
