#!/usr/bin/env bash
# Makes sure Postgres and Redis answer, starting them if needed. Safe to run again and again:
# when both already answer it only prints one line per service.
#
# For each service that does not answer, in this order:
#   1. a Docker engine answers  -> docker compose -f docker/compose.yml up -d --wait <service>
#                                  (own project name, trust auth on the loopback-only port)
#   2. Debian packages present  -> pg_ctlcluster ... main start / redis-server --daemonize yes ...
#   3. root with apt-get        -> apt-get install postgresql / redis-server, then as in 2
#   4. otherwise                -> says what is needed and exits 1
#
# Environment: PGHOST, PGPORT (default 127.0.0.1:5432), REDIS_HOST, REDIS_PORT (default
# 127.0.0.1:6379), SERVICES_TIMEOUT (seconds to wait for readiness, default 60),
# SERVICES_COMPOSE_PROJECT (compose project for step 1, default consent-inbox-services).
# The tests connect as postgres@127.0.0.1 without a password (trust auth), as on the dev machines.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_HOST=${PGHOST:-127.0.0.1}
PG_PORT=${PGPORT:-5432}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
TIMEOUT=${SERVICES_TIMEOUT:-60}
COMPOSE_FILE=docker/compose.yml
COMPOSE_PROJECT=${SERVICES_COMPOSE_PROJECT:-consent-inbox-services}

say() { printf 'services: %s\n' "$*"; }
fail() {
  printf 'services: %s\n' "$*" >&2
  exit 1
}

# Noisy tool output (compose, apt-get, pg_ctlcluster) goes to $LOG, shown only when something fails.
LOG=/dev/null
fail_with_log() {
  if [[ -f $LOG && -s $LOG ]]; then
    printf 'services: last lines of %s:\n' "$LOG" >&2
    tail -n 30 "$LOG" | sed 's/^/  | /' >&2
  fi
  fail "$@"
}

have() { command -v "$1" >/dev/null 2>&1; }

is_local() {
  case $1 in
    127.* | localhost | ::1 | '[::1]' | /*) return 0 ;;
    *) return 1 ;;
  esac
}

# --- readiness probes ------------------------------------------------------------------------

tcp_open() { # host port
  [[ $1 == /* ]] && return 1 # a socket directory: only pg_isready can tell
  # shellcheck disable=SC2016 # $0/$1 belong to the inner bash
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

pg_up() {
  if have pg_isready; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1
  else
    tcp_open "$PG_HOST" "$PG_PORT"
  fi
}

redis_up() {
  if have redis-cli; then
    [[ $(timeout 3 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
  else
    # RESP "PING" by hand over bash's /dev/tcp; a loading or protected Redis does not say +PONG.
    # shellcheck disable=SC2016 # $0/$1 belong to the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && IFS= read -r line <&3 && [[ $line == +PONG* ]]' \
      "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null
  fi
}

wait_for() { # probe-command [args]
  local deadline=$((SECONDS + TIMEOUT))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

# --- ways to start them ------------------------------------------------------------------------

docker_engine() { have docker && timeout 20 docker info >/dev/null 2>&1; }

# Compose v2 only (the file uses `name:` and `up --wait`): the plugin, or a standalone v2 binary.
COMPOSE=()
find_compose() {
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
  elif have docker-compose && [[ $(docker-compose version --short 2>/dev/null) == [2-9]* ]]; then
    COMPOSE=(docker-compose)
  else
    return 1
  fi
}

start_with_docker() { # services...
  local var
  # Compose interpolates the whole file, so the app services' required secrets must be set even
  # though postgres and redis never see them: a placeholder for each one that is unset.
  while IFS= read -r var; do
    if [[ -z ${!var:-} ]]; then export "$var=unused-by-services-sh"; fi
  done < <(grep -oE '\$\{[A-Z0-9_]+:\?' "$COMPOSE_FILE" | sed -E 's/^\$\{//; s/:\?$//' | sort -u)
  # The tests log in as postgres without a password; the port is published on 127.0.0.1 only.
  export POSTGRES_HOST_AUTH_METHOD=${POSTGRES_HOST_AUTH_METHOD:-trust}
  export POSTGRES_USER=${POSTGRES_USER:-postgres}
  export POSTGRES_PORT=$PG_PORT REDIS_PORT
  if ! "${COMPOSE[@]}" -p "$COMPOSE_PROJECT" -f "$COMPOSE_FILE" up -d --wait "$@" >>"$LOG" 2>&1; then
    fail_with_log "docker compose up $* failed"
  fi
}

pg_version() { # newest installed cluster version, or nothing
  local dirs=(/etc/postgresql/*/main)
  [[ -d ${dirs[0]} ]] || return 0
  printf '%s\n' "${dirs[@]}" | awk -F/ '{print $4}' | sort -V | tail -n 1
}

start_pg_debian() {
  local ver rc=0
  ver=$(pg_version)
  if [[ -z $ver ]]; then
    # The package is there but has no cluster (e.g. installed with cluster creation disabled).
    ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
    [[ -n $ver ]] || fail "postgres: pg_ctlcluster is installed but no PostgreSQL server is"
    pg_createcluster "$ver" main >>"$LOG" 2>&1 || fail_with_log "postgres: pg_createcluster $ver main failed"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start >>"$LOG" 2>&1 || rc=$?
  # Exit 2 is "already running" (then probably on another port; the wait below tells).
  if ((rc != 0 && rc != 2)); then fail_with_log "postgres: pg_ctlcluster $ver main start failed (exit $rc)"; fi
  PG_STARTED_VERSION=$ver
}

start_redis_debian() {
  mkdir -p /var/lib/redis /var/log/redis || fail "redis: cannot create /var/lib/redis and /var/log/redis (run as root)"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >>"$LOG" 2>&1 ||
    fail_with_log "redis: redis-server failed to start (see /var/log/redis/ci.log)"
}

# Only for a server this script just installed: passwordless loopback logins (as on the dev
# machines, where the tests log in as postgres@127.0.0.1) and a `root` superuser for psql.
configure_fresh_pg() { # version
  local hba=/etc/postgresql/$1/main/pg_hba.conf tmp
  if [[ -f $hba ]] && ! grep -q 'scripts/services.sh' "$hba"; then
    tmp=$(mktemp)
    {
      echo '# Added by scripts/services.sh on a dev/CI machine: trust local and loopback logins.'
      echo 'local all all trust'
      echo 'host all all 127.0.0.1/32 trust'
      echo 'host all all ::1/128 trust'
      cat "$hba"
    } >"$tmp"
    cat "$tmp" >"$hba" # keeps the file's owner and mode
    rm -f "$tmp"
    pg_ctlcluster --skip-systemctl-redirect "$1" main reload >>"$LOG" 2>&1 || true
  fi
}

ensure_root_role() {
  have psql || return 0
  local q=(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atqc)
  if [[ $("${q[@]}" "SELECT 1 FROM pg_roles WHERE rolname = 'root'" 2>>"$LOG") != 1 ]]; then
    "${q[@]}" 'CREATE ROLE root SUPERUSER LOGIN' >>"$LOG" 2>&1 || fail_with_log "postgres: could not create role root"
  fi
  if [[ $("${q[@]}" "SELECT 1 FROM pg_database WHERE datname = 'root'" 2>>"$LOG") != 1 ]]; then
    "${q[@]}" 'CREATE DATABASE root OWNER root' >>"$LOG" 2>&1 || fail_with_log "postgres: could not create database root"
  fi
}

# --- main --------------------------------------------------------------------------------------

need=()
if pg_up; then
  say "postgres: already up at $PG_HOST:$PG_PORT"
else
  need+=(postgres)
fi
if redis_up; then
  say "redis: already up at $REDIS_HOST:$REDIS_PORT"
else
  need+=(redis)
fi
((${#need[@]})) || exit 0

LOG=$(mktemp "${TMPDIR:-/tmp}/services.XXXXXX.log")
# Kept only when something failed (and it holds something).
trap 'status=$?; if ((status == 0)) || [[ ! -s $LOG ]]; then rm -f "$LOG"; fi' EXIT

addr() { if [[ $1 == postgres ]]; then echo "$PG_HOST:$PG_PORT"; else echo "$REDIS_HOST:$REDIS_PORT"; fi; }
probe() { if [[ $1 == postgres ]]; then pg_up; else redis_up; fi; }

for svc in "${need[@]}"; do
  host=$PG_HOST
  [[ $svc == redis ]] && host=$REDIS_HOST
  is_local "$host" || fail "$svc: nothing answers at $(addr "$svc"), which is not this machine: start it there, or point PGHOST/PGPORT/REDIS_HOST/REDIS_PORT at one that runs"
done

# 1. A Docker engine (TCP only: a container cannot serve a socket directory in PGHOST).
if [[ $PG_HOST != /* ]] && docker_engine && find_compose; then
  start_with_docker "${need[@]}"
  for svc in "${need[@]}"; do
    wait_for probe "$svc" || fail_with_log "$svc: docker compose started it but nothing answers at $(addr "$svc") within ${TIMEOUT}s"
    say "$svc: started with ${COMPOSE[*]} (project $COMPOSE_PROJECT), up at $(addr "$svc")"
  done
  exit 0
fi

# 3. Install the missing Debian packages (both in one apt-get run), when we may.
missing=()
for svc in "${need[@]}"; do
  if [[ $svc == postgres ]] && ! have pg_ctlcluster; then missing+=(postgresql); fi
  if [[ $svc == redis ]] && ! have redis-server; then missing+=(redis-server); fi
done
if ((${#missing[@]})); then
  if ! have apt-get || [[ $(id -u) != 0 ]]; then
    fail "cannot start ${need[*]}: no Docker engine answers, the Debian package(s) ${missing[*]} are not installed, and installing them needs root with apt-get. Start PostgreSQL 15 (role postgres, trust auth) at $(addr postgres) and Redis 7 at $(addr redis) yourself, run this as root, or start a Docker engine."
  fi
  say "installing ${missing[*]} with apt-get (log: $LOG)"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >>"$LOG" 2>&1; then
    fail_with_log "apt-get install ${missing[*]} failed"
  fi
fi
installed() { [[ " ${missing[*]} " == *" $1 "* ]]; }

# 2. The Debian packages (there before, or just installed).
for svc in "${need[@]}"; do
  if [[ $svc == postgres ]]; then
    fresh=false
    installed postgresql && fresh=true
    if pg_up; then
      # The package's own install script started it.
      how='was started by its package install script'
      ver=$(pg_version)
    else
      start_pg_debian
      ver=$PG_STARTED_VERSION
      how="started with pg_ctlcluster $ver main"
    fi
    if [[ $fresh == true ]]; then
      configure_fresh_pg "$ver"
      how="installed with apt-get and $how"
    fi
    wait_for pg_up || fail_with_log "postgres: $how, but nothing answers at $(addr postgres) within ${TIMEOUT}s"
    if [[ $fresh == true ]]; then ensure_root_role; fi
  else
    if redis_up; then
      how='was started by its package install script'
    else
      start_redis_debian
      how='started with redis-server --daemonize yes'
    fi
    installed redis-server && how="installed with apt-get and $how"
    wait_for redis_up || fail_with_log "redis: $how, but nothing answers at $(addr redis) within ${TIMEOUT}s"
  fi
  say "$svc: $how, up at $(addr "$svc")"
done
