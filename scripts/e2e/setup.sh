#!/usr/bin/env bash
# Sourced by run.sh (the end-to-end check) and bench.sh (the benchmark in a real n8n): everything
# both need before they start the mock gateway. The caller sets N8N_VERSION, NODE_OVERRIDE (may be
# empty), KEEP (true/false), STEPS (its number of steps, for the "n/N" labels) and WHAT (what the
# run is, for its first line), then sources this file, which:
#   - picks the Node.js (--node) and skips, exit 0, when it cannot run that n8n;
#   - makes the run's temporary folder $WORK and the EXIT trap that stops every process the run
#     started (MOCK_PID, N8N_PID: process groups) and removes $WORK on success unless --keep;
#   - step 1: installs n8n into the cache folder, outside the repo, or reuses it (install-n8n.sh);
#   - step 2: builds this package and packs it with `npm pack`, as it would be published;
#   - step 3: makes a fresh N8N_USER_FOLDER and installs the tarball into <user folder>/.n8n/nodes
#     the way n8n's own community-package installer does (install_like_n8n);
#   - exports n8n's settings (each commented) and defines run_n8n, log_message and start_mock.
# The caller sets RESULT=PASS when it succeeded (REPORTED when it failed and said so itself).

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$REPO/scripts/e2e"
TS_NODE="$REPO/node_modules/.bin/ts-node"
# shellcheck source=install-n8n.sh
source "$E2E/install-n8n.sh"

started_at=$SECONDS
STEP_NO=0
CURRENT_STEP="start"
step() {
	STEP_NO=$((STEP_NO + 1))
	CURRENT_STEP="$*"
	echo
	echo "== [$((SECONDS - started_at)) s] $STEP_NO/$STEPS $*"
}

# ---------------------------------------------------------------------------------------------
# Node.js. n8n 2.x needs Node >= 22 (24 recommended) whatever its engines field says (2.0's
# still allowed 20, but its dependencies do not run there), and every version must fit its own
# `engines.node` (1.123.50: ">=20.19 <= 24.x"), asked from the registry before installing.
if [[ -n "$NODE_OVERRIDE" ]]; then
	[[ -x "$NODE_OVERRIDE" ]] || { echo "not an executable: $NODE_OVERRIDE" >&2; exit 2; }
	# npm and n8n's `#!/usr/bin/env node` both follow PATH, so the chosen node's folder goes first.
	PATH="$(cd "$(dirname "$NODE_OVERRIDE")" && pwd):$PATH"
	export PATH
fi
NODE_VERSION="$(node --version)"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
N8N_MAJOR="${N8N_VERSION%%.*}"
skip() {
	echo "SKIP: n8n $N8N_VERSION: $1; this is Node.js $NODE_VERSION."
	echo "      To test it, run again with --node /path/to/node24/bin/node (or N8N_E2E_NODE=...)."
	exit 0
}
if [[ "$N8N_MAJOR" -ge 2 && "$NODE_MAJOR" -lt 22 ]]; then
	skip "n8n 2.x needs Node.js >= 22 (24 recommended)"
fi
CACHE_ROOT="${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-wangdiantong-e2e}"
N8N_HOME="$CACHE_ROOT/n8n-$N8N_VERSION"
if [[ -f "$N8N_HOME/node_modules/n8n/package.json" ]]; then  # installed: no need to ask
	N8N_ENGINES="$(node -p 'require(process.argv[1]).engines?.node ?? ""' "$N8N_HOME/node_modules/n8n/package.json")"
else
	N8N_ENGINES="$(cd "${TMPDIR:-/tmp}" && npm view "n8n@$N8N_VERSION" engines.node 2>/dev/null || true)"
fi
if [[ -n "$N8N_ENGINES" ]] && ! node -e '
	let semver;
	try { semver = require(require.resolve("semver", { paths: [process.argv[1]] })); } catch { process.exit(0); }
	process.exit(semver.satisfies(process.versions.node, process.argv[2]) ? 0 : 1);
' "$REPO" "$N8N_ENGINES" 2>/dev/null; then
	skip "its engines field asks for Node.js $N8N_ENGINES"
fi
echo "n8n-nodes-wangdiantong $WHAT: n8n $N8N_VERSION on Node.js $NODE_VERSION"

# ---------------------------------------------------------------------------------------------
# Temporary folder and clean-up. Everything a run makes lives here; n8n's cache does not.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wdt-n8n-e2e.XXXXXX")"
MOCK_PID=""
N8N_PID=""
RESULT="FAIL"

# Stops a process group started with setsid (the process and its children: n8n's task runner,
# ts-node's node) by its id: TERM first, KILL after 10 s.
stop_group() {
	local pid="$1" i
	[[ -n "$pid" ]] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	for i in $(seq 1 100); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	stop_group "$N8N_PID"
	stop_group "$MOCK_PID"
	if [[ "$RESULT" != "PASS" && "$RESULT" != "REPORTED" ]]; then
		echo "FAIL: stopped during step \"$CURRENT_STEP\" (exit $status$( ((status == 130 || status == 143)) && echo ", interrupted"))"
	fi
	if [[ "$RESULT" == "PASS" && "$KEEP" == false ]]; then
		rm -rf "$WORK"
	else
		echo "(files of this run kept in $WORK)"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A child npm must not inherit the npm_config_* variables `npm run` exported from the repo's
# .npmrc (ignore-scripts, legacy-peer-deps...): clean_npm_env, from install-n8n.sh.

# ---------------------------------------------------------------------------------------------
step "n8n $N8N_VERSION"
case "$N8N_HOME/" in
	"$REPO"/*) echo "the n8n cache must be outside the repo (its .npmrc would apply): $N8N_HOME" >&2; exit 2 ;;
esac
install_n8n "$N8N_VERSION" "$N8N_HOME"
N8N_BIN="$N8N_HOME/node_modules/.bin/n8n"

# ---------------------------------------------------------------------------------------------
step "build and pack n8n-nodes-wangdiantong"
(cd "$REPO" && npm run build) >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
TARBALL_NAME="$(cd "$REPO" && npm pack --pack-destination "$WORK" --silent 2>"$WORK/pack.log" | tail -n 1)"
TARBALL="$WORK/$TARBALL_NAME"
[[ -f "$TARBALL" ]] || { echo "npm pack made no tarball" >&2; cat "$WORK/pack.log" >&2; exit 1; }
echo "packed $TARBALL_NAME ($(tar -tzf "$TARBALL" | wc -l) files)"

# Nothing from the developer's own n8n setup (a shell with N8N_*, DB_*, EXECUTIONS_* ... exported
# for their n8n): only the settings below apply. N8N_E2E_* are this script's own.
while IFS= read -r name; do
	case "$name" in
		N8N_E2E_*) ;;
		*) unset "$name" ;;
	esac
done < <(compgen -e | grep -E '^(N8N_|DB_|EXECUTIONS_|QUEUE_|CREDENTIALS_|NODES_|NODE_FUNCTION_|WEBHOOK_URL|GENERIC_)' || true)

# ---------------------------------------------------------------------------------------------
step "fresh n8n user folder; install the tarball as n8n's community-package installer does"
export N8N_USER_FOLDER="$WORK/user"           # n8n keeps everything in $N8N_USER_FOLDER/.n8n
NODES_DIR="$N8N_USER_FOLDER/.n8n/nodes"       # n8n's nodesDownloadDir

# n8n 1.123's CommunityPackagesService (modules/community-packages), step by step:
#  - ensurePackageJson: nodes/package.json = { name: installed-nodes, private, dependencies: {} };
#  - downloadPackage: `npm pack <name>@<version>` in nodes/ (here: our own tarball instead), untar
#    it into nodes/node_modules/<name>, drop its devDependencies, peerDependencies and
#    optionalDependencies from its package.json, then run `npm install` in that folder with
#    --bin-links=false --install-strategy=shallow --ignore-scripts=true --package-lock=false;
#  - record the version in nodes/package.json.
# Dropping peerDependencies matters: our peer `n8n-workflow` is then NOT installed beside the
# package, and `require('n8n-workflow')` resolves to n8n's own copy, through the NODE_PATH n8n
# sets at start (load-nodes-and-credentials.ts). At start n8n loads every n8n-nodes-* folder in
# nodes/node_modules (the community-packages module's loadDir).
install_like_n8n() {
	local tarball="$1" name version pkg_dir
	name="$(tar -xzOf "$tarball" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).name')"
	pkg_dir="$NODES_DIR/node_modules/$name"
	mkdir -p "$pkg_dir"
	node -e '
		const fs = require("fs"), file = process.argv[1];
		if (!fs.existsSync(file)) {
			fs.writeFileSync(file, JSON.stringify({ name: "installed-nodes", private: true, dependencies: {} }, null, 2));
		}
	' "$NODES_DIR/package.json"
	tar -xzf "$tarball" -C "$pkg_dir" --strip-components=1
	version="$(node -e '
		const fs = require("fs"), file = process.argv[1];
		const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(file, "utf8"));
		fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
		console.log(pkg.version);
	' "$pkg_dir/package.json")"
	(
		cd "$pkg_dir"
		clean_npm_env
		npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow \
			--ignore-scripts=true --package-lock=false --registry=https://registry.npmjs.org
	) >"$WORK/nodes-install.log" 2>&1 || { cat "$WORK/nodes-install.log" >&2; return 1; }
	node -e '
		const fs = require("fs"), [file, name, version] = process.argv.slice(1);
		const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
		pkg.dependencies[name] = version;
		fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
	' "$NODES_DIR/package.json" "$name" "$version"
	echo "installed $name@$version into $pkg_dir"
	[[ ! -e "$pkg_dir/node_modules/n8n-workflow" ]] || { echo "n8n-workflow was installed beside the package" >&2; return 1; }
}
install_like_n8n "$TARBALL"

# Every value the package takes from n8n-workflow at run time must exist in THIS n8n's copy, which
# is the one it gets: n8n 2.x dropped `sleepWithAbort`, and the node's waits were silently
# skipped there until it stopped using it. (npm run verify checks a fixed list; this, the real one.)
node --input-type=module -e '
	import { createRequire } from "node:module";
	const [uses, n8nDir, dist] = process.argv.slice(1);
	const { n8nWorkflowNamesUsed } = await import(uses);
	const workflow = createRequire(n8nDir + "/")("n8n-workflow");
	const used = n8nWorkflowNamesUsed(dist);
	const missing = used.filter((name) => workflow[name] === undefined);
	if (missing.length > 0) {
		console.error(`this n8n'"'"'s n8n-workflow lacks what the package uses: ${missing.join(", ")}`);
		process.exit(1);
	}
	console.log(`this n8n'"'"'s n8n-workflow has all ${used.length} values the package uses (${used.join(", ")})`);
' "$REPO/scripts/n8nWorkflowUses.mjs" "$N8N_HOME/node_modules/n8n" "$NODES_DIR/node_modules/n8n-nodes-wangdiantong/dist"

# n8n's settings, each for a reason:
export DB_TYPE=sqlite                           # the default database: a file in the user folder
export N8N_ENCRYPTION_KEY="wdt-e2e-$(date +%s)" # fixed for the run: import:credentials encrypts
                                                #   the credential with it, execute decrypts it
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true   # n8n writes its config file 0600, no warning
export N8N_DIAGNOSTICS_ENABLED=false            # no telemetry (rudderstack, posthog)
export N8N_VERSION_NOTIFICATIONS_ENABLED=false  # no version check against n8n's servers
export N8N_PERSONALIZATION_ENABLED=false        # no onboarding survey
export N8N_TEMPLATES_ENABLED=false              # no template gallery calls
export N8N_HIRING_BANNER_ENABLED=false
export N8N_DYNAMIC_BANNERS_ENABLED=false        # no banner fetch
export N8N_LICENSE_AUTO_RENEW_ENABLED=false     # no license server
export N8N_AI_ENABLED=false
# n8n 2.x's MCP registry module fetches https://api.n8n.io/api/mcp-servers once `n8n start` runs
# (2.40.7 seen; the push examples' webhooks need the server). Off where this n8n has the module:
# naming a module an n8n does not know stops it from starting.
if grep -q "'mcp-registry'" "$N8N_HOME/node_modules/@n8n/backend-common/dist/modules/modules.config.js" 2>/dev/null; then
	export N8N_DISABLED_MODULES=mcp-registry
fi
export N8N_COMMUNITY_PACKAGES_ENABLED=true      # load packages from .n8n/nodes (the default; explicit)
export N8N_REINSTALL_MISSING_PACKAGES=false     # never reach the registry from n8n itself
export N8N_SECURE_COOKIE=false                  # plain http on localhost (no server runs here anyway)
export N8N_HOST=127.0.0.1 N8N_LISTEN_ADDRESS=127.0.0.1
export N8N_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# The Code node in the example runs in n8n's task runner, as it does by default in n8n 2.x and as
# 1.x recommends: internal mode (n8n starts the runner as its child process), with the broker on
# a free loopback port so a local n8n on 5679 does not collide.
export N8N_RUNNERS_ENABLED=true N8N_RUNNERS_MODE=internal
# Except in n8n 1.x before 1.123: there `n8n execute` never starts the task runner (1.85.4 seen),
# so the Code node waits for one forever. Those versions run the Code node in n8n's own process
# by default, and so does this run.
N8N_MINOR="${N8N_VERSION#*.}"
N8N_MINOR="${N8N_MINOR%%.*}"
if [[ "$N8N_MAJOR" -eq 1 && "$N8N_MINOR" -lt 123 ]]; then export N8N_RUNNERS_ENABLED=false; fi
export N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1
export N8N_RUNNERS_BROKER_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export N8N_BLOCK_ENV_ACCESS_IN_NODE=true        # n8n 2.x's default; the example needs no env
# `n8n execute --rawOutput` prints the run through n8n's logger (level info), so logs go to stdout
# as JSON lines: helpers.ts finds the run among them. Each command's stdout is kept in a file.
export N8N_LOG_LEVEL=info N8N_LOG_OUTPUT=console N8N_LOG_FORMAT=json
export GENERIC_TIMEZONE=Asia/Shanghai           # the ERP's zone; nothing depends on it
export NODE_ENV=production                      # as n8n runs when deployed (and as its installer
                                                #   runs npm): no development-only checks

# Runs an n8n CLI command as its own process group (so stop_group can end its children too),
# with a time limit; stdout and stderr go to files named after the step.
run_n8n() {
	local label="$1" limit="$2" status=0
	shift 2
	clean_npm_env
	setsid timeout --kill-after=10 "$limit" "$N8N_BIN" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err" &
	N8N_PID=$!
	wait "$N8N_PID" || status=$?
	N8N_PID=""
	if [[ $status -ne 0 ]]; then
		echo "n8n $1 failed (exit $status)$([[ $status -eq 124 ]] && echo ": timed out after ${limit} s")" >&2
		tail -n 30 "$WORK/$label.out" "$WORK/$label.err" | cut -c 1-400 >&2 || true
	fi
	return $status
}

# Prints the messages of a command's JSON log lines that match a pattern (an extended regexp).
log_message() {
	grep -h -E "\"message\":\"($2)" "$WORK/$1.out" 2>/dev/null \
		| node -e 'require("fs").readFileSync(0, "utf8").trim().split("\n").filter(Boolean).forEach((l) => console.log("n8n: " + JSON.parse(l).message))' || true
}


# Starts the mock openapi2 gateway (test/mock/cli.ts, its own process group) on a free loopback
# port and waits until it has written its state file: start_mock STATE LOG [CLI flags...]. Sets
# MOCK_PID, which the EXIT trap stops.
start_mock() {
	local state="$1" log="$2"
	shift 2
	setsid "$TS_NODE" --transpile-only "$REPO/test/mock/cli.ts" --port 0 --state "$state" "$@" >"$log" 2>&1 &
	MOCK_PID=$!
	for _ in $(seq 1 300); do
		[[ -f "$state" ]] && return 0
		kill -0 "$MOCK_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
		sleep 0.1
	done
	echo "the mock gateway did not start in 30 s" >&2
	cat "$log" >&2
	exit 1
}
