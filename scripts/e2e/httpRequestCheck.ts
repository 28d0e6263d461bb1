/**
 * n8n's own HTTP Request node with the Wangdiantong credential (Authentication → Predefined
 * Credential Type), in the real n8n of run.sh (sourced from httpRequest.sh). Two subcommands:
 *
 *   ts-node --transpile-only scripts/e2e/httpRequestCheck.ts fixtures <dir> <mock-state-file> <n8n-home>
 *     Writes <dir>/http-credentials.json (a credential for this run's second mock gateway) and
 *     <dir>/http-workflows/http-request.json, and prints the workflow's id. The workflow has, for
 *     every HTTP Request typeVersion this n8n offers from 3 on (read from its own node) and every
 *     way the node can carry parameters (below), a "Query" node asking logistics_sync_query.php for
 *     2 records of the mock's loop shop and an "Ack" node acknowledging exactly those through
 *     logistics_sync_ack.php, each message naming the node; then two nodes whose bodies cannot be
 *     signed (multipart, a JSON array), which must fail with the fix and send nothing.
 *
 *   ts-node --transpile-only scripts/e2e/httpRequestCheck.ts check <execute-stdout> <mock-state-file>
 *     Checks each node's output, that the gateway answered every request with code 0 (so: no bad
 *     sign, no missing parameter), that the refused nodes sent nothing, and that the ledger holds
 *     each record of each pair once with the message its Ack node sent, byte for byte.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { readState, type MockState } from '../../test/mock/cli';
import { DEFAULT_ACCOUNT } from '../../test/mock/gateway';
import { parseExecuteOutput, type ExecuteRun } from './executeOutput';
import { LOOP_SHOP, type Expect } from './loopCheck';

/** n8n 1.x treats workflow ids of at most 16 characters as valid (utils.isWorkflowIdValid). */
export const HTTP_WORKFLOW_ID = 'wdtE2eHttpReq';
const CREDENTIAL = { id: 'wdt-http', name: 'Wangdiantong mock gateway (HTTP Request)' };
/** Each Query asks for this many records: that all of them (not the default 100) come back proves `limit` arrived. */
const LIMIT = 2;
const REFUSED_MULTIPART = 'Refused: Form-Data body';
const REFUSED_JSON_ARRAY = 'Refused: JSON array body';

type Parameters = Record<string, unknown>;

/** One way the HTTP Request node carries parameters, for the query and for the ack. */
interface BodyMode {
	name: string;
	method: 'GET' | 'POST';
	query: (shopNo: string) => Parameters;
	/** `list` is an n8n expression (without `{{ }}`) whose value is the logistics_list array. */
	ack: (list: string) => Parameters;
	/**
	 * Where the answer is read. "JSON" parses it (the gateway labels its JSON text/html, which
	 * "Autodetect" would hand back as text in `data`); but with a Raw body n8n streams the answer
	 * and only Autodetect reads the stream ("JSON" and "Text" output the stream object itself).
	 */
	answer?: 'json' | 'text in data';
}

/** The message an Ack node sends: its own name, Chinese text and every character a form must escape. */
export function ackMessage(node: string): string {
	return `已同步 ${node} &=+%#?`;
}

/** The logistics_list array for the records the previous (Query) node returned, as an expression. */
function listExpression(node: string, mode: BodyMode): string {
	const trades = mode.answer === 'text in data' ? 'JSON.parse($json.data).trades' : '$json.trades';
	return `${trades}.map(t => ({ rec_id: t.rec_id, status: 0, message: ${JSON.stringify(ackMessage(node))} }))`;
}

const keypairs = (entries: Array<[string, string]>) => ({ parameters: entries.map(([name, value]) => ({ name, value })) });
const formText = (shopNo: string) => `shop_no=${encodeURIComponent(shopNo)}&limit=${LIMIT}`;

const MODES: BodyMode[] = [
	{
		name: 'GET query fields',
		method: 'GET',
		query: (shopNo) => ({ sendQuery: true, queryParameters: keypairs([['shop_no', shopNo], ['limit', String(LIMIT)]]) }),
		ack: (list) => ({ sendQuery: true, queryParameters: keypairs([['logistics_list', `={{ JSON.stringify(${list}) }}`]]) }),
	},
	{
		name: 'GET query JSON',
		method: 'GET',
		query: (shopNo) => ({ sendQuery: true, specifyQuery: 'json', jsonQuery: JSON.stringify({ shop_no: shopNo, limit: LIMIT }) }),
		// The list as a JSON array inside the JSON: the credential sends it as its JSON text.
		ack: (list) => ({ sendQuery: true, specifyQuery: 'json', jsonQuery: `={{ JSON.stringify({ logistics_list: ${list} }) }}` }),
	},
	{
		name: 'Form Urlencoded fields',
		method: 'POST',
		query: (shopNo) => ({ sendBody: true, contentType: 'form-urlencoded', bodyParameters: keypairs([['shop_no', shopNo], ['limit', String(LIMIT)]]) }),
		ack: (list) => ({
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: keypairs([['logistics_list', `={{ JSON.stringify(${list}) }}`]]),
		}),
	},
	{
		name: 'Form Urlencoded single field',
		method: 'POST',
		query: (shopNo) => ({ sendBody: true, contentType: 'form-urlencoded', specifyBody: 'string', body: formText(shopNo) }),
		ack: (list) => ({
			sendBody: true,
			contentType: 'form-urlencoded',
			specifyBody: 'string',
			body: `=logistics_list={{ encodeURIComponent(JSON.stringify(${list})) }}`,
		}),
	},
	{
		name: 'Raw form',
		method: 'POST',
		query: (shopNo) => ({ sendBody: true, contentType: 'raw', rawContentType: 'application/x-www-form-urlencoded', body: formText(shopNo) }),
		ack: (list) => ({
			sendBody: true,
			contentType: 'raw',
			rawContentType: 'application/x-www-form-urlencoded',
			body: `=logistics_list={{ encodeURIComponent(JSON.stringify(${list})) }}`,
		}),
		answer: 'text in data',
	},
	{
		name: 'JSON',
		method: 'POST',
		query: (shopNo) => ({ sendBody: true, contentType: 'json', specifyBody: 'json', jsonBody: JSON.stringify({ shop_no: shopNo, limit: LIMIT }) }),
		ack: (list) => ({ sendBody: true, contentType: 'json', specifyBody: 'json', jsonBody: `={{ JSON.stringify({ logistics_list: ${list} }) }}` }),
	},
	{
		name: 'JSON fields',
		method: 'POST',
		query: (shopNo) => ({ sendBody: true, contentType: 'json', bodyParameters: keypairs([['shop_no', shopNo], ['limit', String(LIMIT)]]) }),
		ack: (list) => ({ sendBody: true, contentType: 'json', bodyParameters: keypairs([['logistics_list', `={{ JSON.stringify(${list}) }}`]]) }),
	},
];

/**
 * The HTTP Request typeVersions this n8n offers from 3 on, from its own node: V3's description
 * lists them (`version: [3, 4, 4.1, …]`). 1 and 2 are only kept for old workflows.
 */
export function httpRequestVersions(n8nHome: string): number[] {
	const file = path.join(n8nHome, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'V3', 'HttpRequestV3.node.js');
	const match = /version:\s*\[([\d.,\s]+)\]/.exec(readFileSync(file, 'utf8'));
	if (!match) throw new Error(`no version list in ${file}`);
	const versions = match[1].split(',').map((text) => Number(text.trim()));
	if (!versions.includes(3) || !versions.includes(4.2)) throw new Error(`unexpected HTTP Request versions ${versions.join(', ')}`);
	return versions;
}

interface Pair {
	query: string;
	ack: string;
}

function pairName(version: number, mode: BodyMode): Pair {
	const label = `${version.toFixed(1)} ${mode.name}`;
	return { query: `Query ${label}`, ack: `Ack ${label}` };
}

function workflow(state: MockState, versions: number[]): Record<string, unknown> {
	const nodes: Array<Record<string, unknown>> = [];
	const connections: Record<string, unknown> = {};
	let previous: string | undefined;
	/** Adds a node after the previous one: one chain, so the pairs run one after another. */
	const add = (name: string, node: Record<string, unknown>): void => {
		nodes.push({ id: randomUUID(), name, position: [nodes.length * 220, 0], ...node });
		if (previous !== undefined) connections[previous] = { main: [[{ node: name, type: 'main', index: 0 }]] };
		previous = name;
	};
	const httpRequest = (version: number, method: string, script: string, parameters: Parameters, answer: BodyMode['answer'] = 'json') => ({
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: version,
		parameters: {
			method,
			url: `${state.baseUrl}${script}`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'wangdiantongApi',
			...parameters,
			options: answer === 'json' ? { response: { response: { responseFormat: 'json' } } } : {},
		},
		credentials: { wangdiantongApi: CREDENTIAL },
		// Every pair runs even when one fails, so the checks name every failure at once.
		onError: 'continueRegularOutput',
	});

	add('Start', { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
	for (const version of versions) {
		for (const mode of MODES) {
			const { query, ack } = pairName(version, mode);
			add(query, httpRequest(version, mode.method, 'logistics_sync_query.php', mode.query(LOOP_SHOP), mode.answer));
			add(ack, httpRequest(version, mode.method, 'logistics_sync_ack.php', mode.ack(listExpression(ack, mode)), mode.answer));
		}
	}
	const newest = versions[versions.length - 1];
	add(
		REFUSED_MULTIPART,
		httpRequest(newest, 'POST', 'logistics_sync_query.php', {
			sendBody: true,
			contentType: 'multipart-form-data',
			bodyParameters: { parameters: [{ parameterType: 'formData', name: 'shop_no', value: LOOP_SHOP }] },
		}),
	);
	add(
		REFUSED_JSON_ARRAY,
		httpRequest(newest, 'POST', 'logistics_sync_ack.php', {
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: JSON.stringify([{ rec_id: '1', status: 0 }]),
		}),
	);
	return { name: 'Wangdiantong e2e: HTTP Request with the credential', id: HTTP_WORKFLOW_ID, active: false, nodes, connections, settings: {} };
}

function fixtures(dir: string, stateFile: string, n8nHome: string): void {
	const state = readState(stateFile);
	const credentials = [{ ...CREDENTIAL, type: 'wangdiantongApi', data: { environment: 'custom', baseUrl: state.baseUrl, ...DEFAULT_ACCOUNT } }];
	writeFileSync(path.join(dir, 'http-credentials.json'), JSON.stringify(credentials, null, 2) + '\n');
	mkdirSync(path.join(dir, 'http-workflows'), { recursive: true });
	const versions = httpRequestVersions(n8nHome);
	writeFileSync(path.join(dir, 'http-workflows', 'http-request.json'), JSON.stringify(workflow(state, versions), null, 2) + '\n');
	console.log(`${HTTP_WORKFLOW_ID} ${versions.join(',')}`);
}

type Json = Record<string, unknown>;

/** The items a node sent out on its first output in its (only) run. */
function output(run: ExecuteRun, node: string): Json[] | undefined {
	const runs = run.data?.resultData?.runData?.[node];
	if (!runs || runs.length !== 1) return undefined;
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

/** The gateway's answer in a node's first item, whether parsed or as text in `data`. */
function gatewayAnswer(item: Json | undefined): Json | undefined {
	if (typeof item?.data !== 'string') return item;
	try {
		return JSON.parse(item.data) as Json;
	} catch {
		return item;
	}
}

/** The text of an error item (HTTP Request with "continue" puts the error object in `json.error`). */
function errorText(item: Json | undefined): string {
	const error = item?.error;
	if (typeof error === 'string') return error;
	if (typeof error === 'object' && error !== null) {
		const { message, description } = error as { message?: unknown; description?: unknown };
		return [message, description].filter((part) => typeof part === 'string').join(' | ') || JSON.stringify(error);
	}
	return JSON.stringify(item ?? null);
}

function checkPairs(run: ExecuteRun, state: MockState, expect: Expect): number {
	const pairs = Object.keys(run.data?.resultData?.runData ?? {})
		.filter((name) => name.startsWith('Query '))
		.map((query) => ({ query, ack: `Ack ${query.slice('Query '.length)}` }));
	expect(pairs.length > 0, 'the HTTP Request workflow ran its Query/Ack pairs', 'no "Query …" node ran');
	const ledger = new Map(state.ledger.map((entry) => [entry.recId, entry]));
	for (const { query, ack } of pairs) {
		const answer = gatewayAnswer((output(run, query) ?? [])[0]);
		const trades = Array.isArray(answer?.trades) ? (answer.trades as Json[]) : [];
		const recIds = trades.map((trade) => String(trade.rec_id));
		if (
			!expect(
				answer?.code === 0 && recIds.length === LIMIT,
				`"${query}": code 0 and the ${LIMIT} records it asked for`,
				answer?.error === undefined ? JSON.stringify(answer)?.slice(0, 300) : errorText(answer),
			)
		) {
			continue;
		}
		const ackAnswer = gatewayAnswer((output(run, ack) ?? [])[0]);
		expect(
			ackAnswer?.code === 0 && Array.isArray(ackAnswer.errors) && ackAnswer.errors.length === 0,
			`"${ack}": code 0, both records accepted`,
			ackAnswer?.error === undefined ? JSON.stringify(ackAnswer)?.slice(0, 300) : errorText(ackAnswer),
		);
		const entries = recIds.map((recId) => ledger.get(recId));
		expect(
			entries.every((entry) => entry !== undefined && entry.status === 0 && entry.message === ackMessage(ack)),
			`"${ack}": the gateway recorded rec_id ${recIds.join(', ')} with status 0 and the message it sent, byte for byte`,
			JSON.stringify(entries),
		);
	}
	return pairs.length;
}

function check(outputFile: string, stateFile: string): boolean {
	const results: Array<{ ok: boolean; what: string; detail?: string }> = [];
	const expect: Expect = (ok, what, detail) => {
		results.push({ ok, what, detail: ok ? undefined : detail });
		return ok;
	};

	let run: ExecuteRun | undefined;
	let state: MockState | undefined;
	try {
		run = parseExecuteOutput(readFileSync(outputFile, 'utf8'));
		state = readState(stateFile);
	} catch (error) {
		expect(false, "n8n execute's run and the mock gateway's state could be read", String(error));
	}
	if (run && state) {
		const error = run.data?.resultData?.error;
		expect(!error, 'the HTTP Request workflow ran without a workflow error', error?.message);
		const pairs = checkPairs(run, state, expect);

		for (const [node, fix] of [
			[REFUSED_MULTIPART, /multipart \(form-data\) body cannot be signed.*Form Urlencoded/],
			[REFUSED_JSON_ARRAY, /JSON array.*\{"logistics_list"/],
		] as const) {
			const [item] = output(run, node) ?? [];
			expect(fix.test(errorText(item)), `"${node}": refused with an error that names the fix`, errorText(item));
		}

		const byApi = (api: string) => state!.requests.filter((request) => request.api === api);
		const bad = state.requests.filter((request) => request.code !== 0 || request.outcome !== 'ok');
		expect(
			bad.length === 0,
			`the gateway answered all ${state.requests.length} requests with code 0: no bad sign, no missing parameter`,
			JSON.stringify(bad.slice(0, 5)),
		);
		expect(
			byApi('logistics_sync_query').length === pairs && byApi('logistics_sync_ack').length === pairs && state.requests.length === 2 * pairs,
			`exactly ${pairs} queries and ${pairs} acks reached the gateway: the refused requests were never sent`,
			`${byApi('logistics_sync_query').length} queries, ${byApi('logistics_sync_ack').length} acks, ${state.requests.length} requests`,
		);
		expect(
			byApi('logistics_sync_query').every((request) => request.shopNo === LOOP_SHOP),
			`every query named shop ${LOOP_SHOP}`,
			JSON.stringify(byApi('logistics_sync_query').map((request) => request.shopNo)),
		);
		expect(
			state.ledger.length === LIMIT * pairs && new Set(state.ledger.map((entry) => entry.recId)).size === LIMIT * pairs,
			`the gateway recorded ${LIMIT * pairs} acknowledgements, each record once`,
			`${state.ledger.length} acknowledgements`,
		);
		console.log(`HTTP Request: ${pairs} Query/Ack pairs, ${state.requests.length} requests to the mock gateway`);
	}

	for (const { ok, what, detail } of results) {
		console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}${detail ? `\n          ${detail}` : ''}`);
	}
	const failed = results.filter((result) => !result.ok).length;
	console.log(`${results.length - failed} passed, ${failed} failed`);
	return failed === 0;
}

function main(): void {
	const [command, ...args] = process.argv.slice(2);
	if (command === 'fixtures' && args.length === 3) return fixtures(args[0], args[1], args[2]);
	if (command === 'check' && args.length === 2) {
		if (!check(args[0], args[1])) process.exitCode = 1;
		return;
	}
	console.error('usage: httpRequestCheck.ts fixtures <dir> <mock-state-file> <n8n-home> | check <execute-stdout> <mock-state-file>');
	process.exitCode = 2;
}

main();
