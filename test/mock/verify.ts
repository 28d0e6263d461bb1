/**
 * The gateway's side of the signature (docs/PROTOCOL.md, "Signature").
 *
 * Written on purpose without looking at the client's signer (nodes/Wangdiantong/core/sign.ts) and
 * with different techniques (code points via Array.from, byte-wise key order via Buffer.compare,
 * hand-rolled padding), so that when a test passes the two implementations have checked each other.
 */
import { createHash } from 'node:crypto';

/** Lengths count Unicode code points, like PHP's iconv_strlen(..., 'UTF-8'). */
function codePoints(text: string): number {
	return Array.from(text).length;
}

/** Zero-padded to a minimum width; a longer number is written in full, never cut. */
function padded(count: number, width: number): string {
	const digits = count.toString(10);
	return digits.length >= width ? digits : '0'.repeat(width - digits.length) + digits;
}

/** Keys in ascending order of their UTF-8 bytes, as PHP's ksort on byte strings does. */
function byteOrder(keys: string[]): string[] {
	return keys
		.map((key) => ({ key, bytes: Buffer.from(key, 'utf8') }))
		.sort((a, b) => Buffer.compare(a.bytes, b.bytes))
		.map(({ key }) => key);
}

/** The text that is hashed, without the appsecret: every parameter except `sign`. */
export function packForSign(params: Readonly<Record<string, string>>): string {
	const keys = byteOrder(Object.keys(params).filter((key) => key !== 'sign'));
	const pieces: string[] = [];
	for (const key of keys) {
		const value = params[key];
		pieces.push(`${padded(codePoints(key), 2)}-${key}:${padded(codePoints(value), 4)}-${value}`);
	}
	return pieces.join(';');
}

/** md5 (lowercase hex) of the packed parameters followed directly by the appsecret. */
export function expectedSign(params: Readonly<Record<string, string>>, appSecret: string): string {
	return createHash('md5')
		.update(packForSign(params) + appSecret, 'utf8')
		.digest('hex');
}

/** Whether `params.sign` is what the gateway computes. Exact comparison: the client sends lowercase. */
export function isSignValid(params: Readonly<Record<string, string>>, appSecret: string): boolean {
	const sent = params.sign;
	return typeof sent === 'string' && sent === expectedSign(params, appSecret);
}
