#!/usr/bin/env bash
# A throwaway, isolated 3-node RabbitMQ cluster on 127.0.0.1 for tests and benchmarks.
#
#   scripts/rabbitmq-cluster.sh start [DIR]         install what is missing, start three nodes that form one
#                                                   cluster, wait until all three run in it
#   scripts/rabbitmq-cluster.sh stop [DIR]          stop every node, then the cluster's own epmd, by PID
#   scripts/rabbitmq-cluster.sh urls [DIR]          print the AMQP URL with all three nodes (for FORLOEB_AMQP_URL)
#   scripts/rabbitmq-cluster.sh url N [DIR]         print the AMQP URL of node N alone (1, 2 or 3)
#   scripts/rabbitmq-cluster.sh status [DIR]        print the running nodes as one node sees them; exit 0 when
#                                                   all three run
#   scripts/rabbitmq-cluster.sh kill-node N [DIR]   SIGKILL node N's Erlang VM (a hard crash, for tests)
#   scripts/rabbitmq-cluster.sh start-node N [DIR]  start node N again on its data folder; it rejoins the cluster
#   scripts/rabbitmq-cluster.sh ctl N [DIR] ARGS... run rabbitmqctl ARGS against node N, with the right environment
# DIR holds everything (default below): home/.erlang.cookie (one cookie for all nodes and the CLI), epmd.pid,
# ports (the ports chosen at start), nodeN/ (config, mnesia, logs, pid files of node N).
#
# Ports: the cluster takes a block of 40 from a base (FORLOEB_RABBITMQ_CLUSTER_PORT, default 28700; the next
# free block above it when any port in it is taken, as scripts/lib.sh's free_port does; below Linux's ephemeral
# ports, 32768 and up, so that no client socket of a test running beside it takes a port between the check and the
# node's start, as one did at 34860): epmd on BASE, node N
# on AMQP port BASE+10N, Erlang distribution BASE+10N+1, its CLI's distribution ports BASE+10N+2…+9.
# Node names are forloeb-cBASE-N@localhost. The nodes find each other with classic-config peer discovery.
#
# Why so much environment: any rabbitmqctl / rabbitmq-plugins call made without it starts a system
# `epmd -daemon` on 0.0.0.0:4369 that nobody stops, and reads the system config and cookie. So every call
# below goes through `node_env N`, which sets RABBITMQ_*, ERL_EPMD_* and HOME first.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib.sh
. "$repo/scripts/lib.sh"
bin=/usr/lib/rabbitmq/bin
nodes=(1 2 3)

usage() {
    echo "usage: $0 start|stop|urls|status [DIR] | url|kill-node|start-node N [DIR] | ctl N [DIR] ARGS..." >&2
    exit 2
}

verb="${1:-}"
shift || true
node_arg=""
case "$verb" in
url | kill-node | start-node | ctl)
    node_arg="${1:-}"
    shift || true
    case "$node_arg" in 1 | 2 | 3) ;; *) usage ;; esac
    ;;
esac
dir="${1:-${FORLOEB_RABBITMQ_CLUSTER_DIR:-$repo/.forloeb/test/rabbitmq-cluster}}"
shift || true
case "$dir" in /*) ;; *) dir="$(pwd)/$dir" ;; esac

port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The base of a block of 40 ports on 127.0.0.1 of which none is taken, at or above $1 (in steps of 40).
free_block() {
    local base=$1 offset busy
    while true; do
        busy=""
        for offset in 0 10 11 12 13 20 21 22 23 30 31 32 33; do
            if port_busy $((base + offset)); then
                busy=yes
                break
            fi
        done
        [ -z "$busy" ] && break
        base=$((base + 40))
    done
    echo "$base"
}

load_ports() {
    if [ -f "$dir/ports" ]; then
        base="$(cat "$dir/ports")"
    else
        base="${FORLOEB_RABBITMQ_CLUSTER_PORT:-28700}"
    fi
    epmd_port="$base"
}

amqp_port() { echo $((base + 10 * $1)); }
node_name() { echo "forloeb-c${base}-$1@localhost"; }

node_env() {
    local n=$1 port=$((base + 10 * $1))
    export HOME="$dir/home"
    export RABBITMQ_NODENAME="$(node_name "$n")"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$port"
    export RABBITMQ_DIST_PORT=$((port + 1))
    export RABBITMQ_CTL_DIST_PORT_MIN=$((port + 2))
    export RABBITMQ_CTL_DIST_PORT_MAX=$((port + 9))
    export RABBITMQ_MNESIA_BASE="$dir/node$n/mnesia"
    export RABBITMQ_LOG_BASE="$dir/node$n/log"
    export RABBITMQ_PID_FILE="$dir/node$n/rabbitmq.pid"
    export RABBITMQ_CONFIG_FILE="$dir/node$n/rabbitmq.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/node$n/advanced.config"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/node$n/enabled_plugins"
    export RABBITMQ_CONF_ENV_FILE="$dir/node$n/rabbitmq-env.conf"
    export ERL_EPMD_PORT="$epmd_port"
    export ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} ${FORLOEB_RABBITMQ_ERL_ARGS:-}"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

# The OS pid of node $1's Erlang VM (the node writes it to its pid file once it runs), if it is alive.
beam_pid() {
    local file="$dir/node$1/rabbitmq.pid" pid
    [ -f "$file" ] || return 1
    pid="$(cat "$file")"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# True while node $1's server script (started under setsid) or its VM is alive.
node_running() {
    { [ -f "$dir/node$1/server.pid" ] && kill -0 "$(cat "$dir/node$1/server.pid")" 2>/dev/null; } || beam_pid "$1" >/dev/null
}

epmd_running() {
    [ -f "$dir/epmd.pid" ] && kill -0 "$(cat "$dir/epmd.pid")" 2>/dev/null
}

write_config() {
    local n=$1 port
    port=$(amqp_port "$n")
    mkdir -p "$dir/node$n/mnesia" "$dir/node$n/log"
    : >"$dir/node$n/rabbitmq-env.conf"
    echo "[]." >"$dir/node$n/advanced.config"
    # The single test node's settings (scripts/rabbitmq.sh), without TLS, plus classic-config peer discovery.
    cat >"$dir/node$n/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$port
loopback_users.guest = true
log.file.level = info
log.console = false
classic_queue.default_version = 2
cluster_formation.peer_discovery_backend = classic_config
cluster_formation.classic_config.nodes.1 = $(node_name 1)
cluster_formation.classic_config.nodes.2 = $(node_name 2)
cluster_formation.classic_config.nodes.3 = $(node_name 3)
EOF
}

start_epmd() {
    epmd_running && return 0
    mkdir -p "$dir/home"
    setsid epmd -address 127.0.0.1 -port "$epmd_port" >"$dir/epmd.log" 2>&1 </dev/null &
    echo $! >"$dir/epmd.pid"
    for _ in $(seq 1 50); do
        port_busy "$epmd_port" && break
        sleep 0.1
    done
}

# Starts node $1 in the background (setsid, not detached), keeping the PID of its server script.
launch_node() {
    local n=$1
    if node_running "$n"; then
        echo "rabbitmq-cluster.sh: node $n already running" >&2
        return 0
    fi
    (
        node_env "$n"
        rm -f "$RABBITMQ_PID_FILE"
        # What `rabbitmq-plugins enable --offline rabbitmq_consistent_hash_exchange` writes, without booting a VM.
        [ -f "$dir/node$n/enabled_plugins" ] || echo "[rabbitmq_consistent_hash_exchange]." >"$dir/node$n/enabled_plugins"
        setsid "$bin/rabbitmq-server" >"$dir/node$n/log/server.out" 2>&1 </dev/null &
        echo $! >"$dir/node$n/server.pid"
    )
}

wait_node() {
    local n=$1
    (
        node_env "$n"
        # The pid file appears only once the VM runs; `wait` needs it.
        for _ in $(seq 1 300); do
            [ -s "$RABBITMQ_PID_FILE" ] && break
            node_running "$n" || break
            sleep 0.2
        done
        "$bin/rabbitmqctl" wait --timeout 90 "$RABBITMQ_PID_FILE" >"$dir/node$n/log/wait.log" 2>&1
    ) || {
        echo "rabbitmq-cluster.sh: node $n did not start; see $dir/node$n/log" >&2
        tail -n 20 "$dir/node$n/log/server.out" >&2 || true
        return 1
    }
}

# The running nodes of the cluster, one per line, as the first node that answers sees them.
running_nodes() {
    local n
    for n in "${nodes[@]}"; do
        beam_pid "$n" >/dev/null || continue
        if (
            node_env "$n"
            "$bin/rabbitmqctl" cluster_status --formatter json 2>/dev/null
        ) >"$dir/cluster_status.json"; then
            # The JSON holds "running_nodes":["a@localhost","b@localhost"]; no jq on a fresh machine.
            tr -d '\n ' <"$dir/cluster_status.json" | grep -o '"running_nodes":\[[^]]*\]' |
                grep -o '"[^"]*@[^"]*"' | tr -d '"'
            return 0
        fi
    done
    return 1
}

start() {
    ensure_packages rabbitmq-server librabbitmq-dev amqp-tools
    mkdir -p "$dir"
    if [ ! -f "$dir/ports" ]; then
        free_block "${FORLOEB_RABBITMQ_CLUSTER_PORT:-28700}" >"$dir/ports"
    fi
    load_ports
    for n in "${nodes[@]}"; do write_config "$n"; done
    mkdir -p "$dir/home"
    if [ ! -f "$dir/home/.erlang.cookie" ]; then
        head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/home/.erlang.cookie"
        chmod 400 "$dir/home/.erlang.cookie"
    fi
    # Our own epmd, on loopback only, started before anything Erlang runs.
    start_epmd
    # Node 1 first: it finds no peer and forms the cluster; nodes 2 and 3 then join it. (Started all at once on
    # a first boot, each might find no peer yet and form a cluster of its own.)
    launch_node 1
    wait_node 1 || { stop; exit 1; }
    launch_node 2
    launch_node 3
    wait_node 2 || { stop; exit 1; }
    wait_node 3 || { stop; exit 1; }
    local running=""
    for _ in $(seq 1 60); do
        running="$(running_nodes | wc -l)"
        [ "$running" -eq 3 ] && break
        sleep 0.5
    done
    if [ "$running" -ne 3 ]; then
        echo "rabbitmq-cluster.sh: the nodes run but did not form one cluster of 3 ($running running)" >&2
        stop
        exit 1
    fi
    # Quorum queues need the feature flag `quorum_queue`, which a fresh 3.10 node has enabled already.
    echo "rabbitmq-cluster.sh: 3 nodes running on 127.0.0.1:$(amqp_port 1),$(amqp_port 2),$(amqp_port 3) (data in $dir)" >&2
}

# Stops node $1 politely, then by PID if it does not go.
stop_node() {
    local n=$1 pid
    node_running "$n" || { rm -f "$dir/node$n/server.pid"; return 0; }
    (
        node_env "$n"
        if beam_pid "$n" >/dev/null; then
            timeout 60 "$bin/rabbitmqctl" stop "$RABBITMQ_PID_FILE" >"$dir/node$n/log/stop.log" 2>&1 || true
        fi
    )
    for _ in $(seq 1 50); do
        node_running "$n" || break
        sleep 0.1
    done
    if node_running "$n"; then
        pid="$(beam_pid "$n" || true)"
        [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
        [ -f "$dir/node$n/server.pid" ] && kill "$(cat "$dir/node$n/server.pid")" 2>/dev/null || true
    fi
    rm -f "$dir/node$n/server.pid"
}

stop() {
    [ -d "$dir" ] || return 0
    load_ports
    local n
    # In parallel: each stop takes a few seconds. Only those are waited for: a bare `wait` would also wait for
    # the epmd this shell started (`start` calls `stop` when a node fails), which runs until stopped below.
    local stopping=()
    for n in "${nodes[@]}"; do
        stop_node "$n" &
        stopping+=($!)
    done
    wait "${stopping[@]}"
    if [ -f "$dir/epmd.pid" ]; then
        # setsid may have forked, so the recorded PID can be setsid's own: ask our epmd to stop itself too.
        kill "$(cat "$dir/epmd.pid")" 2>/dev/null || true
        ERL_EPMD_ADDRESS=127.0.0.1 epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true
        rm -f "$dir/epmd.pid"
        for _ in $(seq 1 50); do
            port_busy "$epmd_port" || break
            sleep 0.1
        done
    fi
}

kill_node() {
    local n=$1 pid
    pid="$(beam_pid "$n")" || {
        echo "rabbitmq-cluster.sh: node $n is not running" >&2
        exit 1
    }
    kill -9 "$pid"
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    # The server script exits once its VM is gone; wait for it so that start-node finds the node stopped.
    for _ in $(seq 1 100); do
        node_running "$n" || break
        sleep 0.05
    done
    rm -f "$dir/node$n/server.pid"
    echo "rabbitmq-cluster.sh: killed node $n (pid $pid)" >&2
}

start_node() {
    local n=$1
    start_epmd
    write_config "$n"
    launch_node "$n"
    wait_node "$n" || exit 1
    echo "rabbitmq-cluster.sh: node $n running on 127.0.0.1:$(amqp_port "$n")" >&2
}

case "$verb" in
start) start ;;
stop) stop ;;
urls)
    load_ports
    echo "amqp://guest:guest@127.0.0.1:$(amqp_port 1),127.0.0.1:$(amqp_port 2),127.0.0.1:$(amqp_port 3)/%2F"
    ;;
url)
    load_ports
    echo "amqp://guest:guest@127.0.0.1:$(amqp_port "$node_arg")/%2F"
    ;;
status)
    load_ports
    running="$(running_nodes || true)"
    count=$(printf '%s' "$running" | grep -c . || true)
    echo "$count of 3 nodes running: $(echo "$running" | tr '\n' ' ')"
    [ "$count" -eq 3 ]
    ;;
kill-node)
    load_ports
    kill_node "$node_arg"
    ;;
start-node)
    load_ports
    start_node "$node_arg"
    ;;
ctl)
    load_ports
    node_env "$node_arg"
    exec "$bin/rabbitmqctl" "$@"
    ;;
*) usage ;;
esac
