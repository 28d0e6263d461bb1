/**
 * Reading a request's parameters the way PHP fills $_POST and $_GET.
 *
 * The body counts only when it is application/x-www-form-urlencoded (a charset may follow); any
 * other content type leaves no body parameters, so such a client meets `缺少参数…`. Query-string
 * parameters are merged in and signed too, body winning on a clash (PHP's default "GP" order), and
 * within one source the last duplicate wins, as in PHP.
 */
import type { IncomingMessage } from 'node:http';

/** Bodies are small; this only guards the test process against a runaway client. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new BodyTooLargeError(`body over ${MAX_BODY_BYTES} bytes`));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function isFormContentType(contentType: string | undefined): boolean {
	if (contentType === undefined) return false;
	const mediaType = contentType.split(';')[0].trim().toLowerCase();
	return mediaType === 'application/x-www-form-urlencoded';
}

function lastWins(search: URLSearchParams, into: Map<string, string>): void {
	for (const [key, value] of search) into.set(key, value);
}

export interface ReceivedParams {
	params: Record<string, string>;
	queryKeys: string[];
}

export function receivedParams(
	query: URLSearchParams,
	body: Buffer,
	contentType: string | undefined,
): ReceivedParams {
	// A Map, then fromEntries: a key such as `__proto__` becomes a plain own property.
	const params = new Map<string, string>();
	lastWins(query, params);
	const queryKeys = [...params.keys()];
	if (isFormContentType(contentType)) {
		lastWins(new URLSearchParams(body.toString('utf8')), params);
	}
	return { params: Object.fromEntries(params), queryKeys };
}

/** A received parameter, or undefined; never something inherited from Object.prototype. */
export function param(params: Readonly<Record<string, string>>, name: string): string | undefined {
	return Object.hasOwn(params, name) ? params[name] : undefined;
}
