#!/usr/bin/env bash
# `npm run bench:n8n`: the benchmark's main rows in a REAL n8n (bench/inN8n.ts), where `npm run
# bench` runs n8n-core's engine, without n8n's Code and HTTP Request nodes. The same
# preparation as the end-to-end check (setup.sh: n8n from the cache, our packed tarball installed
# as n8n installs community packages), then one `n8n execute` per scenario against the bench's
# mock gateway. Not part of `npm test`; prints a markdown table for BENCHMARKS.md.
#
#   bash scripts/e2e/bench.sh [--n8n-version 1.123.50] [--node /path/to/node] [--records 5000]
#                             [--latency 30] [--keep]
#
#   --n8n-version, --node, --keep: as for run.sh (n8n 2.x needs Node >= 22: --node).
#   --records N      records per scenario (default 5000; one request per record only up to 5000)
#   --latency MS     the mock gateway's simulated round trip (default 30)
set -euo pipefail

HELP_LINES="2,13"
# shellcheck source=options.sh
source "$(dirname "${BASH_SOURCE[0]}")/options.sh"
BENCH_ARGS=()
set -- "${REST_ARGS[@]}"
while [[ $# -gt 0 ]]; do
	case "$1" in
		--records | --latency) BENCH_ARGS+=("$1" "${2:?$1 needs a number}"); shift 2 ;;
		*) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
	esac
done
STEPS=4
WHAT="benchmark in a real n8n"
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# ---------------------------------------------------------------------------------------------
step "scenarios (bench/inN8n.ts)"
# The do-it-yourself Code node signs with require('crypto'), which n8n allows only when told to:
# what a user of that workflow has to set too.
export NODE_FUNCTION_ALLOW_BUILTIN=crypto
export N8N_BIN WORK
clean_npm_env
setsid "$TS_NODE" --transpile-only "$REPO/bench/inN8n.ts" "${BENCH_ARGS[@]}" &
N8N_PID=$!  # the cleanup trap stops this process group: the script, its gateway and n8n
wait "$N8N_PID"
N8N_PID=""
RESULT="PASS"
echo
echo "done in $((SECONDS - started_at)) s"
