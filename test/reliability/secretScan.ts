/**
 * Looking for the app secret and every computed sign in everything a run leaves behind: output
 * items, the node's error (message, description, stack, cause...), the whole IRun and the logs.
 */
import type { MockGateway } from '../mock/gateway';
import type { AckRun } from './support';

/**
 * Every string reachable from `root`, own properties of any kind included: an Error's `message` and
 * `stack` are not enumerable, so JSON.stringify alone would miss them.
 */
export function reachableStrings(root: unknown): string[] {
	const strings: string[] = [];
	const seen = new Set<object>();
	const stack: unknown[] = [root];
	while (stack.length > 0) {
		const value = stack.pop();
		if (typeof value === 'string') {
			strings.push(value);
			continue;
		}
		if (value === null || typeof value !== 'object' || seen.has(value)) continue;
		seen.add(value);
		if (value instanceof Map) {
			for (const [key, entry] of value) stack.push(key, entry);
			continue;
		}
		if (value instanceof Set) {
			for (const entry of value) stack.push(entry);
			continue;
		}
		for (const key of Object.getOwnPropertyNames(value)) {
			strings.push(key);
			const descriptor = Object.getOwnPropertyDescriptor(value, key);
			if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
		}
	}
	return strings;
}

/** Signs the gateways received: the values that must never come back to the user. */
export function signsSeen(...gateways: MockGateway[]): string[] {
	return gateways.flatMap((gateway) => gateway.requests.flatMap((request) => (request.sign ? [request.sign] : [])));
}

/** A sign in a form body or a JSON object, whatever its value: for signs no gateway recorded. */
const SIGN_PATTERN = /sign(=|":\s*")[0-9a-f]{32}/i;

/** Where any of `secrets`, or any `sign=<md5>` at all, appears in the run (empty when nowhere). */
export function secretLeaks(run: AckRun, secrets: readonly string[]): string[] {
	const places: Array<[string, unknown]> = [
		['Acknowledged output', run.acknowledged],
		['Failed output', run.failed],
		['IRun', run.result.run],
		['execution error', run.result.error],
		['logs', run.result.logs],
	];
	const leaks: string[] = [];
	for (const [where, value] of places) {
		const texts = [JSON.stringify(value) ?? '', ...reachableStrings(value)];
		for (const secret of secrets) {
			if (secret.length < 6) throw new Error(`secret "${secret}" is too short to scan for reliably`);
			if (texts.some((text) => text.includes(secret))) leaks.push(`${where} contains ${secret}`);
		}
		const signed = texts.find((text) => SIGN_PATTERN.test(text));
		if (signed !== undefined) leaks.push(`${where} contains a sign: …${SIGN_PATTERN.exec(signed)?.[0] ?? ''}`);
	}
	return leaks;
}
