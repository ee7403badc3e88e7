#!/usr/bin/env bash
# `npm test`: make sure Postgres and Redis answer, then run every test (unit, e2e) once.
# Each run creates its own database, app role and Redis prefix, and drops them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
mkdir -p test-artifacts
rm -f test-artifacts/unhandled-errors.log test-artifacts/lingering-connections.log
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@" || status=$?
# One plain summary line for CI: "N passed, N failed".
node -e '
  const r = require("./test-artifacts/vitest.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' 2>/dev/null || true
if [ -s test-artifacts/unhandled-errors.log ]; then
  echo 'Errors no test awaited (test-artifacts/unhandled-errors.log):'
  head -c 6000 test-artifacts/unhandled-errors.log
fi
if [ -s test-artifacts/lingering-connections.log ]; then
  echo 'Connections still open when their test database was dropped (test-artifacts/lingering-connections.log):'
  head -c 3000 test-artifacts/lingering-connections.log
fi
exit $status
