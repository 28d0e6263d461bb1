#!/usr/bin/env bash
# `npm run verify`: what n8n's community-package verification would say, before publishing.
#   1. build, and pack the package exactly as `npm publish` would;
#   2. lint the sources (package.json, nodes/, credentials/) and the packed JavaScript with the
#      scanner's rules (eslint.verify.config.mjs), ignoring eslint-disable comments as it does;
#   3. check the package policy on the tarball (scripts/verify-package.mjs).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npm run --silent build >/dev/null
tarball="$(npm pack --silent --pack-destination "$work")"
mkdir "$work/package-root"
tar -xzf "$work/$tarball" -C "$work/package-root" --strip-components=1

echo "== lint: sources, with the scanner's rules and no inline disables"
npx eslint --no-inline-config --no-config-lookup -c eslint.verify.config.mjs \
	package.json 'nodes/**/*.ts' 'nodes/**/*.json' 'credentials/**/*.ts'
echo "ok"
echo "== lint: the packed JavaScript ($tarball)"
(cd "$work/package-root" && npx --prefix "$repo" eslint --no-inline-config -c "$repo/eslint.verify.config.mjs" '**/*.js' package.json)
echo "ok"
echo "== package policy"
node scripts/verify-package.mjs "$work/package-root"
