#!/usr/bin/env bash
# The main job on one machine: a local RabbitMQ, a worker on the SQLite default and the sample case stream,
# ending in an operator's view of the cases. Installs what is missing (apt-get); starts its own broker on
# 127.0.0.1 (non-default ports, data under .forloeb/demo) and stops everything it started, by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib.sh
ensure_packages rabbitmq-server librabbitmq-dev amqp-tools

demo="$root/.forloeb/demo"
rm -rf "$demo"
mkdir -p "$demo"
worker_pid=""
cleanup() {
    [ -n "$worker_pid" ] && kill "$worker_pid" 2>/dev/null || true
    FORLOEB_RABBITMQ_PORT=$port scripts/rabbitmq.sh stop "$demo/rabbitmq" || true
}
port=${FORLOEB_DEMO_PORT:-$(free_port 25780)}
trap cleanup EXIT

echo "== building forloeb (a fresh clone builds its dependencies first: several minutes)"
swift build --product forloeb 2>&1 | grep -E "error|warning: unre|Compiling forloeb|Build" | tail -3
bin="$root/.build/debug/forloeb"

echo "== starting RabbitMQ on 127.0.0.1:$port (data in $demo/rabbitmq)"
FORLOEB_RABBITMQ_PORT=$port scripts/rabbitmq.sh start "$demo/rabbitmq"
export FORLOEB_AMQP_URL
FORLOEB_AMQP_URL=$(FORLOEB_RABBITMQ_PORT=$port scripts/rabbitmq.sh url "$demo/rabbitmq")
export FORLOEB_STORE="sqlite:$demo/forloeb.sqlite"
# The sample's "today", so overrun and overdue read the same on every run; unset it to use the clock.
export FORLOEB_NOW=${FORLOEB_NOW:-2026-11-23T12:00:00Z}

echo "== starting a worker on $FORLOEB_STORE (it stops by itself once the stream is processed)"
"$bin" worker --exit-when-idle 4 2>"$demo/worker.log" &
worker_pid=$!
for _ in $(seq 1 100); do
    grep -q "consuming" "$demo/worker.log" 2>/dev/null && break
    sleep 0.2
done

sample=Workflows/examples/sample-cases.jsonl
echo "== publishing $sample to forloeb.events"
"$bin" publish "$sample"
wait "$worker_pid"
worker_pid=""
echo "== worker finished: $(grep -c . "$demo/worker.log") log lines in $demo/worker.log"

echo
echo "== the operator's view"
"$bin" list
echo
"$bin" stuck || true
echo
"$bin" show K-2026-000107
echo
"$bin" explain K-2026-000101
echo
echo "== an appeal: refused, appealed, changed by Ankestyrelsen, then granted"
"$bin" show K-2026-000110
echo
"$bin" explain K-2026-000110
echo
"$bin" stats
echo
echo "== the console: the same store in a browser (read only, loopback; Ctrl-C stops it)"
echo "   FORLOEB_STORE=$FORLOEB_STORE FORLOEB_NOW=$FORLOEB_NOW $bin console --listen 127.0.0.1:8080"
echo "   then open http://127.0.0.1:8080/ and follow the stuck cases to K-2026-000105, the overrun course"
