import { MockGateway } from '../mock/gateway';
import {
	LOGISTICS_LIST_INVALID,
	MESSAGE_TOO_LONG,
	NOT_PENDING,
	RECORD_NOT_FOUND,
	STATUS_INVALID,
} from '../mock/messages';
import type { MockGatewayOptions } from '../mock/types';
import { TestClient, ackList, signed } from './helpers';

const client = new TestClient();
let gw: MockGateway;
const ACK = 'logistics_sync_ack.php';
/** 2^63 + 7: far beyond 2^53, where a JS number would have rounded it. */
const HUGE = '9223372036854775815';

afterEach(() => gw.close());
afterAll(() => client.close());

/** Acks with a signed call; with `restart`, first restarts the gateway with those options. */
async function ack(list: string, restart?: MockGatewayOptions) {
	if (restart) {
		await gw.close();
		gw = await MockGateway.start(restart);
		seed();
	}
	return client.post(gw.baseUrl, ACK, signed({ logistics_list: list }));
}

function seed(): void {
	gw.seedPending(3, { shopNo: 'shop-a', firstRecId: 1001 });
	gw.addAcknowledged([{ rec_id: '900', shop_no: 'shop-a' }]);
}

beforeEach(async () => {
	gw = await MockGateway.start();
	seed();
});

describe('logistics_sync_ack.php', () => {
	it('lists unknown and no-longer-pending records in errors, with code 0, and applies the rest', async () => {
		const answer = await ack(
			ackList([
				{ rec_id: '1001', status: 0, message: '同步成功' },
				{ rec_id: '42', status: 0 },
				{ rec_id: '900', status: 1, message: '平台拒绝' },
				{ rec_id: 1002, status: '1', message: '单号错误' },
			]),
		);
		expect(answer.json).toEqual({
			code: 0,
			message: '',
			errors: [
				{ rec_id: '42', error: RECORD_NOT_FOUND },
				{ rec_id: '900', error: NOT_PENDING },
			],
		});
		expect(gw.ledger).toEqual([
			{ recId: '1001', status: 0, message: '同步成功', requestNumber: 1 },
			{ recId: '1002', status: 1, message: '单号错误', requestNumber: 1 },
		]);
		expect(gw.pending('shop-a').map((record) => record.rec_id)).toEqual(['1003']);
	});

	it('refuses a second ack of the same record, in the same batch or a later one', async () => {
		const twice = ackList([
			{ rec_id: '1001', status: 0 },
			{ rec_id: '1001', status: 0 },
		]);
		expect((await ack(twice)).json.errors).toEqual([{ rec_id: '1001', error: NOT_PENDING }]);
		expect((await ack(ackList([{ rec_id: '1001', status: 1 }]))).json.errors).toEqual([
			{ rec_id: '1001', error: NOT_PENDING },
		]);
		expect(gw.ledger).toHaveLength(1);
	});

	it.each([2, '2', -1, 'ok', 0.5])('rejects status %p per record', async (status) => {
		const list = JSON.stringify([{ rec_id: '1001', status }]);
		expect((await ack(list)).json.errors).toEqual([{ rec_id: '1001', error: STATUS_INVALID }]);
		expect(gw.ledger).toHaveLength(0);
	});

	it('allows 255 code points of message (emoji included) and refuses 256', async () => {
		const fine = '📦'.repeat(255); // 510 UTF-16 units
		const answer = await ack(
			ackList([
				{ rec_id: '1001', status: 0, message: fine },
				{ rec_id: '1002', status: 0, message: `${fine}x` },
			]),
		);
		expect(answer.json.errors).toEqual([{ rec_id: '1002', error: MESSAGE_TOO_LONG }]);
		expect(gw.ledger.map((entry) => entry.message)).toEqual([fine]);
	});

	it.each(['{"rec_id":"1001","status":0}', 'not json', '[]', '[1,2]', '"[]"'])(
		'answers code 100 for logistics_list %s',
		async (list) => {
			expect((await ack(list)).json).toEqual({ code: 100, message: LOGISTICS_LIST_INVALID });
		},
	);

	it('keeps a rec_id beyond 2^53 exact, sent as a bare number or a string', async () => {
		gw.addPending([{ rec_id: HUGE, shop_no: 'shop-a' }]);
		const missing = '9223372036854775816';
		const answer = await ack(`[{"rec_id":${HUGE},"status":0},{"rec_id":${missing},"status":0}]`);
		expect(answer.text).toContain(`"rec_id":"${missing}"`);
		expect(gw.ledger).toEqual([{ recId: HUGE, status: 0, message: '', requestNumber: 1 }]);
		// The neighbour a JS number would round to is a different record: it must not be touched.
		expect(Number(HUGE)).toBe(Number(missing));
	});

	it('can answer code as a string, errors rec_id as a bare number, and omit empty errors', async () => {
		const variant = await ack(ackList([{ rec_id: HUGE, status: 0 }]), {
			codeAsString: true,
			errorsRecIdAsNumber: true,
		});
		expect(variant.text).toBe(
			`{"code":"0","message":"","errors":[{"rec_id":${HUGE},"error":"${RECORD_NOT_FOUND}"}]}`,
		);
		const quiet = await ack(ackList([{ rec_id: '1001', status: 0 }]), { omitEmptyErrors: true });
		expect(quiet.text).toBe('{"code":0,"message":""}');
	});

	it('can escape non-ASCII as PHP json_encode does', async () => {
		const answer = await ack(ackList([{ rec_id: '7', status: 0 }]), { escapeUnicode: true });
		expect(answer.text).toBe(
			'{"code":0,"message":"","errors":[{"rec_id":"7","error":"\\u8bb0\\u5f55\\u4e0d\\u5b58\\u5728"}]}',
		);
		expect(answer.json.errors).toEqual([{ rec_id: '7', error: RECORD_NOT_FOUND }]);
	});
});
