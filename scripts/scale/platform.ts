/**
 * The shop platform of the scale run: test/mock/platform.ts with the sync loop example's rule
 * (an order whose number ends in 7 is refused), where a push without an order number is refused
 * too, and its ledger read as the checks need it.
 *
 * The push is at-least-once (a worker that dies between the push and the ack leaves the record
 * pending, and the next round pushes it again); the platform answers a repeat as it answered the
 * first push of that order, and the ledger marks it as a repeat.
 */
import { MockPlatform, ORDER_CLOSED, type PlatformShipment } from '../../test/mock/platform';

export interface Push {
	/** Order of arrival, 1-based. */
	seq: number;
	atMs: number;
	orderNo: string;
	trackingNo: string;
	accepted: boolean;
	/** This tracking number had been pushed before. */
	repeat: boolean;
}

export const refusesOrder = (orderNo: string): boolean => orderNo.endsWith('7');

export async function startScalePlatform(port: number): Promise<MockPlatform> {
	return await MockPlatform.start({
		port,
		refusal: (push: PlatformShipment) => {
			const orderNo = String(push.order_no ?? '');
			return orderNo === '' || refusesOrder(orderNo) ? ORDER_CLOSED : undefined;
		},
	});
}

/** Every push the platform received, in order, with whether it repeated an earlier tracking number. */
export function pushesOf(platform: MockPlatform): Push[] {
	const seen = new Set<string>();
	return platform.received.map((push, i) => {
		const trackingNo = String(push.tracking_no ?? '');
		const repeat = seen.has(trackingNo);
		seen.add(trackingNo);
		const { atMs, refused } = platform.answers[i];
		return { seq: i + 1, atMs, orderNo: String(push.order_no ?? ''), trackingNo, accepted: !refused, repeat };
	});
}
