#!/usr/bin/env bash
# A throwaway, isolated RabbitMQ node on 127.0.0.1 for tests, benchmarks and the README's run command.
#
#   scripts/rabbitmq.sh start [DIR]   install what is missing, start the node, wait until it accepts connections
#   scripts/rabbitmq.sh stop [DIR]    stop the node, then its own epmd, by PID
#   scripts/rabbitmq.sh url [DIR]     print the AMQP URL of the node (for FORLOEB_TEST_AMQP_URL / FORLOEB_AMQP_URL)
#   scripts/rabbitmq.sh tls-url [DIR] print the amqps:// URL of the node's TLS listener (with its test CA)
#   scripts/rabbitmq.sh status [DIR]  exit 0 when the node is running
# DIR is the node's data folder (default below); the port a node was started on is kept in DIR/port.
#
# Why so much environment: any rabbitmqctl / rabbitmq-plugins call made without it starts a system
# `epmd -daemon` on 0.0.0.0:4369 that nobody stops, and reads the system config and cookie. So every call
# below goes through `rmq_env`, which sets RABBITMQ_*, ERL_EPMD_* and HOME first.
#
# Settings (environment):
#   FORLOEB_RABBITMQ_DIR    data folder (default: <repo>/.forloeb/test/rabbitmq, gitignored)
#   FORLOEB_RABBITMQ_PORT   AMQP port (default 25680, below the ephemeral range so a passing outbound connection
#                           cannot hold it); the Erlang distribution port is PORT+1, epmd listens on PORT+2,
#                           AMQP over TLS on PORT+3 (all on 127.0.0.1)
#   FORLOEB_RABBITMQ_ERL_ARGS extra Erlang VM flags for the node (e.g. "+sbwt none" to try scheduler settings)
#
# TLS: start makes a throwaway CA, a server certificate for DNS name `localhost` only (so that tests can
# check hostname verification against 127.0.0.1) and a client certificate, in DIR/tls. The TLS listener
# verifies a client certificate when one is presented and does not require one.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib.sh
. "$repo/scripts/lib.sh"
dir="${2:-${FORLOEB_RABBITMQ_DIR:-$repo/.forloeb/test/rabbitmq}}"
case "$dir" in /*) ;; *) dir="$(pwd)/$dir" ;; esac
if [ -z "${FORLOEB_RABBITMQ_PORT:-}" ] && [ -f "$dir/port" ] && [ "${1:-}" != start ]; then
    FORLOEB_RABBITMQ_PORT="$(cat "$dir/port")"
fi
port="${FORLOEB_RABBITMQ_PORT:-25680}"
dist_port=$((port + 1))
epmd_port=$((port + 2))
tls_port=$((port + 3))
bin=/usr/lib/rabbitmq/bin
node="forloeb-${port}@localhost"

rmq_env() {
    export HOME="$dir/home"
    export RABBITMQ_NODENAME="$node"
    export RABBITMQ_DIST_PORT="$dist_port"
    export RABBITMQ_MNESIA_BASE="$dir/mnesia"
    export RABBITMQ_LOG_BASE="$dir/log"
    export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
    export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
    export ERL_EPMD_PORT="$epmd_port"
    export ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} ${FORLOEB_RABBITMQ_ERL_ARGS:-}"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

install_missing() {
    local missing=()
    [ -x "$bin/rabbitmq-server" ] || missing+=(rabbitmq-server)
    pkg-config --exists librabbitmq 2>/dev/null || missing+=(librabbitmq-dev)
    command -v amqp-publish >/dev/null 2>&1 || missing+=(amqp-tools)
    command -v openssl >/dev/null 2>&1 || missing+=(openssl)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "rabbitmq.sh: installing ${missing[*]}" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

make_certificates() {
    [ -f "$dir/tls/client.pem" ] && return 0
    make_test_certificates "$dir/tls" client
}

running() {
    [ -f "$dir/server.pid" ] && kill -0 "$(cat "$dir/server.pid")" 2>/dev/null
}

port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    install_missing
    if running; then
        echo "rabbitmq.sh: already running on 127.0.0.1:$port" >&2
        return 0
    fi
    for p in "$port" "$dist_port" "$epmd_port" "$tls_port"; do
        if port_busy "$p"; then
            echo "rabbitmq.sh: port $p on 127.0.0.1 is taken; set FORLOEB_RABBITMQ_PORT" >&2
            exit 1
        fi
    done
    mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
    echo "$port" >"$dir/port"
    : >"$dir/rabbitmq-env.conf"
    make_certificates
    cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$port
loopback_users.guest = true
log.file.level = info
log.console = false
listeners.ssl.1 = 127.0.0.1:$tls_port
ssl_options.cacertfile = $dir/tls/ca.pem
ssl_options.certfile = $dir/tls/server.pem
ssl_options.keyfile = $dir/tls/server.key
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = false
classic_queue.default_version = 2
EOF
    # Classic queues (opt-in; the topology's default is quorum) in their second storage version, as
    # Deploy/PRODUCTION.md recommends: a worker acknowledges only after its commit, so the broker must store
    # every persistent message, and version 2 does that for far less CPU than version 1 (BENCHMARKS.md).
    echo "[]." >"$dir/advanced.config"
    rmq_env
    # One cookie shared by the server and the CLI, readable only by us.
    if [ ! -f "$HOME/.erlang.cookie" ]; then
        head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$HOME/.erlang.cookie"
        chmod 400 "$HOME/.erlang.cookie"
    fi
    # Our own epmd, on loopback only, started before anything Erlang runs.
    setsid epmd -address 127.0.0.1 -port "$epmd_port" >"$dir/log/epmd.log" 2>&1 </dev/null &
    echo $! >"$dir/epmd.pid"
    "$bin/rabbitmq-plugins" enable --offline rabbitmq_consistent_hash_exchange >"$dir/log/plugins.log" 2>&1
    setsid "$bin/rabbitmq-server" >"$dir/log/server.out" 2>&1 </dev/null &
    echo $! >"$dir/server.pid"
    if ! "$bin/rabbitmqctl" wait --timeout 60 "$RABBITMQ_PID_FILE" >"$dir/log/wait.log" 2>&1; then
        echo "rabbitmq.sh: the node did not start; see $dir/log" >&2
        tail -n 20 "$dir/log/server.out" >&2 || true
        stop
        exit 1
    fi
    echo "rabbitmq.sh: running on 127.0.0.1:$port (data in $dir)" >&2
}

stop() {
    rmq_env
    if running; then
        "$bin/rabbitmqctl" stop "$RABBITMQ_PID_FILE" >"$dir/log/stop.log" 2>&1 || kill "$(cat "$dir/server.pid")" 2>/dev/null || true
        for _ in $(seq 1 100); do
            running || break
            sleep 0.1
        done
    fi
    rm -f "$dir/server.pid"
    if [ -f "$dir/epmd.pid" ]; then
        # setsid may have forked, so the recorded PID can be setsid's own: ask our epmd to stop itself too.
        kill "$(cat "$dir/epmd.pid")" 2>/dev/null || true
        epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true
        rm -f "$dir/epmd.pid"
        for _ in $(seq 1 50); do
            port_busy "$epmd_port" || break
            sleep 0.1
        done
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url) echo "amqp://guest:guest@127.0.0.1:$port/%2F" ;;
tls-url) echo "amqps://guest:guest@localhost:$tls_port/%2F?cacertfile=$dir/tls/ca.pem" ;;
status) running ;;
*)
    echo "usage: $0 start|stop|url|tls-url|status [DIR]" >&2
    exit 2
    ;;
esac
