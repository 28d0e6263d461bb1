#!/usr/bin/env bash
# `npm run test:ui`: the package in n8n's EDITOR, as a user meets it, driven in headless Chromium.
# Not part of `npm test`. Same real n8n and mock gateway as `npm run test:e2e` (scripts/e2e/).
#
#   bash scripts/ui/run.sh [--n8n-version 1.123.50] [--node /path/to/node] [--keep] [--pause]
#
#   --n8n-version, --node, --keep   as in scripts/e2e/run.sh (scripts/e2e/options.sh); n8n 2.x:
#                    --n8n-version 2.40.7 --node /path/to/node24/bin/node
#   --pause          after the checks, leave n8n and the mock running and print the editor's URL
#                    and the owner's login, to look around by hand; Ctrl+C ends everything
#
# What it needs, and installs when missing:
#   - Debian's `chromium` package (/usr/bin/chromium): no browser download works on these
#     machines, so playwright-core (a devDependency) drives the system's Chromium. When
#     /usr/bin/chromium is missing this script runs `apt-get install -y chromium fonts-noto-cjk
#     fonts-noto-color-emoji` (as root, or through sudo; the fonts make the screenshots' Chinese
#     readable, the checks do not need them); CHROMIUM=/path/to/chrome uses another binary
#     (Google Chrome, as in CI) instead.
#   - n8n, installed once into ~/.cache (scripts/e2e/install-n8n.sh: 5-15 minutes the first time).
#
# What it does:
#   1-3. what scripts/e2e/setup.sh does: n8n from the cache, the packed tarball installed as n8n's
#      community-package installer does, a fresh user folder;
#   4. starts the mock openapi2 gateway (test/mock/cli.ts) on a free loopback port;
#   5. imports the mock's credential under the id the example names (`wdt-mock`) with n8n's CLI;
#   6. starts `n8n start` on a free loopback port and waits until it answers;
#   7. scripts/ui/editor.ts: sets up the owner account through n8n's REST API, then drives the
#      editor in headless Chromium: finds the node by 旺店通 and by "Wangdiantong", opens each
#      operation's panel and checks its labels (a push's field mapper switched to "Map Each Column
#      Manually": its fields, their codes), creates a credential and reads its Test result for
#      a right and a wrong secret, imports examples/acknowledge.workflow.json from the file menu,
#      runs it and reads both output tabs, runs Get Pending and checks that no "Return All" hint
#      appears, runs the example on a credential with a wrong secret and reads the Stop error in
#      the node's output panel. One `PASS <check>` / `FAIL <check>: why` line per check, then
#      `N passed, N failed`. UI_ONLY="<part>" (a part's name in editor.ts's main) runs one part.
# Screenshots of every step: test-results/ui/ (gitignored). Exits non-zero on any failure. Every
# process it starts (mock, n8n and its children, Chromium) is stopped on exit, Ctrl+C included.
set -euo pipefail

HELP_LINES="2,37"
# shellcheck source=../e2e/options.sh
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/options.sh"
PAUSE=false
for arg in "${REST_ARGS[@]+"${REST_ARGS[@]}"}"; do
	case "$arg" in
		--pause) PAUSE=true ;;
		*) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
	esac
done

# ---------------------------------------------------------------------------------------------
# Chromium first: without it nothing below is worth starting.
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" ]]; then
	if [[ "$CHROMIUM" != /usr/bin/chromium ]]; then echo "CHROMIUM=$CHROMIUM is not an executable" >&2; exit 2; fi
	echo "Chromium is missing: installing Debian's chromium package and CJK fonts (apt-get)"
	as_root=()
	if [[ "$(id -u)" -ne 0 ]]; then
		command -v sudo >/dev/null || { echo "need root or sudo to run apt-get install chromium" >&2; exit 2; }
		as_root=(sudo)
	fi
	"${as_root[@]+"${as_root[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${as_root[@]+"${as_root[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-color-emoji
	[[ -x "$CHROMIUM" ]] || { echo "apt-get install chromium did not provide $CHROMIUM" >&2; exit 2; }
fi
export CHROMIUM

STEPS=7
WHAT="editor (UI) test"
# shellcheck source=../e2e/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/setup.sh"
UI="$REPO/scripts/ui"
SHOTS="$REPO/test-results/ui"

# ---------------------------------------------------------------------------------------------
step "mock openapi2 gateway"
STATE="$WORK/mock-state.json"
LOOP_SHOP=e2e-loop-shop
# As scripts/e2e/run.sh starts it: the example's 6 records in mock-shop, 230 in the loop shop
# (Get Pending's run reads those).
start_mock "$STATE" "$WORK/mock.log" --platform --seed mock-shop=6 --seed "$LOOP_SHOP=230"
cat "$WORK/mock.log"

# ---------------------------------------------------------------------------------------------
# The example names its credential by id (`wdt-mock`); the one imported here is what it finds
# after the editor imports the workflow. The editor test creates its own credentials as well.
step "import the mock's credential (id wdt-mock) with n8n's CLI"
"$TS_NODE" --transpile-only "$E2E/helpers.ts" fixtures "$WORK" "$STATE" >/dev/null
run_n8n import-credentials 300 import:credentials --input="$WORK/credentials.json"
log_message import-credentials "Successfully imported"

# ---------------------------------------------------------------------------------------------
# The port is picked again right before the start: other processes on a shared machine may have
# taken the one setup.sh picked a while ago, and n8n would then fail, or worse, another server
# would answer the editor's requests. n8n counts as up only when its own log says it listens on
# this port and its REST API (which the editor needs; /healthz answers earlier) answers, the
# login route included: n8n 2.x answers /rest/settings a few seconds before it has its other
# routes (a POST to /rest/login is "Cannot POST" 404 until then; 400 or 401 once it is there).
N8N_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export N8N_PORT
step "n8n start on http://127.0.0.1:$N8N_PORT"
clean_npm_env
setsid "$N8N_BIN" start >"$WORK/n8n-start.out" 2>"$WORK/n8n-start.err" &
N8N_PID=$!
EDITOR_URL="http://127.0.0.1:$N8N_PORT"
n8n_up() {
	grep -q "ready on 127.0.0.1, port $N8N_PORT" "$WORK/n8n-start.out" 2>/dev/null &&
		curl -fsS -o /dev/null "$EDITOR_URL/rest/settings" 2>/dev/null &&
		[[ "$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' -d '{}' "$EDITOR_URL/rest/login" 2>/dev/null)" != 404 ]]
}
deadline=$((SECONDS + 300))
until n8n_up; do
	kill -0 "$N8N_PID" 2>/dev/null || { echo "n8n stopped:" >&2; tail -n 30 "$WORK/n8n-start.out" "$WORK/n8n-start.err" >&2; exit 1; }
	((SECONDS < deadline)) || { echo "n8n did not answer in 300 s" >&2; tail -n 30 "$WORK/n8n-start.out" "$WORK/n8n-start.err" >&2; exit 1; }
	sleep 0.5
done
echo "n8n answers on $EDITOR_URL"

# ---------------------------------------------------------------------------------------------
step "the editor in headless Chromium (screenshots: ${SHOTS#"$REPO/"}/)"
ui_status=0
"$TS_NODE" --transpile-only "$UI/editor.ts" --url "$EDITOR_URL" --n8n-version "$N8N_VERSION" --state "$STATE" --shop "$LOOP_SHOP" --shots "$SHOTS" \
	--profile "$WORK/chromium-profile" || ui_status=$?

if [[ "$PAUSE" == true ]]; then
	echo
	echo "n8n runs on $EDITOR_URL (owner: see scripts/ui/owner.ts); Ctrl+C ends it and the mock."
	wait "$N8N_PID" || true
fi

echo
if [[ $ui_status -eq 0 ]]; then
	RESULT="PASS"
	echo "PASS: the editor with n8n-nodes-wangdiantong in n8n $N8N_VERSION (Node.js $NODE_VERSION), $((SECONDS - started_at)) s"
	exit 0
fi
RESULT="REPORTED"
echo "FAIL: the editor with n8n-nodes-wangdiantong in n8n $N8N_VERSION (Node.js $NODE_VERSION)"
exit 1
