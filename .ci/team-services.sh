#!/usr/bin/env bash
# Sourced by .ci/run: starts a throwaway PostgreSQL 15 cluster and a Redis, both on free ports of
# 127.0.0.1 in a temp folder, exports TEAM_TEST_POSTGRES_URL and TEAM_TEST_REDIS_URL for the team
# server's tests, and stops and deletes both on exit. Without them those tests skip and say why.

team_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start_team_services() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing Debian's redis-server for the team server tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq redis-server >/dev/null
  fi
  local pg_bin=/usr/lib/postgresql/15/bin
  if [ ! -x "$pg_bin/initdb" ]; then
    echo "Installing Debian's postgresql-15 for the team server tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql-15 >/dev/null
  fi
  TEAM_SERVICES_DIR=$(mktemp -d /tmp/team-services.XXXXXX)
  chmod 755 "$TEAM_SERVICES_DIR"
  local pg_port redis_port as_pg=()
  pg_port=$(team_free_port)
  redis_port=$(team_free_port)
  # initdb refuses to run as root: run the cluster as the postgres user when we are root.
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$TEAM_SERVICES_DIR"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$pg_bin/initdb" -D "$TEAM_SERVICES_DIR/pg" -U team --auth=trust >/dev/null
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$TEAM_SERVICES_DIR/pg" -l "$TEAM_SERVICES_DIR/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$TEAM_SERVICES_DIR -c fsync=on" start >/dev/null
  "${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U team team_test
  TEAM_PG_CTL=("${as_pg[@]}" "$pg_bin/pg_ctl" -D "$TEAM_SERVICES_DIR/pg")
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$TEAM_SERVICES_DIR/redis.pid" --logfile "$TEAM_SERVICES_DIR/redis.log" --dir "$TEAM_SERVICES_DIR"
  export TEAM_TEST_POSTGRES_URL="postgres://team@127.0.0.1:$pg_port/team_test"
  export TEAM_TEST_REDIS_URL="redis://127.0.0.1:$redis_port"
  # The fault tests restart PostgreSQL through this command (same data folder and port).
  export TEAM_TEST_POSTGRES_CTL="${TEAM_PG_CTL[*]}"
  trap stop_team_services EXIT
  echo "Team server tests: PostgreSQL at 127.0.0.1:$pg_port, Redis at 127.0.0.1:$redis_port"
}

stop_team_services() {
  [ -n "${TEAM_SERVICES_DIR:-}" ] || return 0
  "${TEAM_PG_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
  if [ -f "$TEAM_SERVICES_DIR/redis.pid" ]; then kill "$(cat "$TEAM_SERVICES_DIR/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$TEAM_SERVICES_DIR"
}
