#!/usr/bin/env bash
# `npm run test:scale`: the sync loop at scale, in a REAL n8n in queue mode. Not part of `npm test`.
#
#   bash scripts/scale/run.sh [--scenarios queue-off,queue-on] [--records 2000] [--timeout 2700]
#                             [--n8n-version 1.123.50] [--node /path/to/node] [--keep]
#
#   --scenarios LIST  comma-separated, run in order (default queue-off,queue-on):
#                       queue-off  queue mode, main + 2 workers, "save execution progress" off
#                       queue-on   the same with EXECUTIONS_DATA_SAVE_ON_PROGRESS=true
#                       single     one regular n8n process, no worker, no kill (for BENCHMARKS.md)
#   --records N       pending records per shop (default 2000; three shops)
#   --timeout S       hard limit for the whole run, in seconds (default 2700); each scenario also
#                     gets its own budget
#   --n8n-version, --node, --keep: as for `npm run test:e2e` (scripts/e2e/options.sh)
#
# What it does:
#   1-3. what scripts/e2e/setup.sh does: n8n from the cache (installed on first use), this package
#      built and packed, the tarball installed into a fresh n8n user folder as n8n's
#      community-package installer does, n8n's settings;
#   4. throwaway Postgres and Redis from Debian's packages (installed with apt-get when missing
#      and run as root), in the run's folder, on 127.0.0.1, in their own process groups;
#   5. imports a credential for the mock gateway and three copies of the sync loop example, one per
#      shop, each behind a webhook (fixtures.ts), and activates them;
#   6. each scenario (orchestrate.ts): the mock gateway limited to 60 calls a minute for the appkey,
#      a shop platform, 3 shops × N pending records; n8n main + two workers; all three loops at
#      once; worker-1 killed with SIGKILL while its ack is in flight and started again; then the
#      checks against the gateway's and the platform's ledgers and n8n's saved executions, and the
#      throughput beside the ceiling (3,000 records a minute).
# Prints PASS/FAIL lines and THROUGHPUT lines; exits non-zero when a check fails. Everything it
# starts (mock, n8n processes and their children, Postgres, Redis) is stopped on exit, on failure
# and on Ctrl+C, by process group; the run's folder is removed on success unless --keep.
set -euo pipefail

HELP_LINES="2,32"
# shellcheck source=../e2e/options.sh
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/options.sh"
SCENARIOS="queue-off,queue-on"
RECORDS=2000
TIMEOUT=2700
set -- "${REST_ARGS[@]+"${REST_ARGS[@]}"}"
while [[ $# -gt 0 ]]; do
	case "$1" in
		--scenarios) SCENARIOS="${2:?--scenarios needs a list}"; shift 2 ;;
		--scenarios=*) SCENARIOS="${1#*=}"; shift ;;
		--records) RECORDS="${2:?--records needs a number}"; shift 2 ;;
		--records=*) RECORDS="${1#*=}"; shift ;;
		--timeout) TIMEOUT="${2:?--timeout needs seconds}"; shift 2 ;;
		--timeout=*) TIMEOUT="${1#*=}"; shift ;;
		*) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
	esac
done

STEPS=6
WHAT="scale run (queue mode)"
# shellcheck source=../e2e/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/setup.sh"
SCALE="$REPO/scripts/scale"
# shellcheck source=services.sh
source "$SCALE/services.sh"

# The exit trap of setup.sh stops N8N_PID and MOCK_PID; this one first stops what the scale run
# adds: the scenario runner, the n8n processes it started (their group ids are in $WORK/pids),
# Postgres, Redis and the watchdog.
ORCH_PID=""
WATCHDOG_PID=""
scale_cleanup() {
	local status=$? file
	# Errexit must not cut the clean-up short (the `(exit ...)` below returns non-zero on failure).
	set +e
	trap - EXIT
	stop_group "$ORCH_PID"
	for file in "$WORK"/pids/*; do
		[[ -f "$file" ]] && stop_group "$(cat "$file")"
	done
	stop_services
	[[ -n "$WATCHDOG_PID" ]] && kill "$WATCHDOG_PID" 2>/dev/null
	# setup.sh's cleanup reads the exit status from $?: hand it the original one.
	(exit "$status")
	cleanup
}
trap scale_cleanup EXIT

# A hard limit on the whole run, whatever hangs: TERM to this shell runs the trap above.
# Its own `sleep` goes with it when the trap stops it, so nothing waits on after the run.
(
	sleep "$TIMEOUT" &
	sleeper=$!
	trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
	wait "$sleeper" || exit 0
	echo "FAIL: the scale run hit its hard limit of $TIMEOUT s" >&2
	kill -TERM $$
) &
WATCHDOG_PID=$!

free_port() {
	node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# ---------------------------------------------------------------------------------------------
step "Postgres and Redis (throwaway, 127.0.0.1)"
ensure_packages
PG_PORT="$(free_port)"
REDIS_PORT="$(free_port)"
start_postgres "$PG_PORT"
start_redis "$REDIS_PORT"

# n8n's settings for queue mode, on top of setup.sh's:
export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT="$PG_PORT"
export DB_POSTGRESDB_DATABASE=n8n DB_POSTGRESDB_USER=n8n DB_POSTGRESDB_PASSWORD=""
export QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT="$REDIS_PORT"
# A dead worker's job goes back to the queue when its lock expires and another worker's stalled
# check sees it. n8n's defaults (lock 60 s, check every 30 s) mean up to 90 s; shorter here so
# the run stays short. Production may keep the defaults: README, "Running at scale".
export QUEUE_WORKER_LOCK_DURATION=20000 QUEUE_WORKER_LOCK_RENEW_TIME=5000 QUEUE_WORKER_STALLED_INTERVAL=10000
# Three n8n processes share two cores: no task runner beside each (the only Code node counts
# rounds), and a short grace period when the run stops them.
export N8N_RUNNERS_ENABLED=false
export N8N_GRACEFUL_SHUTDOWN_TIMEOUT=5
export N8N_LOG_LEVEL=info N8N_LOG_FORMAT=text
GATEWAY_PORT="$(free_port)"
PLATFORM_PORT="$(free_port)"

# ---------------------------------------------------------------------------------------------
step "import the credential and one sync loop per shop; activate them"
read -r -a WORKFLOW_IDS < <("$TS_NODE" --transpile-only "$SCALE/fixtures.ts" "$WORK" \
	"http://127.0.0.1:$GATEWAY_PORT/openapi2/" "http://127.0.0.1:$PLATFORM_PORT/api/shipments")
run_n8n import-credentials 300 import:credentials --input="$WORK/credentials.json"
run_n8n import-workflow 300 import:workflow --separate --input="$WORK/workflows"
for id in "${WORKFLOW_IDS[@]}"; do
	run_n8n "activate-$id" 300 update:workflow --id="$id" --active=true
done
echo "imported and activated ${WORKFLOW_IDS[*]}"

# ---------------------------------------------------------------------------------------------
step "scenarios: $SCENARIOS ($RECORDS records per shop)"
status=0
IFS=',' read -r -a SCENARIO_LIST <<<"$SCENARIOS"
for scenario in "${SCENARIO_LIST[@]}"; do
	case "$scenario" in
		queue-off) mode=queue save=off ;;
		queue-on) mode=queue save=on ;;
		single) mode=single save=off ;;
		*) echo "unknown scenario: $scenario" >&2; exit 2 ;;
	esac
	echo
	echo "-- scenario $scenario"
	clean_npm_env
	setsid "$TS_NODE" --transpile-only "$SCALE/orchestrate.ts" --work "$WORK" --n8n-home "$N8N_HOME" \
		--mode "$mode" --save-progress "$save" --gateway-port "$GATEWAY_PORT" --platform-port "$PLATFORM_PORT" \
		--records "$RECORDS" --budget 1100 --label "$scenario" --result "$WORK/result-$scenario.json" &
	ORCH_PID=$!
	scenario_status=0
	wait "$ORCH_PID" || scenario_status=$?
	ORCH_PID=""
	[[ $scenario_status -eq 0 ]] || status=1
done

echo
if [[ $status -eq 0 ]]; then
	RESULT="PASS"
	echo "PASS: the sync loop at scale in n8n $N8N_VERSION queue mode ($SCENARIOS), $((SECONDS - started_at)) s"
	exit 0
fi
RESULT="REPORTED"
echo "FAIL: the sync loop at scale in n8n $N8N_VERSION ($SCENARIOS): see the FAIL lines above"
exit 1
