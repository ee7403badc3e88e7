#!/usr/bin/env bash
# `bash scripts/restore-drill.sh`: proves point-in-time recovery on this machine with the real
# engine, end to end, in a throwaway work directory, and says PASS or FAIL (exit 0 or 1).
#
#   1. initdb a private PostgreSQL 15 cluster (data checksums) on a spare loopback port, with
#      archive_mode=on and an archive_command that copies each WAL segment to an archive directory;
#   2. apply the app's migrations (app and audit roles), write a practice with a thread as the
#      RLS-bound app role (encrypted bodies, audit events sealed into the keyed chain);
#   3. pg_basebackup (plain, WAL streamed, SHA-256 manifest) and pg_verifybackup;
#   4. write more (a second practice, more threads), digest every table (row count + MD5 of its
#      rows), mark the recovery target: a named restore point and the time;
#   5. "the accident": delete a thread, mark every contact lost, keep writing; switch WAL, wait for
#      the archiver, stop the source;
#   6. twice (recovery_target_name, then recovery_target_time): copy the base backup into a fresh
#      data directory, restore_command from the archive + recovery.signal, start it on another
#      port, wait for the promotion, and check: every table equals its digest at the target, the
#      rows after the target are absent, the accident is undone, RLS is forced on every tenant
#      table and the app role sees only its tenant, both practices' audit chains verify, an
#      encrypted body decrypts.
#
# It never connects to the cluster on 5432: only the binaries of RESTORE_DRILL_PG_BIN (default
# /usr/lib/postgresql/15/bin) are used. As root, the servers run as RESTORE_DRILL_OS_USER (default
# postgres), since PostgreSQL refuses to run as root. Every cluster is stopped and the work
# directory removed on exit, also after a failure or a signal.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${RESTORE_DRILL_PG_BIN:-/usr/lib/postgresql/15/bin}
for tool in initdb pg_ctl postgres pg_basebackup pg_verifybackup; do
  [[ -x $PG_BIN/$tool ]] || {
    echo "restore drill: $PG_BIN/$tool is missing: install PostgreSQL 15's server package or set RESTORE_DRILL_PG_BIN" >&2
    exit 1
  }
done
os_user=""
if [[ $(id -u) == 0 ]]; then
  os_user=${RESTORE_DRILL_OS_USER:-postgres}
  id "$os_user" >/dev/null 2>&1 || {
    echo "restore drill: PostgreSQL will not run as root and there is no OS user '$os_user' to run it as (set RESTORE_DRILL_OS_USER)" >&2
    exit 1
  }
fi
as_server_user() { if [[ -n $os_user ]]; then runuser -u "$os_user" -- "$@"; else "$@"; fi; }

work=$(mktemp -d "${TMPDIR:-/tmp}/restore-drill.XXXXXX")
if [[ -n $os_user ]]; then chown "$os_user" "$work"; fi
drill_pid=""
cleanup() {
  local status=$? stopped=0 pidfile
  if [[ -n $drill_pid ]] && kill -0 "$drill_pid" 2>/dev/null; then
    kill -TERM "$drill_pid" 2>/dev/null || true
    wait "$drill_pid" 2>/dev/null || true
  fi
  # A cluster the drill could not stop itself (it failed or was killed): stopped without waiting for clients.
  for pidfile in "$work"/*/postmaster.pid; do
    [[ -f $pidfile ]] || continue
    if as_server_user "$PG_BIN/pg_ctl" stop -D "$(dirname "$pidfile")" -m immediate -w -t 60 >/dev/null 2>&1; then
      stopped=$((stopped + 1))
    fi
  done
  rm -rf "$work"
  echo "cleanup: removed $work$( ((stopped == 0)) || echo "; stopped $stopped cluster(s) left running")"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The PG* variables of a caller (e.g. CI pointing at the shared cluster) must not steer the drill's tools.
unset PGHOST PGPORT PGUSER PGDATABASE PGDATA PGPASSWORD PGSERVICE PGOPTIONS
export RESTORE_DRILL_DIR=$work RESTORE_DRILL_PG_BIN=$PG_BIN RESTORE_DRILL_OS_USER=$os_user
# In the background so a signal reaches the trap at once (bash runs traps only between commands).
node --import tsx scripts/restore-drill/drill.ts &
drill_pid=$!
wait "$drill_pid"
