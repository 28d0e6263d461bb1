// testCredentials() runs a credential type's declarative `test` request through n8n-core's
// RoutingNode, with the type's authenticate applied, and judges it like n8n's CLI.
import { testCredentials } from '../harness';
import { judgeError } from '../harness/credentialTest';
import { startLocalServer } from './localServer';
import type { LocalServer } from './localServer';
import { createTestRegistry } from './testTypes';

const registry = createTestRegistry();
let server: LocalServer;

beforeAll(async () => {
	server = await startLocalServer({
		// 200 either way; the body says whether the key is accepted (responseSuccessBody rule).
		'/whoami': (request) => ({
			status: 200,
			body: { result: { ok: request.headers['x-api-key'] === 'good-key' } },
		}),
		// Generic authenticate: Bearer token header + tenant query parameter.
		'/tenant': (request) => {
			if (!request.url.includes('tenant=acme'))
				return { status: 400, body: { message: 'no tenant' } };
			if (request.headers.authorization === 'Bearer good-token') return { status: 200, body: {} };
			if (request.headers.authorization === 'Bearer read-only-token')
				return { status: 403, body: {} };
			return { status: 401, body: { message: 'bad token' } };
		},
	});
});

afterAll(async () => {
	await server.close();
});

describe('function authenticate + responseSuccessBody rule', () => {
	test('a good key is OK, and the request carried the header', async () => {
		const result = await testCredentials(
			'testHeaderApi',
			{ baseUrl: server.baseUrl, apiKey: 'good-key' },
			registry,
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests.at(-1)).toMatchObject({ method: 'GET', url: '/whoami' });
		expect(server.requests.at(-1)?.headers['x-api-key']).toBe('good-key');
	});

	test('a rejected key matches the rule and gives its message', async () => {
		const result = await testCredentials(
			'testHeaderApi',
			{ baseUrl: server.baseUrl, apiKey: 'bad-key' },
			registry,
		);
		expect(result).toEqual({ status: 'Error', message: 'API key rejected' });
	});
});

describe('generic authenticate (+ a responseCode rule)', () => {
	test('a good token is OK, sent as resolved header and query parameter', async () => {
		const result = await testCredentials(
			'testGenericApi',
			{ baseUrl: server.baseUrl, token: 'good-token' },
			registry,
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer good-token');
		expect(server.requests.at(-1)?.url).toBe('/tenant?tenant=acme');
	});

	// n8n-core wraps the failure in NodeApiError, which drops `cause`, so the CLI's responseCode
	// branch cannot see the status: n8n shows NodeApiError's message instead (see credentialTest.ts).
	test("a status named by a responseCode rule still gives NodeApiError's message, as in n8n", async () => {
		const result = await testCredentials(
			'testGenericApi',
			{ baseUrl: server.baseUrl, token: 'read-only-token' },
			registry,
		);
		expect(result).toEqual({
			status: 'Error',
			message: 'Forbidden - perhaps check your credentials?',
		});
	});

	test("any other non-2xx status gives NodeApiError's message, as in n8n", async () => {
		const result = await testCredentials(
			'testGenericApi',
			{ baseUrl: server.baseUrl, token: 'wrong' },
			registry,
		);
		expect(result).toEqual({
			status: 'Error',
			message: 'Authorization failed - please check your credentials',
		});
	});
});

test("an unreachable server gives NodeApiError's connection message", async () => {
	const closed = await startLocalServer({});
	await closed.close();
	const result = await testCredentials(
		'testHeaderApi',
		{ baseUrl: closed.baseUrl, apiKey: 'good-key' },
		registry,
	);
	expect(result).toEqual({
		status: 'Error',
		message: 'The service refused the connection - perhaps it is offline',
	});
});

test("a credential type without `test` gives the CLI's message", async () => {
	registry.addCredentialType({ name: 'untestedApi', displayName: 'Untested', properties: [] });
	expect(await testCredentials('untestedApi', {}, registry)).toEqual({
		status: 'Error',
		message: 'No testing function found for this credential.',
	});
});

describe('judgeError mirrors the CLI branches for errors whose cause survives', () => {
	const test403 = {
		request: { url: '/x' },
		rules: [{ type: 'responseCode' as const, properties: { value: 403, message: 'Rule message' } }],
	};
	const httpError = (status: number, statusText: string): Error =>
		Object.assign(new Error('wrapped'), { cause: { response: { status, statusText } } });

	test('a responseCode rule matching the status gives the rule message', () => {
		expect(judgeError(httpError(403, 'Forbidden'), test403)).toEqual({
			status: 'Error',
			message: 'Rule message',
		});
	});

	test('another non-2xx status gives the status text, or the code when there is none', () => {
		expect(judgeError(httpError(401, 'Unauthorized'), test403)).toEqual({
			status: 'Error',
			message: 'Unauthorized',
		});
		expect(judgeError(httpError(500, ''), test403)).toEqual({
			status: 'Error',
			message: 'Received HTTP status code: 500',
		});
	});

	test('a network error code is reported as is; anything else by its message', () => {
		const network = Object.assign(new Error('wrapped'), { cause: { code: 'ECONNREFUSED' } });
		expect(judgeError(network, test403)).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
		expect(judgeError(new Error('plain'), test403)).toEqual({ status: 'Error', message: 'plain' });
	});
});
