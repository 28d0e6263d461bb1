#!/usr/bin/env bash
# Sourced by run.sh after its own checks (it needs setup.sh's step, run_n8n, stop_group, WORK,
# N8N_HOME): n8n's own HTTP Request node with the Wangdiantong credential, every typeVersion this
# n8n offers from 3 on, every way the node carries parameters (httpRequestCheck.ts).
# A second mock gateway with its own records, so the examples' checks keep counting theirs; it
# is MOCK_PID while it runs, so run.sh's EXIT trap stops it on any failure. Sets HTTP_STATUS.

step "n8n's HTTP Request node with the credential"
HTTP_STATE="$WORK/http-mock-state.json"
start_mock "$HTTP_STATE" "$WORK/http-mock.log" --platform --seed mock-shop=6 --seed e2e-loop-shop=230
read -r HTTP_WORKFLOW_ID HTTP_VERSIONS < <("$TS_NODE" --transpile-only "$E2E/httpRequestCheck.ts" fixtures "$WORK" "$HTTP_STATE" "$N8N_HOME")
echo "HTTP Request typeVersions $HTTP_VERSIONS, workflow $HTTP_WORKFLOW_ID"
run_n8n import-http-credentials 300 import:credentials --input="$WORK/http-credentials.json"
run_n8n import-http-workflow 300 import:workflow --separate --input="$WORK/http-workflows"
HTTP_STATUS=0
run_n8n execute-http 300 execute --id="$HTTP_WORKFLOW_ID" --rawOutput || HTTP_STATUS=$?
# Stop the mock first: its last write of the ledger is then final.
stop_group "$MOCK_PID"
MOCK_PID=""
echo
echo "Checks (HTTP Request):"
"$TS_NODE" --transpile-only "$E2E/httpRequestCheck.ts" check "$WORK/execute-http.out" "$HTTP_STATE" || HTTP_STATUS=$?
