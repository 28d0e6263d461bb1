import { transportFailure } from '../../nodes/Wangdiantong/core/failure';

const withCode = (code: string, cause?: unknown) => Object.assign(new Error('x'), { code, cause });

describe('classifying network errors', () => {
	test('a refused connection never reached the gateway and is retryable', () => {
		expect(transportFailure(withCode('ECONNREFUSED'))).toMatchObject({
			kind: 'connect',
			retryable: true,
			mayHaveBeenProcessed: false,
		});
	});

	test('an unknown host or a bad certificate is permanent', () => {
		expect(transportFailure(withCode('ENOTFOUND')).retryable).toBe(false);
		expect(transportFailure(withCode('CERT_HAS_EXPIRED')).retryable).toBe(false);
	});

	test('a reset after sending may have been processed', () => {
		expect(transportFailure(withCode('ECONNRESET'))).toMatchObject({
			kind: 'connection_lost',
			retryable: true,
			mayHaveBeenProcessed: true,
		});
		expect(transportFailure(withCode('UND_ERR_SOCKET'))).toMatchObject({ kind: 'connection_lost' });
	});

	test("timeouts of axios (n8n's helper), undici and AbortSignal.timeout are recognised", () => {
		expect(transportFailure(withCode('ECONNABORTED')).kind).toBe('timeout');
		expect(transportFailure(withCode('UND_ERR_HEADERS_TIMEOUT')).kind).toBe('timeout');
		const domTimeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
		expect(transportFailure(domTimeout).kind).toBe('timeout');
	});

	test('codes are found on the cause chain', () => {
		expect(transportFailure(new Error('fetch failed', { cause: withCode('ECONNREFUSED') })).kind).toBe('connect');
	});

	test('the message names the code and nothing of the request', () => {
		const error = Object.assign(withCode('ECONNRESET'), { config: { data: 'sign=abc&appsecret=x' } });
		expect(transportFailure(error).message).toBe('The connection to the gateway failed (ECONNRESET)');
	});
});

test("n8n's NodeApiError, which loses the cause, is read through the code it copies to httpCode", () => {
	const wrapped = Object.assign(new Error('The service refused the connection'), { httpCode: 'ECONNREFUSED' });
	expect(transportFailure(wrapped)).toMatchObject({ kind: 'connect', mayHaveBeenProcessed: false });
	const status = Object.assign(new Error('Bad gateway'), { httpCode: '502' });
	expect(transportFailure(status).kind).toBe('connection_lost'); // a number is not a network code
});
