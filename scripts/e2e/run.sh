#!/usr/bin/env bash
# `npm run test:e2e`: this package in a REAL n8n, end to end. Not part of `npm test`: the first
# run installs n8n (5-15 minutes: downloads, and sqlite3 built from source); later runs reuse that
# install and take 1-2 minutes.
#
#   bash scripts/e2e/run.sh [--n8n-version 1.123.50] [--node /path/to/node] [--keep]
#
#   --n8n-version V  n8n to test against (default 1.123.50, the last 1.x that runs on Node 20;
#                    1.123.66+ pull a native module that needs Node 22). Also N8N_E2E_VERSION.
#                    2.x needs Node >= 22: with an older Node the run is skipped with a message.
#   --node PATH      the node binary to run npm and n8n with (its folder goes first on PATH),
#                    e.g. a Node 24 for n8n 2.x. Also N8N_E2E_NODE. Default: `node` on PATH.
#   --keep           keep the temporary folder (user folder, logs, outputs) even on success.
#   N8N_E2E_CACHE    where n8n is installed and kept between runs
#                    (default ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-wangdiantong-e2e).
#
# What it does:
#   1-3. what setup.sh does: installs n8n into the cache folder, outside the repo, or reuses it;
#      builds this package and packs it with `npm pack`; makes a fresh N8N_USER_FOLDER and
#      installs the tarball into <user folder>/.n8n/nodes the way n8n's own community-package
#      installer does;
#   4. starts the mock openapi2 gateway (test/mock/cli.ts) on a free loopback port, seeded with the
#      6 pending records rec_id 100001–100006 and 230 more in a loop shop, and a mock shop platform;
#   5. imports a credential pointing at the mock (id `wdt-mock`, as the examples name it),
#      examples/acknowledge.workflow.json and examples/logistics-sync-loop.workflow.json (copies
#      with ids; the loop's schedule trigger made a manual one) with n8n's own CLI;
#   6. runs both with `n8n execute --id=… --rawOutput` and checks (helpers.ts check) that
#      "Acknowledge to ERP" sent 6 items to Acknowledged (100001–100006) and 2 to Failed (999999
#      rejected, TRK-7 invalid), each with `wdtAck`; that the loop drained its 230 records in
#      3 rounds plus an empty one, pushing each to the platform and acknowledging each exactly
#      once (platform refusals as status 1); and that the mock's ledger holds exactly those acks;
#      then stuckLoop.ts runs the loop once more where the ERP keeps refusing two records,
#      stockSync.ts runs examples/stock-sync.workflow.json (Stock Sync's Get Changes and
#      Acknowledge) tick after tick until nothing is pending, and pushExamples.ts the three push
#      examples: goods-push (a catalogue of 4,502 SKUs, `n8n execute`), then trade-push and
#      refund-push activated in `n8n start`, the shop's orders and refunds POSTed to their
#      webhooks, each checked by its answer, its saved execution and the mock's ledger.
#   7. n8n's own HTTP Request node with the credential, against a second mock (httpRequest.sh).
# Prints PASS or FAIL; exits non-zero on failure. Every process it starts (mock, n8n and n8n's
# children) is stopped on exit, failure and Ctrl+C included (trap on EXIT).
set -euo pipefail

HELP_LINES="2,40"
# shellcheck source=options.sh
source "$(dirname "${BASH_SOURCE[0]}")/options.sh"
if [[ ${#REST_ARGS[@]} -gt 0 ]]; then echo "unknown argument: ${REST_ARGS[0]} (see --help)" >&2; exit 2; fi

STEPS=7
WHAT="end-to-end"
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# ---------------------------------------------------------------------------------------------
step "mock openapi2 gateway"
STATE="$WORK/mock-state.json"
start_mock "$STATE" "$WORK/mock.log" --platform --seed mock-shop=6 --seed e2e-loop-shop=230
cat "$WORK/mock.log"

# ---------------------------------------------------------------------------------------------
step "import the credential and the two example workflows"
read -r WORKFLOW_ID LOOP_WORKFLOW_ID < <("$TS_NODE" --transpile-only "$E2E/helpers.ts" fixtures "$WORK" "$STATE")
run_n8n import-credentials 300 import:credentials --input="$WORK/credentials.json"
log_message import-credentials "Successfully imported"
run_n8n import-workflow 300 import:workflow --separate --input="$WORK/workflows"
log_message import-workflow "Successfully imported"

# ---------------------------------------------------------------------------------------------
step "n8n execute: the acknowledge example ($WORKFLOW_ID), then the sync loop ($LOOP_WORKFLOW_ID)"
execute_status=0
run_n8n execute 300 execute --id="$WORKFLOW_ID" --rawOutput || execute_status=$?
run_n8n execute-loop 300 execute --id="$LOOP_WORKFLOW_ID" --rawOutput || execute_status=$?
# Stop the mock first: its last write of the ledger is then final.
stop_group "$MOCK_PID"
MOCK_PID=""
log_message execute "n8n Task Broker ready|Registered runner"

echo
echo "Checks:"
check_status=0
"$TS_NODE" --transpile-only "$E2E/helpers.ts" check "$WORK/execute.out" "$WORK/execute-loop.out" "$STATE" || check_status=$?
# The sync loop again, with records the ERP keeps refusing: its own mock, import and execute.
setsid "$TS_NODE" --transpile-only "$E2E/stuckLoop.ts" "$WORK" "$N8N_BIN" &
N8N_PID=$!
wait "$N8N_PID" || check_status=$?
N8N_PID=""
# The stock-sync example, tick after tick of its schedule: its own mock, platform, import and execute.
setsid "$TS_NODE" --transpile-only "$E2E/stockSync.ts" "$WORK" "$N8N_BIN" &
N8N_PID=$!
wait "$N8N_PID" || check_status=$?
N8N_PID=""
# The three push examples: its own mock and catalogue, `n8n execute`, then `n8n start` for the webhooks.
setsid "$TS_NODE" --transpile-only "$E2E/pushExamples.ts" "$WORK" "$N8N_BIN" "$N8N_VERSION" &
N8N_PID=$!
wait "$N8N_PID" || check_status=$?
N8N_PID=""

# shellcheck source=httpRequest.sh
source "$E2E/httpRequest.sh"

echo
if [[ $execute_status -eq 0 && $check_status -eq 0 && $HTTP_STATUS -eq 0 ]]; then
	RESULT="PASS"
	echo "PASS: n8n-nodes-wangdiantong in n8n $N8N_VERSION (Node.js $NODE_VERSION), $((SECONDS - started_at)) s"
	exit 0
fi
RESULT="REPORTED"
echo "FAIL: n8n-nodes-wangdiantong in n8n $N8N_VERSION (Node.js $NODE_VERSION): n8n execute exit $execute_status, checks exit $check_status, HTTP Request exit $HTTP_STATUS"
exit 1
