#!/usr/bin/env bash
# `npm run demo`: services up, build, migrate, start sandbox + api + worker, sign a practice up,
# then walk through the flow and print what happened. Interactive: keeps running until Ctrl-C.
# Non-interactive (CI, no terminal): stops everything after the walk.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO_DIR=.demo
mkdir -p "$DEMO_DIR/logs"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Postgres and Redis"
bash scripts/services.sh

fresh=""
if [ ! -f "$DEMO_DIR/env" ]; then
  fresh="--fresh"
  rm -f "$DEMO_DIR/owner.json" # the practice it describes goes with the old database
  # A private database, app role and Redis prefix for the demo, with fresh keys (kept for reruns).
  cat > "$DEMO_DIR/env" <<ENV
NODE_ENV=development
LOG_LEVEL=info
DATABASE_URL=postgres://inbox_demo_app:$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')@127.0.0.1:5432/inbox_demo
DATABASE_MIGRATION_URL=postgres://postgres@127.0.0.1:5432/inbox_demo
REDIS_URL=redis://127.0.0.1:6379
REDIS_PREFIX={inbox_demo}
PORT=${DEMO_PORT:-3000}
SANDBOX_PORT=${DEMO_SANDBOX_PORT:-4010}
WORKER_HEALTH_PORT=${DEMO_WORKER_PORT:-3001}
PUBLIC_BASE_URL=http://127.0.0.1:${DEMO_PORT:-3000}
MASTER_KEY=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')
JWT_SECRET=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')
TWILIO_API_BASE_URL=http://127.0.0.1:${DEMO_SANDBOX_PORT:-4010}
SENDGRID_API_BASE_URL=http://127.0.0.1:${DEMO_SANDBOX_PORT:-4010}
ALLOW_SIGNUP=true
ENV
fi
# The operators' /metrics credential (added to an env from before it existed, too).
grep -q '^METRICS_TOKEN=' "$DEMO_DIR/env" || echo "METRICS_TOKEN=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')" >>"$DEMO_DIR/env"
set -a
# shellcheck disable=SC1091
. "$DEMO_DIR/env"
set +a

step "Build"
npm run build --silent >"$DEMO_DIR/logs/build.log" 2>&1 || { tail -40 "$DEMO_DIR/logs/build.log"; exit 1; }
echo "built dist/ (log: $DEMO_DIR/logs/build.log)"

step "Database"
npx tsx scripts/demo/create-database.ts $fresh
npm run migrate --silent

step "Processes"
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
for proc in sandbox api worker; do
  # The api's node flags are API_NODE_FLAGS (apps/api/src/node-flags.ts).
  case $proc in api) flags="--max-semi-space-size=64" ;; *) flags="" ;; esac
  # shellcheck disable=SC2086
  node $flags --enable-source-maps "dist/apps/$proc/main.js" >"$DEMO_DIR/logs/$proc.log" 2>&1 &
  pids+=($!)
done
npx tsx scripts/demo/wait-ready.ts

step "Walkthrough"
npx tsx scripts/demo/walkthrough.ts

cat <<TXT

Where to look:
  API docs (OpenAPI)      http://127.0.0.1:${PORT}/docs
  API readiness           http://127.0.0.1:${PORT}/health/ready
  Sandbox: all sends      http://127.0.0.1:${SANDBOX_PORT}/sandbox/messages
  Worker health           http://127.0.0.1:${WORKER_HEALTH_PORT}/health/ready
  Metrics (api, worker)   curl -H "Authorization: Bearer ${METRICS_TOKEN}" http://127.0.0.1:${PORT}/metrics  (worker: port ${WORKER_HEALTH_PORT})
  Logs (JSON, redacted)   $DEMO_DIR/logs/{api,worker,sandbox}.log
  Demo environment        $DEMO_DIR/env   (delete .demo/ to start from scratch)
TXT

if [ -t 0 ] && [ -z "${CI:-}" ]; then
  echo; echo "Running. Press Ctrl-C to stop."
  wait
fi
