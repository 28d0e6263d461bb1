/**
 * Any API → API Call through n8n's engine against the mock gateway over real HTTP: what reaches
 * the gateway, retries and the rate-limit wait, `code` ≠ 0 with Stop and with Continue, lossless
 * ids, splitting a list, and what is refused before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { Wangdiantong } from '../../nodes/Wangdiantong/Wangdiantong.node';
import { createRegistry, runWorkflow } from '../harness';
import { DEFAULT_ACCOUNT, MockGateway } from '../mock/gateway';
import { expectedSign } from '../mock/verify';
import { ackWorkflow, mockCredentials, NODE, NODE_TYPE } from './ackWorkflow';

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
});
afterEach(async () => await gateway.close());

const quick = { retries: 3, retryWait: 5, rateLimitWait: 0.02, timeout: 2000 };

function apiCall(parameters: IDataObject, inputs: IDataObject[] = [{}], onError?: 'continueRegularOutput') {
	const workflow = ackWorkflow(inputs, { parameters: { resource: 'api', operation: 'call', ...parameters }, onError });
	return runWorkflow({ workflow, credentials: mockCredentials(gateway) });
}

const pairs = (params: Record<string, unknown>) => ({
	sendParametersAs: 'pairs',
	parameters: { parameter: Object.entries(params).map(([name, value]) => ({ name, value })) },
});
const json = (params: unknown) => ({ sendParametersAs: 'json', jsonParameters: typeof params === 'string' ? params : JSON.stringify(params) });

/** What a call sent, without what the credential adds. */
function businessParams(index = 0): Record<string, string> {
	const { sid, appkey, timestamp, ...rest } = gateway.requests[index].params;
	expect({ sid, appkey }).toEqual({ sid: DEFAULT_ACCOUNT.sid, appkey: DEFAULT_ACCOUNT.appKey });
	expect(timestamp).toMatch(/^\d{10}$/);
	return rest;
}

describe('what reaches the gateway', () => {
	test('name/value pairs: one signed call per item; the whole answer, as the ERP sent it, on one output', async () => {
		gateway.seedPending(2, { shopNo: 'mall01' });
		const result = await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01', limit: '5', empty: '' }) });
		expect(result.status).toBe('success');
		expect(gateway.requests).toHaveLength(1);
		expect(gateway.requests[0].api).toBe('logistics_sync_query');
		expect(gateway.requests[0].outcome).toBe('ok'); // the mock verified the sign
		expect(businessParams()).toEqual({ shop_no: 'mall01', limit: '5' }); // an empty value is not sent
		const outputs = result.outputs(NODE);
		expect(outputs).toHaveLength(1);
		expect(outputs[0]).toEqual([
			{ json: { code: 0, message: '', trades: gateway.pending('mall01').map((r) => ({ ...r })) }, pairedItem: { item: 0 } },
		]);
	});

	test('a JSON object: nested values arrive as JSON text, numbers and booleans as text, null not at all', async () => {
		const [record] = gateway.seedPending(1, { shopNo: 'mall01' });
		const list = [{ rec_id: record.rec_id, status: 0, message: '已同步 & ok' }];
		const result = await apiCall({
			script: 'logistics_sync_ack.php',
			...json({ logistics_list: list, flag: true, count: 12, nothing: null, nested: { a: [1, 'b'] } }),
		});
		expect(result.status).toBe('success');
		expect(businessParams()).toEqual({
			logistics_list: JSON.stringify(list),
			flag: 'true',
			count: '12',
			nested: '{"a":[1,"b"]}',
		});
		// The gateway read the list and acknowledged the record: the JSON text is what it expects.
		expect(gateway.ledger).toEqual([expect.objectContaining({ recId: record.rec_id, status: 0, message: '已同步 & ok' })]);
		expect(result.outputs(NODE)[0]).toEqual([{ json: { code: 0, message: '', errors: [] }, pairedItem: { item: 0 } }]);
	});

	test('pairs built by expressions per item: an object value is sent as its JSON text', async () => {
		const records = gateway.seedPending(2, { shopNo: 'mall01' });
		const inputs = records.map((r) => ({ rec_id: r.rec_id }));
		const result = await apiCall(
			{
				script: 'logistics_sync_ack.php',
				...pairs({ logistics_list: '={{ [{ rec_id: $json.rec_id, status: 0, message: "ok" }] }}' }),
			},
			inputs,
		);
		expect(result.status).toBe('success');
		expect(gateway.requests.map((r) => r.params.logistics_list)).toEqual(
			records.map((r) => JSON.stringify([{ rec_id: r.rec_id, status: 0, message: 'ok' }])),
		);
		expect(gateway.ledger.map((e) => e.recId)).toEqual(records.map((r) => r.rec_id));
		expect(result.outputs(NODE)[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('values expressions build: n8n’s $json is plain data, a bigint inside keeps every digit', async () => {
		const input = { shop: 'mall01', list: [{ x: 1 }] };
		await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: '={{ $json.shop }}', item: '={{ $json }}', ids: '={{ [12345678901234567891n] }}' }) }, [input]);
		expect(businessParams()).toEqual({ shop_no: 'mall01', item: JSON.stringify(input), ids: '["12345678901234567891"]' });
		await apiCall({ script: 'logistics_sync_query.php', sendParametersAs: 'json', jsonParameters: '={{ $json }}' }, [{ shop_no: 'mall01', limit: 5 }]);
		expect(businessParams(1)).toEqual({ shop_no: 'mall01', limit: '5' });
	});

	test('integers beyond 2^53 typed in the JSON keep every digit on the way out', async () => {
		await apiCall({ script: 'logistics_sync_query.php', ...json('{"shop_no": "mall01", "big": 98765432109876543210, "list": [12345678901234567891]}') });
		expect(businessParams()).toEqual({ shop_no: 'mall01', big: '98765432109876543210', list: '["12345678901234567891"]' });
	});
});

describe('retries and the rate limit', () => {
	test('a 502 is retried inside the node, the retry signed afresh', async () => {
		gateway.seedPending(1, { shopNo: 'mall01' });
		gateway.injectFault({ kind: 'http', status: 502 }, { times: 1 });
		// A wait of at least one second (half of Retry Wait) puts the retry in a later second: a new timestamp.
		const result = await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }), options: { retryWait: 2000 } });
		expect(result.status).toBe('success');
		expect(gateway.requests.map((r) => [r.httpStatus, r.outcome])).toEqual([
			[502, 'fault'],
			[200, 'ok'],
		]);
		const [first, second] = gateway.requests;
		expect(second.params.timestamp).not.toBe(first.params.timestamp);
		expect(second.sign).not.toBe(first.sign);
		for (const request of gateway.requests) expect(request.sign).toBe(expectedSign(request.params, DEFAULT_ACCOUNT.appSecret));
		expect(result.logs.some((log) => /logistics_sync_query\.php for item 0 attempt 1 failed \(http_status\)/.test(log.message))).toBe(true);
		expect(result.outputs(NODE)[0]).toHaveLength(1);
	}, 10_000);

	test('code 1012 waits Rate Limit Wait, then succeeds', async () => {
		gateway.seedPending(1, { shopNo: 'mall01' });
		gateway.injectFault({ kind: 'rate_limit' }, { times: 2 });
		const result = await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }), options: { rateLimitWait: 0.2 } });
		expect(result.status).toBe('success');
		expect(gateway.requests.map((r) => r.code)).toEqual([1012, 1012, 0]);
		expect(result.run.data.resultData.runData[NODE][0].executionTime).toBeGreaterThanOrEqual(400);
		expect(result.outputs(NODE)[0][0].json.code).toBe(0);
	});

	test('Retries 0: a 1012 is the node’s error at once, with the ERP text', async () => {
		gateway.injectFault({ kind: 'rate_limit' }, { times: 1 });
		const result = await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }), options: { retries: 0 } });
		expect(result.nodeError(NODE)?.message).toMatch(/^Item 0: logistics_sync_query\.php failed: ERP error 1012 \(系统调用频繁\): The ERP is rate limiting/);
		expect(gateway.requests).toHaveLength(1);
	});

	test('an HTTP failure after every retry says how often it was tried and that it may have landed', async () => {
		gateway.injectFault({ kind: 'http', status: 502 }, { times: 4 });
		const result = await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }), options: quick });
		const error = result.nodeError(NODE);
		expect(error?.message).toBe('Item 0: logistics_sync_query.php failed: The gateway answered HTTP 502');
		expect(error?.description).toMatch(/^Tried 4 times, each signed afresh\. An attempt may have reached the ERP/);
		expect(gateway.requests).toHaveLength(4);
	});
});

describe('code ≠ 0', () => {
	test('Stop: the node fails naming the item and the script, with the ERP code and text beside our explanation', async () => {
		gateway.addShop('mall01');
		const result = await apiCall(
			{ script: 'logistics_sync_query.php', ...pairs({ shop_no: '={{ $json.shop }}' }), options: quick },
			[{ shop: 'mall01' }, { shop: 'nope' }, { shop: 'mall01' }],
		);
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE);
		expect(error?.message).toBe(
			'Item 1: logistics_sync_query.php failed: ERP error 1007 (店铺不存在): The ERP has no shop with this code: check Shop Code (店铺编号) against the ERP’s shop list.',
		);
		expect(error).toMatchObject({ context: { itemIndex: 1 } });
		expect(gateway.requests).toHaveLength(2); // never retried; the third item never sent
	});

	test('a missing parameter (code 100) is not retried, and concerns its item only', async () => {
		gateway.addShop('mall01');
		const result = await apiCall(
			{ script: 'logistics_sync_query.php', ...pairs({ shop_no: '={{ $json.shop }}' }), options: quick },
			[{}, { shop: 'mall01' }],
			'continueRegularOutput',
		);
		const [items] = result.outputs(NODE);
		expect(items[0].json.error).toMatch(/^Item 0: logistics_sync_query\.php failed: ERP error 100 \(缺少参数shop_no\): /);
		expect(items[1].json.code).toBe(0);
		expect(gateway.requests).toHaveLength(2);
	});

	test('Continue: an item { error, code } paired with its input; the other items go on', async () => {
		gateway.seedPending(1, { shopNo: 'mall01' });
		const result = await apiCall(
			{ script: 'logistics_sync_query.php', ...pairs({ shop_no: '={{ $json.shop }}' }), options: quick },
			[{ shop: 'nope' }, { shop: 'mall01' }],
			'continueRegularOutput',
		);
		expect(result.status).toBe('success');
		const [items] = result.outputs(NODE);
		expect(items).toEqual([
			{ json: { error: expect.stringMatching(/^Item 0: logistics_sync_query\.php failed: ERP error 1007 \(店铺不存在\): /), code: '1007' }, pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ code: 0, trades: [expect.objectContaining({ shop_no: 'mall01' })] }), pairedItem: { item: 1 } },
		]);
	});

	test('a wrong secret: the app secret and the signs appear in no output, error or log', async () => {
		gateway.addShop('mall01');
		const result = await runWorkflow({
			workflow: ackWorkflow([{}, {}], {
				parameters: { resource: 'api', operation: 'call', script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }) },
				onError: 'continueRegularOutput',
			}),
			credentials: mockCredentials(gateway, { appSecret: 'wrong-secret-value' }),
		});
		const [items] = result.outputs(NODE);
		expect(items.map((item) => [item.json.code, item.pairedItem])).toEqual([
			['100', { item: 0 }],
			['100', { item: 1 }],
		]);
		expect(String(items[0].json.error)).toMatch(/^Item 0: logistics_sync_query\.php failed: ERP error 100 \(签名错误\): .*App Secret/);
		// Every further call would be refused the same way: the second item is not sent.
		expect(String(items[1].json.error)).toMatch(/^Item 1: logistics_sync_query\.php not sent: the ERP refused the credential for item 0: ERP error 100 \(签名错误\)/);
		expect(gateway.requests).toHaveLength(1);
		const everything = JSON.stringify([result.run, result.logs]);
		expect(everything).not.toContain('wrong-secret-value');
		for (const request of gateway.requests) expect(everything).not.toContain(request.sign);
	});
});

describe('lossless ids', () => {
	test('an id beyond 2^53 that arrives as a bare number leaves as exact text, in the whole answer too', async () => {
		gateway.injectFault(
			{
				kind: 'respondWith',
				when: 'before',
				body: '{"code":0,"message":"","total":98765432109876543210,"small":42,"price":12.5,"trades":[{"rec_id":12345678901234567891,"tid":"T1"}]}',
			},
			{ times: 1 },
		);
		const result = await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }) });
		expect(result.outputs(NODE)[0][0].json).toEqual({
			code: 0,
			message: '',
			total: '98765432109876543210',
			small: 42,
			price: 12.5,
			trades: [{ rec_id: '12345678901234567891', tid: 'T1' }],
		});
	});

	test('split records keep their big rec_id exact', async () => {
		await gateway.close();
		gateway = await MockGateway.start({ recIdAsNumber: true });
		gateway.seedPending(1, { shopNo: 'mall01', firstRecId: 98765432109876543210n });
		const result = await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }), options: { splitInto: 'trades' } });
		expect(result.outputs(NODE)[0].map((item) => item.json.rec_id)).toEqual(['98765432109876543210']);
	});
});

describe('Split Into Items', () => {
	test('one item per element of the list, each paired with the input item whose call returned it', async () => {
		const first = gateway.seedPending(3, { shopNo: 'mall01' });
		const second = gateway.seedPending(2, { shopNo: 'mall02' });
		const result = await apiCall(
			{ script: 'logistics_sync_query.php', ...pairs({ shop_no: '={{ $json.shop }}' }), options: { splitInto: 'trades' } },
			[{ shop: 'mall01' }, { shop: 'mall02' }],
		);
		const [items] = result.outputs(NODE);
		expect(items.map((item) => item.json)).toEqual([...first, ...second].map((r) => ({ ...r })));
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
	});

	test('an empty or missing list gives no items from that call; elements that are not objects are wrapped', async () => {
		gateway.addShop('mall01');
		gateway.injectFault({ kind: 'respondWith', when: 'before', body: '{"code":0,"message":""}' }, { times: 1 });
		gateway.injectFault({ kind: 'respondWith', when: 'before', body: '{"code":0,"message":"","trades":["a",7]}' }, { times: 1 });
		const result = await apiCall(
			{ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }), options: { splitInto: 'trades' } },
			[{}, {}, {}],
		);
		expect(result.status).toBe('success');
		expect(result.outputs(NODE)[0]).toEqual([
			{ json: { trades: 'a' }, pairedItem: { item: 1 } },
			{ json: { trades: 7 }, pairedItem: { item: 1 } },
		]);
		expect(gateway.requests).toHaveLength(3);
	});

	test('a field that is not a list is a clear error naming the fields the answer has', async () => {
		gateway.injectFault({ kind: 'respondWith', when: 'before', body: '{"code":0,"message":"","trades":{"1":{"rec_id":"1"}}}' }, { times: 1 });
		const result = await apiCall({ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }), options: { splitInto: 'trades' } });
		expect(result.nodeError(NODE)?.message).toBe(
			'Item 0: logistics_sync_query.php succeeded (code 0), but its answer cannot be split: its "trades" is an object, not a list: in Split Into Items, enter the name of a list field of the answer (it has code, message, trades), or clear the option to get the whole answer',
		);
		expect(gateway.requests).toHaveLength(1); // a user's setting, not a gateway fault: never retried
	});
});

describe('refused before anything is sent', () => {
	const badScripts = [
		'../logistics_sync_query.php',
		'/logistics_sync_query.php',
		'openapi2/logistics_sync_query.php',
		'logistics_sync_query.php?shop_no=x',
		'logistics_sync_query.php#x',
		'%2e%2e%2flogistics_sync_query.php',
		'logistics%5Fsync_query.php',
		'logistics sync query.php',
		'https://evil.example/openapi2/logistics_sync_query.php',
		'//evil.example/logistics_sync_query.php',
		'logistics_sync_query',
		'logistics_sync_query.php/..',
		'logistics_sync_query.PHP',
		'   ',
		'={{ "" }}', // n8n itself refuses a Script left empty; an expression can still give ''
	];

	test.each(badScripts)('script %j', async (script) => {
		const result = await apiCall({ script, ...pairs({ shop_no: 'mall01' }) });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE)?.message).toMatch(/^Item 0: Script (is empty|".*" is not a plain openapi2 script name: enter )/);
		expect(gateway.requests).toEqual([]);
	});

	test('the error names the fix: the file name from a pasted URL, .php when it is missing', async () => {
		const result = await apiCall(
			{ script: '={{ $json.script }}', ...pairs({ shop_no: 'mall01' }) },
			[{ script: 'https://api.wangdian.cn/openapi2/trade_push.php' }, { script: 'trade_push' }, { script: ' logistics_sync_query.php ' }],
			'continueRegularOutput',
		);
		const [items] = result.outputs(NODE);
		expect(items.slice(0, 2)).toEqual([
			{
				json: {
					error: 'Item 0: Script "https://api.wangdian.cn/openapi2/trade_push.php" is not a plain openapi2 script name: enter "trade_push.php". The gateway’s address comes from the credential.',
				},
				pairedItem: { item: 0 },
			},
			{
				json: { error: 'Item 1: Script "trade_push" is not a plain openapi2 script name: enter "trade_push.php". The gateway’s address comes from the credential.' },
				pairedItem: { item: 1 },
			},
		]);
		// Surrounding spaces (a paste) are dropped: the third item was sent.
		expect(gateway.requests.map((r) => r.api)).toEqual(['logistics_sync_query']);
	});

	test.each([
		['pairs', pairs({ shop_no: 'mall01', sign: 'abc' }), /^Item 0: "sign" is a public parameter and cannot be sent as a business parameter: remove it/],
		['JSON', json({ appkey: 'other', shop_no: 'mall01' }), /^Item 0: "appkey" is a public parameter/],
		['JSON that is a list', json([{ shop_no: 'mall01' }]), /^Item 0: JSON Parameters must be one JSON object whose fields are the parameters, e\.g\. \{"shop_no": "mall01"\}; got a list$/],
		['JSON that is a string', json('"shop_no=mall01"'), /^Item 0: JSON Parameters must be one JSON object .*; got the text "shop_no=mall01"$/],
		['JSON that does not parse', json('{"shop_no": mall01}'), /^Item 0: JSON Parameters is not valid JSON \(.*\): fix it/],
		[
			'JSON Parameters that is n8n’s $now (a class instance, not named parameters)',
			{ sendParametersAs: 'json', jsonParameters: '={{ $now }}' },
			/^Item 0: JSON Parameters must be one JSON object whose fields are the parameters, e\.g\. \{"shop_no": "mall01"\}; got an object of type DateTime$/,
		],
		[
			'NaN inside a value an expression built (JSON would write null)',
			pairs({ shop_no: 'mall01', list: '={{ [{ weight: 0 / 0 }] }}' }),
			/^Item 0: Parameter "list" holds the number NaN at \[0\]\.weight, which has no text form: give a number or text$/,
		],
		[
			'a Date inside a value an expression built (JSON would write UTC ISO text)',
			pairs({ shop_no: 'mall01', range: '={{ { from: new Date(0) } }}' }),
			/^Item 0: Parameter "range" holds an object of type Date at \.from, which cannot be sent as it is: give it as text, a number or plain JSON data$/,
		],
		['a name given twice', pairs({ shop_no: 'a' }), null],
		['a value without a name', { sendParametersAs: 'pairs', parameters: { parameter: [{ name: '', value: 'x' }] } }, /^Item 0: Parameter 1 has a value but no name/],
	])('%s', async (_what, parameters, expected) => {
		const given = expected
			? parameters
			: { sendParametersAs: 'pairs', parameters: { parameter: [{ name: 'shop_no', value: 'a' }, { name: 'shop_no ', value: 'b' }] } };
		const result = await apiCall({ script: 'logistics_sync_query.php', ...given }, [{}], 'continueRegularOutput');
		const [items] = result.outputs(NODE);
		expect(items).toEqual([{ json: { error: expect.stringMatching(expected ?? /^Item 0: Parameter "shop_no" is given twice: keep one$/) }, pairedItem: { item: 0 } }]);
		expect(gateway.requests).toEqual([]);
	});

	test('with Stop, a refused parameter is the node’s error for that item; earlier items were sent', async () => {
		gateway.addShop('mall01');
		const result = await apiCall(
			{ script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01', timestamp: '={{ $json.ts }}' }) },
			[{}, { ts: '1700000000' }],
		);
		const error = result.nodeError(NODE);
		expect(error?.message).toBe(
			'Item 1: "timestamp" is a public parameter and cannot be sent as a business parameter: remove it, the credential adds sid, appkey, timestamp and sign to every call',
		);
		expect(error?.description).toBe('Nothing was sent for this item.');
		expect(error).toMatchObject({ context: { itemIndex: 1 } });
		expect(gateway.requests).toHaveLength(1);
	});
});

describe('in the run', () => {
	test('cancelling the execution during a rate-limit wait ends it at once; later items are not sent', async () => {
		await gateway.close();
		const controller = new AbortController();
		gateway = await MockGateway.start({ onRequest: () => controller.abort() });
		gateway.addShop('mall01');
		gateway.injectFault({ kind: 'rate_limit' }, { times: 10 });
		const started = Date.now();
		const result = await runWorkflow({
			workflow: ackWorkflow([{}, {}, {}], {
				parameters: { resource: 'api', operation: 'call', script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }), options: { rateLimitWait: 30 } },
			}),
			credentials: mockCredentials(gateway),
			signal: controller.signal,
		});
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(gateway.requests).toHaveLength(1);
	});

	test('called as an AI tool: one output, the answer paired with its input', async () => {
		const registry = createRegistry();
		registry.addNodeType(`${NODE_TYPE}Tool`, new Wangdiantong());
		gateway.addShop('mall01');
		const workflow = ackWorkflow([{}], { parameters: { resource: 'api', operation: 'call', script: 'logistics_sync_query.php', ...pairs({ shop_no: 'mall01' }) } });
		const node = workflow.nodes.find((candidate) => candidate.name === NODE);
		if (node) node.type = `${NODE_TYPE}Tool`;
		const result = await runWorkflow({ workflow, registry, credentials: mockCredentials(gateway) });
		expect(result.outputs(NODE)).toEqual([[{ json: { code: 0, message: '', trades: [] }, pairedItem: { item: 0 } }]]);
	});
});
