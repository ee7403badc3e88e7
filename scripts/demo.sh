#!/usr/bin/env bash
# `npm run demo`: services up, build, migrate, start sandbox + api + worker, sign a practice up,
# then walk through the flow and print what happened. Interactive (stdin is a terminal, CI unset)
# or DEMO_KEEP_RUNNING=1: keeps running until Ctrl-C. Otherwise: stops everything after the walk.
#
# First run only (they are written to .demo/env, kept for reruns): DEMO_PORT (api, 3000),
# DEMO_SANDBOX_PORT (4010), DEMO_WORKER_PORT (3001), DEMO_DB (database, app role `<DEMO_DB>_app`
# and Redis prefix; inbox_demo), so two checkouts can each run a demo side by side.
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
  db=${DEMO_DB:-inbox_demo}
  [[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "DEMO_DB must be a lowercase SQL identifier, not '$db'" >&2; exit 1; }
  # A private database, app role and Redis prefix for the demo, with fresh keys (kept for reruns).
  cat > "$DEMO_DIR/env" <<ENV
NODE_ENV=development
LOG_LEVEL=info
DATABASE_URL=postgres://${db}_app:$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')@127.0.0.1:5432/${db}
DATABASE_MIGRATION_URL=postgres://postgres@127.0.0.1:5432/${db}
REDIS_URL=redis://127.0.0.1:6379
REDIS_PREFIX={${db}}
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
# Staff account emails (reset links, invitations) through the sandbox's SendGrid (added to older envs too).
grep -q '^PLATFORM_EMAIL_FROM=' "$DEMO_DIR/env" ||
  printf 'PLATFORM_EMAIL_FROM=accounts@consent-inbox.example\nSENDGRID_API_KEY=SG.demo-platform\n' >>"$DEMO_DIR/env"
# The walk's webhook receiver listens on plain http on 127.0.0.1: the api (registration) and the
# worker (each delivery) must both allow it. Local demos only (added to older envs too).
grep -q '^OUTBOUND_WEBHOOKS_ALLOW_PRIVATE=' "$DEMO_DIR/env" || echo "OUTBOUND_WEBHOOKS_ALLOW_PRIVATE=true" >>"$DEMO_DIR/env"
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
names=()
keep_running=""
if { [ -t 0 ] && [ -z "${CI:-}" ]; } || [ "${DEMO_KEEP_RUNNING:-}" = 1 ]; then keep_running=1; fi
stop_all() {
  ((${#pids[@]})) || return 0
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo
  echo "Stopped $(printf '%s, ' "${names[@]}" | sed 's/, $//') (pids ${pids[*]})."
  if [ -z "$keep_running" ]; then
    echo "They stop with the demo when it has no terminal (stdin is not a TTY, or CI is set)."
    echo "To keep them running: run \`npm run demo\` in a terminal, or DEMO_KEEP_RUNNING=1 npm run demo."
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM
for proc in sandbox api worker; do
  # The api's node flags are API_NODE_FLAGS (apps/api/src/node-flags.ts).
  case $proc in api) flags="--max-semi-space-size=64" ;; *) flags="" ;; esac
  # shellcheck disable=SC2086
  node $flags --enable-source-maps "dist/apps/$proc/main.js" >"$DEMO_DIR/logs/$proc.log" 2>&1 &
  pids+=($!)
  names+=("$proc")
done
npx tsx scripts/demo/wait-ready.ts

step "Walkthrough"
npx tsx scripts/demo/walkthrough.ts

owner_email=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).email)' "$DEMO_DIR/owner.json")
cat <<TXT

Where to look:
  API docs (OpenAPI)      http://127.0.0.1:${PORT}/docs
  API readiness           http://127.0.0.1:${PORT}/health/ready
  Sandbox: all sends      http://127.0.0.1:${SANDBOX_PORT}/sandbox/messages
  Worker health           http://127.0.0.1:${WORKER_HEALTH_PORT}/health/ready
  Metrics (api, worker)   curl -H "Authorization: Bearer ${METRICS_TOKEN}" http://127.0.0.1:${PORT}/metrics  (worker: port ${WORKER_HEALTH_PORT})
  Logs (JSON, redacted)   $DEMO_DIR/logs/{api,worker,sandbox}.log
  Demo environment        $DEMO_DIR/env   (delete .demo/ to start from scratch)

The practice owner (MFA enrolled):
  Email                   ${owner_email}
  Password, TOTP secret   $DEMO_DIR/owner.json ("password", "totpSecret")
  Access token            npm run -s token          (logs in, computes the TOTP, prints the token)
  A TOTP code             npm run -s token -- --totp
  Try it                  curl -H "Authorization: Bearer \$(npm run -s token)" http://127.0.0.1:${PORT}/v1/me
  More                    apps/sandbox/README.md (curl lines), docs/http/ (a request collection)
TXT

if [ -n "$keep_running" ]; then
  echo
  echo "Running: sandbox, api and worker (pids ${pids[*]}). Press Ctrl-C to stop them."
  wait
fi
