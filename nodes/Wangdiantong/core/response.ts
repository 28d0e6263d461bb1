/**
 * Reading a gateway answer (docs/PROTOCOL.md, "Answers").
 *
 * The gateway answers JSON with HTTP 200 even for errors, and its Content-Type header cannot be
 * trusted, so the body is parsed as JSON whatever the header says. A non-2xx status, or a body
 * that is not a JSON object, is a transport failure; `code` ≠ 0 (number or string) is an ERP
 * failure. Ids are never passed through a JS number (see json.ts).
 */
import { erpFailure, httpStatusFailure, unreadableAnswer, type GatewayFailure } from './failure';
import { parseJsonLossless } from './json';
import { isPlainObject } from './plainObject';
import { redactSigns } from './redact';

export interface RawResponse {
	status: number;
	body: string;
}

export type GatewayResult =
	| { ok: true; data: Record<string, unknown> }
	| { ok: false; failure: GatewayFailure };

const BODY_EXCERPT_CHARS = 120;

function excerpt(body: string): string {
	const flat = redactSigns(body.replace(/\s+/g, ' ').trim());
	return flat.length > BODY_EXCERPT_CHARS ? `${flat.slice(0, BODY_EXCERPT_CHARS)}…` : flat;
}

/** `code` as a string of digits (or whatever text it was); missing means the body is unreadable. */
function codeOf(data: Record<string, unknown>): string | undefined {
	const { code } = data;
	if (typeof code === 'number' && Number.isFinite(code)) return String(code);
	if (typeof code === 'string' && code.trim() !== '') return code.trim();
	return undefined;
}

export function readGatewayResponse(response: RawResponse): GatewayResult {
	const { status, body } = response;
	if (status < 200 || status > 299) return { ok: false, failure: httpStatusFailure(status) };
	let data: unknown;
	try {
		data = parseJsonLossless(body);
	} catch {
		data = undefined;
	}
	const code = isPlainObject(data) ? codeOf(data) : undefined;
	if (code === undefined) {
		return {
			ok: false,
			failure: unreadableAnswer(`The gateway's answer is not the JSON it sends (HTTP ${status}): "${excerpt(body)}"`, true, status),
		};
	}
	const object = data as Record<string, unknown>;
	if (code !== '0') {
		const message = typeof object.message === 'string' ? redactSigns(object.message) : '';
		return { ok: false, failure: erpFailure(code, message) };
	}
	return { ok: true, data: object };
}
