import { MockGateway } from '../mock/gateway';
import { LIMIT_INVALID, SHOP_NOT_FOUND } from '../mock/messages';
import type { LogisticsRecord } from '../mock/types';
import { TestClient, ackList, signed } from './helpers';

const client = new TestClient();
let gw: MockGateway;
const QUERY = 'logistics_sync_query.php';

afterEach(() => gw.close());
afterAll(() => client.close());

beforeEach(async () => {
	gw = await MockGateway.start();
});

function trades(answer: { json: Record<string, unknown> }): LogisticsRecord[] {
	expect(answer.json.code).toBe(0);
	return answer.json.trades as LogisticsRecord[];
}

const ids = (records: LogisticsRecord[]): string[] => records.map((record) => record.rec_id);

describe('logistics_sync_query.php', () => {
	it('returns the pool of one shop in ascending rec_id order, up to limit, without paging', async () => {
		gw.seedPending(3, { shopNo: 'shop-a', firstRecId: 98 }); // 98, 99, 100: numeric, not text, order
		gw.addPending([
			{ rec_id: '7', shop_no: 'shop-a' },
			{ rec_id: '5', shop_no: 'shop-b' },
		]);
		const first = trades(
			await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a', limit: '3' })),
		);
		expect(ids(first)).toEqual(['7', '98', '99']);
		// Not acked, so the same records come back: the query does not page.
		const again = trades(
			await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a', limit: '3' })),
		);
		expect(ids(again)).toEqual(['7', '98', '99']);
		await client.post(
			gw.baseUrl,
			'logistics_sync_ack.php',
			signed({ logistics_list: ackList([{ rec_id: '7', status: 0 }]) }),
		);
		const after = trades(await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a' })));
		expect(ids(after)).toEqual(['98', '99', '100']);
	});

	it('defaults limit to 100', async () => {
		gw.seedPending(130, { shopNo: 'shop-a' });
		expect(
			trades(await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a' }))),
		).toHaveLength(100);
	});

	it('sends realistic records', async () => {
		gw.seedPending(1, { shopNo: 'shop-a', firstRecId: 1 });
		const [record] = trades(await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a' })));
		expect(record).toMatchObject({ rec_id: '1', shop_no: 'shop-a', is_part_sync: 0 });
		expect(record.tid).toMatch(/^\d+$/);
		expect(record.oids.split(',')[0]).toMatch(new RegExp(`^${record.tid}\\d$`));
		expect(record.logistics_name).toMatch(/[\u4e00-\u9fff]/);
		expect(record.consign_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		for (const key of [
			'logistics_no',
			'logistics_type',
			'logistics_code_erp',
			'platform_id',
			'trade_id',
		]) {
			expect(record).toHaveProperty(key);
		}
	});

	it('keeps split-shipment records for sellers who set is_part_sync_able=1', async () => {
		gw.addPending([
			{ rec_id: '1', shop_no: 'shop-a', is_part_sync: 1 },
			{ rec_id: '2', shop_no: 'shop-a' },
		]);
		expect(
			ids(trades(await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a' })))),
		).toEqual(['2']);
		const able = signed({ shop_no: 'shop-a', is_part_sync_able: '1' });
		expect(ids(trades(await client.post(gw.baseUrl, QUERY, able)))).toEqual(['1', '2']);
	});

	it('answers 缺少参数shop_no, 1007 店铺不存在, and code 100 for a limit out of 1–100', async () => {
		gw.addShop('shop-a');
		expect((await client.post(gw.baseUrl, QUERY, signed({}))).json).toEqual({
			code: 100,
			message: '缺少参数shop_no',
		});
		expect((await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'nope' }))).json).toEqual({
			code: 1007,
			message: SHOP_NOT_FOUND,
		});
		for (const limit of ['0', '101', 'ten', '-1', '1.5']) {
			const answer = await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a', limit }));
			expect(answer.json).toEqual({ code: 100, message: LIMIT_INVALID });
		}
		expect(
			trades(await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a', limit: '1' }))),
		).toEqual([]);
	});

	it('can write rec_id as a bare number literal, digit for digit beyond 2^53', async () => {
		await gw.close();
		gw = await MockGateway.start({ recIdAsNumber: true });
		const huge = '123456789012345678901234567890';
		gw.addPending([{ rec_id: huge, shop_no: 'shop-a' }]);
		const answer = await client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a' }));
		expect(answer.text).toContain(`"rec_id":${huge},`);
		// Acking it back with the exact digits works.
		const acked = await client.post(
			gw.baseUrl,
			'logistics_sync_ack.php',
			signed({ logistics_list: `[{"rec_id":${huge},"status":0}]` }),
		);
		expect(acked.json.errors).toEqual([]);
		expect(gw.ledger[0].recId).toBe(huge);
	});
});
