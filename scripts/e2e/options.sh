#!/usr/bin/env bash
# Sourced by run.sh and bench.sh with their arguments: the options both take. Sets N8N_VERSION,
# NODE_OVERRIDE and KEEP; prints the caller's header on --help (lines HELP_LINES of the caller);
# leaves every other argument, in order, in REST_ARGS for the caller to read.
#   --n8n-version V  n8n to run (default 1.123.50, the last 1.x that runs on Node 20; 1.85.4 is the
#                    oldest the package supports). Also N8N_E2E_VERSION.
#   --node PATH      the node binary to run npm and n8n with, e.g. a Node 24 for n8n 2.x. Also N8N_E2E_NODE.
#   --keep           keep the run's temporary folder even on success.

N8N_VERSION="${N8N_E2E_VERSION:-1.123.50}"
NODE_OVERRIDE="${N8N_E2E_NODE:-}"
KEEP=false
REST_ARGS=()
while [[ $# -gt 0 ]]; do
	case "$1" in
		--n8n-version) N8N_VERSION="${2:?--n8n-version needs a version}"; shift 2 ;;
		--n8n-version=*) N8N_VERSION="${1#*=}"; shift ;;
		--node) NODE_OVERRIDE="${2:?--node needs a path}"; shift 2 ;;
		--node=*) NODE_OVERRIDE="${1#*=}"; shift ;;
		--keep) KEEP=true; shift ;;
		-h | --help) sed -n "${HELP_LINES:-2,20}p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) REST_ARGS+=("$1"); shift ;;
	esac
done
