#!/bin/bash
# The operator verbs on a seeded store as an operator runs them (BENCHMARKS.md, "Operator verbs"): for each, the
# time to the first byte of output, to the end, the bytes written and the peak resident memory of the process.
# FORLOEB_STORE and FORLOEB_NOW say which store and which moment; FORLOEB_BIN the binary (the release build).
set -eu
bin=${FORLOEB_BIN:-$(dirname "$0")/../.build/release/forloeb}
export NO_COLOR=1
while read -r args; do
    python3 - "$bin" $args <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
first = p.stdout.read(1)
t1 = time.monotonic() - start
n = len(first)
while chunk := p.stdout.read(1 << 20):
    n += len(chunk)
p.wait()
t2 = time.monotonic() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{' '.join(sys.argv[2:]):48s} first byte {t1*1000:6.0f} ms  whole {t2:6.2f} s  {n/1e6:7.1f} MB out  peak {rss:5.0f} MB  exit {p.returncode}")
PY
done <<'LIST'
stats
stats --json
show SEED-0
stuck
stuck --limit 100000000
stuck --limit 100000000 --json
overdue
overdue --limit 100000000
overdue --limit 100000000 --json
overdue --kind plan_review
overdue --kind plan_review --limit 100000000
LIST
