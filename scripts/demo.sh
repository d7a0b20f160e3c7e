#!/usr/bin/env bash
# The main job on one machine: build forloeb, run the sample case stream through the journey and show the
# operator's view of the cases. Installs what is missing; stops everything it starts.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building forloeb (a fresh clone builds its dependencies first: several minutes)" >&2
swift build --product forloeb >/dev/null
bin=.build/debug/forloeb
sample=Workflows/examples/sample-cases.jsonl

echo "== the journey, derived from the transition function"
"$bin" graph --format mermaid | grep -v 'case.closed'
echo
echo "== $sample through the journey (offline: the worker arrives with issue 4)"
FORLOEB_NOW=${FORLOEB_NOW:-2026-11-23T12:00:00Z} "$bin" check "$sample"
