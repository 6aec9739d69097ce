#!/usr/bin/env bash
# `npm test`: every test — types, unit and component tests (jsdom), and real-Chromium tests.
# Works alone on a fresh Debian machine: installs the npm dependencies and Debian's Chromium when they
# are missing (Chromium only as root; otherwise it stops and names the package).
set -uo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || { echo "apt-get install chromium failed" >&2; exit 1; }
  else
    echo "The browser tests need Debian's package 'chromium' at $chromium: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi
[ -x node_modules/.bin/vitest ] || npm ci --no-audit --no-fund || exit 1

started=$SECONDS
mkdir -p test-results
rm -f test-results/vitest.json test-results/types.log
# The type check runs beside the tests (it is a process of its own, and the tests wait on Chromium and the
# builds): its result is printed after them, and a type error fails the run like a failed test.
echo "== types (beside the tests; result below)"
npx tsc --noEmit >test-results/types.log 2>&1 &
types=$!

echo "== unit, component, harness and browser tests (side by side; a [progress] line per file and every 20 s)"
npx vitest run --reporter=default --reporter=./scripts/progressReporter.ts --reporter=json --outputFile.json=test-results/vitest.json
status=$?
if wait "$types"; then
  echo "== types: no errors"
else
  cat test-results/types.log
  echo "== types: tsc --noEmit failed (above)"
  status=1
fi
echo "== npm test took $((SECONDS - started)) s"
# One plain closing line: what ran, whatever the reporter printed above.
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || status=1
exit $status
