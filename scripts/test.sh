#!/usr/bin/env bash
# The whole test suite, from a fresh clone on Debian 12 with Swift: installs what is missing, starts a
# throwaway PostgreSQL and RabbitMQ on 127.0.0.1 (non-default ports, data under .forloeb/test), runs
# `swift test` against them, and stops both by PID whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ensure_packages rabbitmq-server librabbitmq-dev postgresql amqp-tools
# The console's browser test loads its pages in Debian's headless chromium (Tests/ForloebConsoleTests).
ensure_packages chromium
export FORLOEB_REQUIRE_CHROMIUM=1

export FORLOEB_TEST_DIR="$root/.forloeb/test"
mkdir -p "$FORLOEB_TEST_DIR"
cleanup() {
    [ -x scripts/rabbitmq.sh ] && scripts/rabbitmq.sh stop "$FORLOEB_TEST_DIR/rabbitmq" || true
    [ -x scripts/postgres.sh ] && scripts/postgres.sh stop "$FORLOEB_TEST_DIR/postgres" || true
}
trap cleanup EXIT

if [ -x scripts/postgres.sh ]; then
    scripts/postgres.sh start "$FORLOEB_TEST_DIR/postgres"
    FORLOEB_TEST_POSTGRES_URL=$(scripts/postgres.sh url "$FORLOEB_TEST_DIR/postgres")
    FORLOEB_TEST_POSTGRES_TLS_URL=$(scripts/postgres.sh tls-url "$FORLOEB_TEST_DIR/postgres")
    export FORLOEB_TEST_POSTGRES_URL FORLOEB_TEST_POSTGRES_TLS_URL FORLOEB_REQUIRE_POSTGRES=1
fi
if [ -x scripts/rabbitmq.sh ]; then
    scripts/rabbitmq.sh start "$FORLOEB_TEST_DIR/rabbitmq"
    FORLOEB_TEST_AMQP_URL=$(scripts/rabbitmq.sh url "$FORLOEB_TEST_DIR/rabbitmq")
    FORLOEB_TEST_AMQPS_URL=$(scripts/rabbitmq.sh tls-url "$FORLOEB_TEST_DIR/rabbitmq")
    export FORLOEB_TEST_AMQP_URL FORLOEB_TEST_AMQPS_URL FORLOEB_REQUIRE_AMQP=1
fi

# The cluster failover test (Tests/ForloebWorkerTests/ClusterFailoverTests.swift) starts and stops its own 3-node
# cluster with scripts/rabbitmq-cluster.sh, in a folder under FORLOEB_TEST_DIR; without this it is skipped.
[ -x scripts/rabbitmq-cluster.sh ] && export FORLOEB_TEST_CLUSTER=1

# The committed .swift-format, checked with the toolchain's formatter. The tree predates the check and still has
# warnings, so they are reported (and fail the run only with FORLOEB_STRICT_FORMAT=1) until it is formatted.
if swift format --version >/dev/null 2>&1; then
    lint_log="$FORLOEB_TEST_DIR/swift-format-lint.log"
    swift format lint --configuration .swift-format --recursive Sources Tests Package.swift >"$lint_log" 2>&1 || true
    warnings=$(grep -c "warning:" "$lint_log" || true)
    echo "swift format lint: $warnings warning(s) (see $lint_log)" >&2
    if [ "${FORLOEB_STRICT_FORMAT:-0}" = 1 ] && [ "$warnings" -gt 0 ]; then
        echo "swift format lint failed (FORLOEB_STRICT_FORMAT=1)" >&2
        exit 1
    fi
fi

# Build first (dependencies take minutes on a fresh clone), then run every test target.
echo "building (a fresh clone builds its dependencies first) ..." >&2
if ! swift build --build-tests >"$FORLOEB_TEST_DIR/swift-build.log" 2>&1; then
    tail -60 "$FORLOEB_TEST_DIR/swift-build.log" >&2
    echo "build failed" >&2
    exit 1
fi
set +e
swift test --skip-build 2>&1 | tee "$FORLOEB_TEST_DIR/swift-test.log"
status=${PIPESTATUS[0]}
set -e
exit "$status"
