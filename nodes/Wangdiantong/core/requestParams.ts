/**
 * The business parameters of whatever request n8n hands the credential's `authenticate`.
 *
 * Any n8n node may use the credential (n8n offers it in its own HTTP Request node too), and each
 * shapes its request its own way: request-library options (`uri`, `qs`, `form`, `formData`, `body`
 * with `json`) from the HTTP Request node and other `requestWithAuthentication` callers, or
 * `IHttpRequestOptions` (`url` + `baseURL`, `qs`, `body` as an object, a string or URLSearchParams)
 * from `httpRequestWithAuthentication` callers such as our own node. The gateway signs every
 * parameter it receives, query string included (docs/PROTOCOL.md, "Request"), so every one of them
 * must be read here, moved into the one signed form body and never sent a second way.
 *
 * What cannot become form fields is refused with an error that names the fix, never sent unsigned.
 * Each value becomes its text by the one rule API Call follows too (core/paramText.ts).
 */
import { parseJsonLossless } from './json';
import { paramText } from './paramText';
import { isPlainObject, kindOf } from './plainObject';

export class UnsignableRequestError extends Error {
	readonly code = 'WDT_UNSIGNABLE_REQUEST';

	constructor(message: string) {
		super(message);
		this.name = 'UnsignableRequestError';
	}
}

/** The parts of n8n's request options (either style) that can carry parameters. */
export interface RequestParts {
	readonly body?: unknown;
	readonly form?: unknown;
	readonly formData?: unknown;
	readonly qs?: unknown;
	readonly url?: unknown;
	readonly uri?: unknown;
	readonly headers?: unknown;
}

/** The credential's own identity, to tell a copy of it from a conflicting value. */
export interface AccountIdentity {
	readonly sid: string;
	readonly appKey: string;
}

export interface RequestParams {
	/** Business parameters, each once, as the text to sign and send. */
	params: Record<string, string>;
	/** The request's target without its query string, when it had one (the query moved to params). */
	target?: { field: 'url' | 'uri'; value: string };
}

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
const USE_INSTEAD =
	'use Body Content Type "Form Urlencoded" (or JSON, or Raw with Content Type application/x-www-form-urlencoded)';

/** Where a parameter came from, as the error messages name it. */
type Source = "the URL's query string" | 'the query parameters' | 'the form body' | 'the body';

type Entry = readonly [name: string, value: unknown];

function isUrlSearchParams(value: unknown): value is URLSearchParams {
	return Object.prototype.toString.call(value) === '[object URLSearchParams]';
}

/** form-data's FormData (n8n's multipart body) or the WHATWG one. */
function isMultipartForm(value: unknown): boolean {
	if (typeof value !== 'object' || value === null) return false;
	if (Object.prototype.toString.call(value) === '[object FormData]') return true;
	const candidate = value as { getHeaders?: unknown; append?: unknown };
	return typeof candidate.getHeaders === 'function' && typeof candidate.append === 'function';
}

/** Bytes or a stream: a file upload (HTTP Request's "n8n Binary File" body) or raw bytes. */
function isBinary(value: unknown): boolean {
	if (Buffer.isBuffer(value) || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
	return typeof value === 'object' && value !== null && typeof (value as { pipe?: unknown }).pipe === 'function';
}

/** The media type of the Content-Type header, lower case without parameters, if there is one. */
export function contentMediaType(headers: unknown): string | undefined {
	if (!isPlainObject(headers)) return undefined;
	for (const [name, value] of Object.entries(headers)) {
		if (name.toLowerCase() !== 'content-type') continue;
		const text = Array.isArray(value) ? value[0] : value;
		if (typeof text !== 'string') return undefined;
		return text.split(';')[0].trim().toLowerCase();
	}
	return undefined;
}

function isJsonMediaType(mediaType: string): boolean {
	return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * A JSON body given as text, read losslessly: an integer beyond 2^53 (a rec_id, say) keeps every
 * digit and is sent as text, as API Call reads its JSON (docs/PROTOCOL.md, "Big ids").
 */
function parseJsonText(text: string, source: Source): unknown {
	let parsed: unknown;
	let parses = true;
	try {
		parsed = parseJsonLossless(text);
	} catch {
		parses = false;
	}
	if (parses) return parsed;
	// Thrown out here, not from the catch (n8n's lint takes that for a node's own error), and
	// not the parser's own message: it quotes the text, which a refusal must never show.
	throw new UnsignableRequestError(`The JSON in ${source} does not parse: fix the JSON, or ${USE_INSTEAD}`);
}

/** The fields of a JSON value: only an object has named fields to send. */
function jsonEntries(value: unknown, source: Source): Entry[] {
	if (Array.isArray(value)) {
		throw new UnsignableRequestError(
			`${capitalise(source)} is a JSON array, which has no parameter names to send: ` +
				'give a JSON object whose fields are the parameters, e.g. {"logistics_list": [ ... ]}',
		);
	}
	if (!isPlainObject(value)) {
		throw new UnsignableRequestError(
			`${capitalise(source)} is ${kindOf(value)}, not named parameters: give a JSON object whose fields are the parameters`,
		);
	}
	return Object.entries(value);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `a=1&b=2` as PHP reads it: `+` is a space, percent-escapes decoded. */
function formTextEntries(text: string): Entry[] {
	return [...new URLSearchParams(text)];
}

function refuseMultipart(): never {
	throw new UnsignableRequestError(
		`A multipart (form-data) body cannot be signed: the Wangdiantong gateway signs form fields only; ${USE_INSTEAD}`,
	);
}

function refuseBinary(source: Source): never {
	throw new UnsignableRequestError(
		`${capitalise(source)} is a file or raw bytes, which cannot be signed: the gateway takes named text parameters; ${USE_INSTEAD}`,
	);
}

/** A string body, read by its Content-Type. */
function stringBodyEntries(text: string, mediaType: string | undefined): Entry[] {
	if (mediaType === FORM_MEDIA_TYPE) return formTextEntries(text);
	if (mediaType !== undefined && isJsonMediaType(mediaType)) return jsonEntries(parseJsonText(text, 'the body'), 'the body');
	if (mediaType === undefined) {
		// A JSON text sent without a Content-Type would otherwise become one nameless form field.
		const first = text.trimStart().charAt(0);
		return first === '{' || first === '[' ? jsonEntries(parseJsonText(text, 'the body'), 'the body') : formTextEntries(text);
	}
	if (mediaType.startsWith('multipart/')) refuseMultipart();
	throw new UnsignableRequestError(
		`A body of content type "${mediaType}" cannot be signed: the gateway reads form fields only; ${USE_INSTEAD}`,
	);
}

function bodyEntries(body: unknown, mediaType: string | undefined): Entry[] {
	if (body === undefined || body === null) return [];
	if (typeof body === 'string') return stringBodyEntries(body, mediaType);
	if (isMultipartForm(body)) refuseMultipart();
	if (isBinary(body)) refuseBinary('the body');
	if (isUrlSearchParams(body)) return [...body];
	if (mediaType?.startsWith('multipart/')) refuseMultipart();
	if (mediaType !== undefined && mediaType !== FORM_MEDIA_TYPE && !isJsonMediaType(mediaType)) {
		throw new UnsignableRequestError(
			`A body of content type "${mediaType}" cannot be signed: the gateway reads form fields only; ${USE_INSTEAD}`,
		);
	}
	// An object body: JSON in n8n's eyes, or fields for a form body. Either way, its fields.
	return jsonEntries(body, 'the body');
}

/** `form` and `qs`: an object of fields, URLSearchParams, or (request-library style) a form string. */
function fieldsEntries(value: unknown, source: Source): Entry[] {
	if (value === undefined || value === null) return [];
	if (typeof value === 'string') return formTextEntries(value);
	if (isUrlSearchParams(value)) return [...value];
	if (isMultipartForm(value)) refuseMultipart();
	if (isBinary(value)) refuseBinary(source);
	if (isPlainObject(value)) return Object.entries(value);
	throw new UnsignableRequestError(
		`Cannot sign ${source}: ${kindOf(value)} is not named parameters; give each parameter a name and a value`,
	);
}

/**
 * The target n8n sends to: `url` when present, else `uri` (both n8n lines: 1.x's
 * parseRequestObject lets `url` override `uri`; 2.x's resolveLegacyRequestTarget reads
 * `url ?? uri`). An absolute target also makes n8n ignore `baseURL`.
 */
export function requestTarget(request: RequestParts): { field: 'url' | 'uri'; value: string } | undefined {
	const field = request.url !== undefined && request.url !== null ? 'url' : 'uri';
	const raw = request[field];
	if (raw === undefined || raw === null) return undefined;
	return { field, value: String(raw) };
}

/** Splits the query string off a target (the fragment is never sent, so it goes too). */
function splitQuery(target: string): { path: string; query: string } {
	const hash = target.indexOf('#');
	const withoutFragment = hash === -1 ? target : target.slice(0, hash);
	const mark = withoutFragment.indexOf('?');
	if (mark === -1) return { path: withoutFragment, query: '' };
	return { path: withoutFragment.slice(0, mark), query: withoutFragment.slice(mark + 1) };
}

/**
 * Reserved names. `timestamp` and `sign` belong to one request: the credential computes them fresh
 * for every request, so a value already present (a copied example, or this same request signed
 * before: n8n authenticates a request again when a first attempt gets HTTP 401) is replaced.
 * `sid` and `appkey` name the account: the credential's own value is redundant and dropped, but a
 * different one means the user believes they call another account, and sending the credential's
 * instead would hide that, so it is refused.
 */
const PER_REQUEST = new Set(['timestamp', 'sign']);

function checkAccountParam(name: string, text: string, source: Source, account: AccountIdentity): void {
	const own = name === 'sid' ? account.sid : account.appKey;
	if (text === own) return;
	throw new UnsignableRequestError(
		`${capitalise(source)} carries its own "${name}", different from the credential's: remove it ` +
			'(the credential adds sid, appkey, timestamp and sign to every request), or use a credential for that account',
	);
}

/**
 * Every business parameter of `request`, from its URL's query string, `qs`, `form` and `body`.
 * A name given twice must carry the same value (the gateway, like PHP, would keep only one of
 * them, and which one depends on where each travelled). Empty values are left out, as the
 * protocol asks (docs/PROTOCOL.md, "Request").
 */
export function readRequestParams(request: RequestParts, account: AccountIdentity): RequestParams {
	if (request.formData !== undefined && request.formData !== null) refuseMultipart();

	const target = requestTarget(request);
	const split = target === undefined ? undefined : splitQuery(target.value);
	const sources: Array<[Source, Entry[]]> = [
		["the URL's query string", split ? formTextEntries(split.query) : []],
		['the query parameters', fieldsEntries(request.qs, 'the query parameters')],
		['the form body', fieldsEntries(request.form, 'the form body')],
		['the body', bodyEntries(request.body, contentMediaType(request.headers))],
	];

	const params: Record<string, string> = {};
	const seenIn = new Map<string, Source>();
	for (const [source, entries] of sources) {
		for (const [name, value] of entries) {
			const converted = paramText(value);
			if ('refusal' in converted) throw new UnsignableRequestError(`Parameter "${name}" in ${source} ${converted.refusal}`);
			const { text } = converted;
			// Not given: the protocol sends no empty value (and n8n's parameter lists start with
			// one blank row).
			if (text === undefined) continue;
			if (name === '') {
				throw new UnsignableRequestError(`A parameter in ${source} has a value but no name: give it a name or remove it`);
			}
			if (name === '__proto__') {
				throw new UnsignableRequestError(`A parameter in ${source} is named "__proto__", which cannot be sent: rename it`);
			}
			if (PER_REQUEST.has(name)) continue;
			if (name === 'sid' || name === 'appkey') {
				checkAccountParam(name, text, source, account);
				continue;
			}
			const earlier = seenIn.get(name);
			if (earlier !== undefined && params[name] !== text) {
				const where = earlier === source ? `twice in ${source}` : `in ${earlier} and in ${source}`;
				throw new UnsignableRequestError(
					`Parameter "${name}" is given ${where} with different values: give it once`,
				);
			}
			seenIn.set(name, source);
			params[name] = text;
		}
	}

	const result: RequestParams = { params };
	if (target !== undefined && split !== undefined && split.path !== target.value) {
		result.target = { field: target.field, value: split.path };
	}
	return result;
}

/**
 * The headers of the signed request: the caller's own, minus any Content-Type or Content-Length
 * of the body it replaces (in any letter case: n8n's HTTP Request node lower-cases them, and two
 * spellings of one header would both be sent), plus the form body's Content-Type.
 */
export function formBodyHeaders(headers: unknown, formContentType: string): Record<string, unknown> {
	const kept: Record<string, unknown> = {};
	if (isPlainObject(headers)) {
		for (const [name, value] of Object.entries(headers)) {
			const lower = name.toLowerCase();
			if (lower === 'content-type' || lower === 'content-length') continue;
			kept[name] = value;
		}
	}
	kept['Content-Type'] = formContentType;
	return kept;
}
