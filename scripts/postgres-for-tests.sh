#!/usr/bin/env bash
# A throw-away PostgreSQL server for the store tests: a fresh cluster in a temp folder, listening on 127.0.0.1
# and a free port, with one password-protected superuser and a database the tests create their own databases from.
#
# Sourced (test.sh):  . scripts/postgres-for-tests.sh; postgres_for_tests_start && trap postgres_for_tests_stop EXIT
#   postgres_for_tests_start exports CELLRADAR_TEST_PG (an Npgsql connection string); it returns non-zero, with the
#   reason on stderr, when no server could be started.
# Run directly:  scripts/postgres-for-tests.sh  starts a server, prints the export line and leaves it running;
#   stop it with the pg_ctl line printed after it.
#
# The server binaries come from Debian's packages: when they are missing and we are root, "apt-get install
# postgresql" adds them (Debian 12: /usr/lib/postgresql/15/bin). PostgreSQL refuses to run as root, so as root the
# cluster belongs to the unprivileged "postgres" user that the package creates.

_pgt_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

_pgt_free_port() {
  local port
  for port in $(seq $((20000 + RANDOM % 20000)) 1 45000); do
    # Nothing answering on the port: free (a race with another program is possible, and pg_ctl would then fail).
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

postgres_for_tests_start() {
  local bindir owner=() password port
  if ! bindir=$(_pgt_bindir); then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "postgres-for-tests: installing PostgreSQL from Debian's packages" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || {
          echo "postgres-for-tests: apt-get install postgresql failed" >&2; return 1; }
      bindir=$(_pgt_bindir) || { echo "postgres-for-tests: no initdb/pg_ctl after installing postgresql" >&2; return 1; }
    else
      echo "postgres-for-tests: no PostgreSQL server binaries (initdb, pg_ctl); install the 'postgresql' package" >&2
      return 1
    fi
  fi
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "postgres-for-tests: running as root and there is no 'postgres' user to run the server" >&2; return 1; }
    owner=(runuser -u postgres --)
  fi

  PGT_DIR=$(mktemp -d "${TMPDIR:-/tmp}/cellradar-pg.XXXXXX") || return 1
  [ ${#owner[@]} -gt 0 ] && chown postgres: "$PGT_DIR"
  chmod 700 "$PGT_DIR"
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$PGT_DIR/pwfile"
  [ ${#owner[@]} -gt 0 ] && chown postgres: "$PGT_DIR/pwfile"
  if ! "${owner[@]}" "$bindir/initdb" -D "$PGT_DIR/data" -U cellradar --pwfile="$PGT_DIR/pwfile" \
      --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$PGT_DIR/initdb.log" 2>&1; then
    echo "postgres-for-tests: initdb failed:" >&2; tail -5 "$PGT_DIR/initdb.log" >&2; return 1
  fi
  rm -f "$PGT_DIR/pwfile"
  port=$(_pgt_free_port) || { echo "postgres-for-tests: no free port" >&2; return 1; }
  # Sockets in the cluster's own folder (the system's may not be writable); fsync off: test data is thrown away.
  if ! "${owner[@]}" "$bindir/pg_ctl" -D "$PGT_DIR/data" -l "$PGT_DIR/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $PGT_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >"$PGT_DIR/pg_ctl.log" 2>&1; then
    echo "postgres-for-tests: the server did not start:" >&2; tail -5 "$PGT_DIR/server.log" >&2; return 1
  fi
  PGT_CTL=("${owner[@]}" "$bindir/pg_ctl" -D "$PGT_DIR/data")
  if ! PGPASSWORD=$password "$bindir/psql" -h 127.0.0.1 -p "$port" -U cellradar -d postgres -qAt \
      -c "CREATE DATABASE cellradar_tests" >"$PGT_DIR/createdb.log" 2>&1; then
    echo "postgres-for-tests: could not create the test database:" >&2; cat "$PGT_DIR/createdb.log" >&2
    postgres_for_tests_stop; return 1
  fi
  export CELLRADAR_TEST_PG="Host=127.0.0.1;Port=$port;Database=cellradar_tests;Username=cellradar;Password=$password"
  PGT_DESCRIPTION="PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (cluster in $PGT_DIR)"
  return 0
}

postgres_for_tests_stop() {
  if [ -n "${PGT_DIR:-}" ] && [ -d "$PGT_DIR" ]; then
    [ -f "$PGT_DIR/data/postmaster.pid" ] && "${PGT_CTL[@]}" -m fast -w stop >/dev/null 2>&1
    rm -rf "$PGT_DIR"
  fi
  PGT_DIR=
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  postgres_for_tests_start || exit 1
  echo "# $PGT_DESCRIPTION"
  echo "export CELLRADAR_TEST_PG='$CELLRADAR_TEST_PG'"
  echo "# stop with: ${PGT_CTL[*]} -m fast stop && rm -rf $PGT_DIR"
fi
