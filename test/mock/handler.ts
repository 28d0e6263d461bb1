/**
 * One HTTP exchange: route, read parameters, log, apply any fault around the processing, answer.
 * Every answer is HTTP 200 JSON labelled text/html, as the real gateway's header is unreliable.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APIS } from './api';
import { PHP_ERROR_PAGE, httpErrorPage, type FaultQueue } from './faults';
import { readBody, receivedParams } from './form';
import { CODE_RATE_LIMITED, RATE_LIMITED } from './messages';
import { processRequest, type ProcessDeps } from './process';
import { errorReply, serialise, type ShapeOptions } from './reply';
import type { Sleeper } from './timers';
import type { Fault, RequestRecord } from './types';

export interface HandlerDeps extends ProcessDeps {
	faults: FaultQueue;
	sleeper: Sleeper;
	shape: ShapeOptions;
	latencyMs: number;
	log: RequestRecord[];
	nextNumber: () => number;
	isClosing: () => boolean;
	onRequest: ((record: RequestRecord) => void) | undefined;
}

const SCRIPT = /^\/openapi2\/([A-Za-z0-9_]+)\.php$/;
const HTML = 'text/html; charset=utf-8';
const RATE_LIMIT_REPLY = errorReply(CODE_RATE_LIMITED, RATE_LIMITED);

function send(
	req: IncomingMessage,
	res: ServerResponse,
	record: RequestRecord,
	status: number,
	text: string,
): void {
	if (res.headersSent || req.socket.destroyed) return;
	const body = Buffer.from(text, 'utf8');
	res.writeHead(status, { 'Content-Type': HTML, 'Content-Length': body.length, Server: 'nginx' });
	res.end(body);
	record.httpStatus = status;
}

/** The body of a `respondWith` fault: given as is, or computed from the exchange. */
function respondWithBody(
	fault: Extract<Fault, { kind: 'respondWith' }>,
	record: RequestRecord,
	answer: Readonly<Record<string, unknown>> | undefined,
): string {
	if (typeof fault.body === 'string') return fault.body;
	return fault.body({ params: record.params, sign: record.sign, answer });
}

/** A connection reset: no answer at all, the socket is torn down. */
function reset(req: IncomingMessage): void {
	req.socket.resetAndDestroy();
}

export async function handleRequest(
	req: IncomingMessage,
	res: ServerResponse,
	deps: HandlerDeps,
): Promise<void> {
	const number = deps.nextNumber();
	let clientGone = false;
	res.on('close', () => {
		if (!res.writableFinished) clientGone = true;
	});
	const url = new URL(req.url ?? '/', 'http://mock.invalid');
	const contentType = req.headers['content-type'];
	const body = await readBody(req);
	const match = SCRIPT.exec(url.pathname);
	const api = match ? match[1] : url.pathname;
	const { params, queryKeys } = receivedParams(url.searchParams, body, contentType);
	const logged = Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'sign'));
	const record: RequestRecord = {
		number,
		api,
		params: logged,
		...(params.sign === undefined ? {} : { sign: params.sign }),
		queryKeys,
		contentType,
		outcome: 'rejected',
		processed: false,
	};
	deps.log.push(record);
	try {
		if (!match || !APIS.has(api)) return send(req, res, record, 404, httpErrorPage(404));
		if (req.method !== 'POST') {
			res.setHeader('Allow', 'POST');
			return send(req, res, record, 405, httpErrorPage(405));
		}
		await answerWithFaults(req, res, record, params, deps, () => clientGone);
	} finally {
		deps.onRequest?.(record);
	}
}

async function answerWithFaults(
	req: IncomingMessage,
	res: ServerResponse,
	record: RequestRecord,
	params: Record<string, string>,
	deps: HandlerDeps,
	clientGone: () => boolean,
): Promise<void> {
	const fault = deps.faults.take({ number: record.number, api: record.api });
	if (fault) record.fault = fault;
	const gone = (): boolean => clientGone() || deps.isClosing() || req.socket.destroyed;

	// The simulated round trip (latencyMs): the answer leaves `latencyMs` after the request
	// arrived, however long the mock took to process it. So the mock's own processing hides inside
	// the round trip and a perfect client needs requests × latency (plus one timer's lateness,
	// about a millisecond). One timer per request, not two: each one fires a little late.
	const answerAt = performance.now() + deps.latencyMs;
	if (fault) record.outcome = 'fault'; // until the real answer goes out (delay, latency)
	switch (fault?.kind) {
		case 'http':
			return send(req, res, record, fault.status, httpErrorPage(fault.status));
		case 'non_json':
			if (fault.when === 'before') return send(req, res, record, 200, PHP_ERROR_PAGE);
			break;
		case 'reset':
			if (fault.when === 'before') return reset(req);
			break;
		case 'rate_limit':
			record.code = CODE_RATE_LIMITED;
			return send(req, res, record, 200, serialise(RATE_LIMIT_REPLY, deps.shape));
		case 'latency':
			await deps.sleeper.sleep(fault.ms);
			break;
		case 'delay':
			if (fault.when === 'before') await deps.sleeper.sleep(fault.ms);
			break;
		case 'respondWith':
			if (fault.when === 'before') {
				return send(req, res, record, fault.status ?? 200, respondWithBody(fault, record, undefined));
			}
			break;
	}
	// A client that hung up while the request was held never reached the gateway proper.
	if (gone()) return reset(req);

	const { reply, ran } = processRequest(record.api, params, record.number, deps);
	record.code = reply.code;
	record.processed = ran;
	const outcome = reply.code === 0 ? 'ok' : 'rejected';

	if (fault?.kind === 'reset' && fault.when === 'after') return reset(req);
	if (fault?.kind === 'non_json' && fault.when === 'after') {
		return send(req, res, record, 200, PHP_ERROR_PAGE);
	}
	if (fault?.kind === 'respondWith' && fault.when === 'after') {
		return send(req, res, record, fault.status ?? 200, respondWithBody(fault, record, reply.body));
	}
	if (fault?.kind === 'delay' && fault.when === 'after') {
		await deps.sleeper.sleep(fault.ms);
		if (gone()) return reset(req);
	}
	const answer = serialise(reply, deps.shape);
	await deps.sleeper.sleep(answerAt - performance.now());
	if (gone()) return reset(req);
	record.outcome = outcome;
	send(req, res, record, 200, answer);
}
