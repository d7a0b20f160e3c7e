#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, on 127.0.0.1 and a free non-default port, with
# its own data folder (default .forloeb/test/postgres under the repository). Installs postgresql if missing.
#
#   scripts/postgres.sh start [DIR]   initdb (first time) and start; prints nothing on success. The port is
#                                     FORLOEB_POSTGRES_PORT if set, else the one this cluster had before (so that
#                                     a stop and start keeps the URL its clients hold) if it is free, else the
#                                     first free one from 25432; it is kept in DIR/port
#   scripts/postgres.sh restart [DIR] [fast|immediate|smart]
#                                     pg_ctl restart in that shutdown mode (default fast), on the same port and
#                                     options; a cluster that is not running is started
#   scripts/postgres.sh url [DIR]     prints postgres://forloeb:PASSWORD@127.0.0.1:PORT/forloeb
#   scripts/postgres.sh tls-url [DIR] the same over TLS, verified: host localhost, sslmode=verify-full and the
#                                     cluster's throwaway CA as sslrootcert
#   scripts/postgres.sh stop [DIR]    stops the cluster (pg_ctl, else by the postmaster's PID)
#   scripts/postgres.sh status [DIR]  exit 0 when running
#
# initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user on a folder it owns.
# The password is random, kept in DIR/password (mode 600), and only ever printed by `url`.
# TLS: start makes a throwaway CA and a server certificate for DNS name `localhost` only (so that tests can check
# hostname verification against 127.0.0.1) in DIR/tls; the server accepts TLS and plain connections alike.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

command=${1:-}
dir=${2:-$root/.forloeb/test/postgres}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
data="$dir/data"

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin_dir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$found" ]; then
        ensure_packages postgresql
        found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    echo "$found"
}

make_certificates() {
    make_test_certificates "$dir/tls"
    # PostgreSQL reads its key as the user it runs as, and refuses a key others can read.
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$dir/tls"; fi
}

running() {
    [ -f "$data/postmaster.pid" ] && kill -0 "$(head -1 "$data/postmaster.pid")" 2>/dev/null
}

case "$command" in
start)
    bin=$(bin_dir)
    if running; then exit 0; fi
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    if [ ! -f "$data/PG_VERSION" ]; then
        password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 24)
        umask 077
        printf '%s' "$password" >"$dir/password"
        pwfile=$(mktemp)
        printf '%s\n' "$password" >"$pwfile"
        if [ "$(id -u)" -eq 0 ]; then chown postgres "$pwfile"; fi
        umask 022
        as_owner "$bin/initdb" -D "$data" -U forloeb --pwfile="$pwfile" --auth=scram-sha-256 \
            --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
            rm -f "$pwfile"
            cat "$dir/initdb.log" >&2
            exit 1
        }
        rm -f "$pwfile"
    fi
    mkdir -p "$dir/socket"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir/socket"; fi
    command -v openssl >/dev/null 2>&1 || ensure_packages openssl
    make_certificates
    if [ -n "${FORLOEB_POSTGRES_PORT:-}" ]; then
        port=$FORLOEB_POSTGRES_PORT
    elif [ -f "$dir/port" ] && [ "$(free_port "$(cat "$dir/port")")" = "$(cat "$dir/port")" ]; then
        port=$(cat "$dir/port")
    else
        [ -f "$dir/port" ] && echo "postgres.sh: port $(cat "$dir/port") is taken; choosing another" >&2
        port=$(free_port 25432)
    fi
    echo "$port" >"$dir/port"
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c max_connections=200 -c ssl=on -c ssl_cert_file=$dir/tls/server.pem -c ssl_key_file=$dir/tls/server.key" >/dev/null || {
        tail -20 "$dir/server.log" >&2
        exit 1
    }
    # The database the URL names (the cluster's superuser is `forloeb`; tests create more databases).
    PGPASSWORD=$(cat "$dir/password") "$bin/psql" -h 127.0.0.1 -p "$port" -U forloeb -d postgres -qAt \
        -c "SELECT 1 FROM pg_database WHERE datname = 'forloeb'" | grep -q 1 ||
        PGPASSWORD=$(cat "$dir/password") "$bin/psql" -h 127.0.0.1 -p "$port" -U forloeb -d postgres -q \
            -c "CREATE DATABASE forloeb"
    ;;
url)
    [ -f "$dir/port" ] && [ -f "$dir/password" ] || { echo "no cluster in $dir: run start first" >&2; exit 1; }
    echo "postgres://forloeb:$(cat "$dir/password")@127.0.0.1:$(cat "$dir/port")/forloeb"
    ;;
tls-url)
    [ -f "$dir/port" ] && [ -f "$dir/password" ] || { echo "no cluster in $dir: run start first" >&2; exit 1; }
    echo "postgres://forloeb:$(cat "$dir/password")@localhost:$(cat "$dir/port")/forloeb?sslmode=verify-full&sslrootcert=$dir/tls/ca.pem"
    ;;
restart)
    mode=${3:-fast}
    case "$mode" in fast | immediate | smart) ;; *) echo "usage: $0 restart [DIR] [fast|immediate|smart]" >&2; exit 2 ;; esac
    running || exec "$0" start "$dir"
    bin=$(bin_dir)
    # pg_ctl restart starts the server with the options of its last start (DATA/postmaster.opts): same port.
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -m "$mode" -w -t 60 restart >/dev/null || {
        tail -20 "$dir/server.log" >&2
        exit 1
    }
    ;;
stop)
    running || exit 0
    bin=$(bin_dir)
    if ! as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1; then
        pid=$(head -1 "$data/postmaster.pid")
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    ;;
status)
    running
    ;;
*)
    echo "usage: $0 start|restart|stop|url|tls-url|status [DATA_FOLDER]" >&2
    exit 2
    ;;
esac
