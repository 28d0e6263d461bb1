/**
 * What the scale run checks, from the gateway's ledger, the platform's ledger and the executions
 * n8n saved. Pure: the run collects the facts, this says what they mean.
 */
import type { LedgerEntry } from '../../test/mock/gateway';
import { isFinished, type Execution, type Item } from './executions';
import type { Push } from './platform';
import { ACK, PUSH, shopOfWorkflow, type Shop } from './shops';

export interface SeededRecord {
	recId: string;
	shop: Shop;
	orderNo: string;
	trackingNo: string;
}

export interface AckRequest {
	number: number;
	atMs: number;
	/** Platform pushes received when this ack request arrived. */
	pushesBefore: number;
	recIds: string[];
}

export interface Kill {
	atMs: number;
	worker: string;
	/** Executions the killed worker was running, and their shops. */
	executions: Array<{ id: string; shop: Shop }>;
}

export interface Facts {
	seeded: SeededRecord[];
	ledger: readonly LedgerEntry[];
	/** Ack requests the gateway processed (not turned away by 1012), in order of arrival. */
	ackRequests: AckRequest[];
	/** Arrival time of every request, by request number. */
	arrivals: Map<number, number>;
	rateLimited: number;
	requests: number;
	/** Arrival times of the requests the rate limit let through. */
	admittedAt: number[];
	pending: string[];
	pushes: Push[];
	executions: Execution[];
	/** Which worker started which execution, in order (an execution re-run after a kill appears twice). */
	starts: Array<{ executionId: string; worker: string }>;
	kill?: Kill;
	queueMode: boolean;
	saveProgress: boolean;
}

export interface Line {
	ok: boolean;
	what: string;
	detail?: string;
}

export interface Report {
	checks: Line[];
	notes: string[];
	/** Records acknowledged a minute, from the first request to the last accepted ack. */
	perMinute: number;
	minutes: number;
	/**
	 * Records a minute in the run's full minutes: the calls the limit let through in them, times
	 * the records acknowledged per call let through. Unlike `perMinute`, blind to the first
	 * minute's head start (a sliding window lets its 60 calls go at once) and to the last,
	 * partial one.
	 */
	perFullMinute: number;
	callsPerMinute: number[];
}

const sample = (values: readonly string[]): string => `${values.slice(0, 5).join(', ')}${values.length > 5 ? `, … (${values.length})` : ''}`;

function wdtAck(item: Item): Record<string, unknown> {
	return item.json.wdtAck ?? {};
}

export function judge(facts: Facts): Report {
	const checks: Line[] = [];
	const notes: string[] = [];
	const check = (ok: boolean, what: string, detail?: string): void => void checks.push({ ok, what, detail: ok ? undefined : detail });

	const byRecId = new Map(facts.seeded.map((record) => [record.recId, record]));
	const byTracking = new Map(facts.seeded.map((record) => [record.trackingNo, record]));
	const arrivalOf = (requestNumber: number): number => facts.arrivals.get(requestNumber) ?? Number.NaN;

	// 1. Exactly once at the gateway; a second ack of a record is counted, not absorbed.
	const ledgerCount = new Map<string, number>();
	for (const entry of facts.ledger) ledgerCount.set(entry.recId, (ledgerCount.get(entry.recId) ?? 0) + 1);
	const missing = facts.seeded.filter((record) => !ledgerCount.has(record.recId)).map((record) => record.recId);
	const twice = [...ledgerCount].filter(([, count]) => count > 1).map(([recId]) => recId);
	const foreign = [...ledgerCount.keys()].filter((recId) => !byRecId.has(recId));
	check(
		missing.length === 0 && twice.length === 0 && foreign.length === 0 && facts.pending.length === 0,
		`every one of the ${facts.seeded.length} records is acknowledged exactly once in the gateway's ledger, none left pending`,
		`not acknowledged: ${missing.length} (${sample(missing)}); twice: ${twice.length}; unknown: ${foreign.length}; still pending: ${facts.pending.length}`,
	);
	const ledgeredBy = new Map(facts.ledger.map((entry) => [entry.recId, entry]));
	const sentAgain: string[] = [];
	for (const request of facts.ackRequests) {
		for (const recId of request.recIds) {
			const entry = ledgeredBy.get(recId);
			if (entry !== undefined && entry.requestNumber < request.number) sentAgain.push(recId);
		}
	}
	notes.push(
		`acks sent again for a record the gateway had already taken (answered 非待同步状态, not applied): ${sentAgain.length}` +
			(sentAgain.length > 0 ? ` (${sample(sentAgain)})` : ''),
	);

	// 2. The status the ERP got is what the platform said.
	const answerOf = new Map<string, boolean>();
	const inconsistent: string[] = [];
	for (const push of facts.pushes) {
		const before = answerOf.get(push.trackingNo);
		if (before !== undefined && before !== push.accepted) inconsistent.push(push.trackingNo);
		answerOf.set(push.trackingNo, push.accepted);
	}
	const wrongStatus = facts.ledger.filter((entry) => {
		const record = byRecId.get(entry.recId);
		const accepted = record === undefined ? undefined : answerOf.get(record.trackingNo);
		return accepted === undefined || entry.status !== (accepted ? 0 : 1);
	});
	const refused = facts.ledger.filter((entry) => entry.status === 1).length;
	check(
		wrongStatus.length === 0 && inconsistent.length === 0,
		`every acknowledged status matches the platform's answer (${facts.ledger.length - refused} status 0, ${refused} status 1 for orders the platform refused)`,
		`mismatched: ${wrongStatus.length} (${sample(wrongStatus.map((entry) => entry.recId))}); platform answered a tracking number two ways: ${inconsistent.length}`,
	);

	// 3. Nothing acknowledged before it was pushed.
	const firstPush = new Map<string, number>();
	for (const push of facts.pushes) if (!firstPush.has(push.trackingNo)) firstPush.set(push.trackingNo, push.seq);
	const pushesBefore = new Map(facts.ackRequests.map((request) => [request.number, request.pushesBefore]));
	const unpushed = facts.ledger.filter((entry) => {
		const record = byRecId.get(entry.recId);
		const seq = record === undefined ? undefined : firstPush.get(record.trackingNo);
		return seq === undefined || seq > (pushesBefore.get(entry.requestNumber) ?? -1);
	});
	check(
		unpushed.length === 0,
		'no record was acknowledged before the platform had received its push',
		`acknowledged first: ${unpushed.length} (${sample(unpushed.map((entry) => entry.recId))})`,
	);
	const pushedTwice = [...new Set(facts.pushes.filter((push) => push.repeat).map((push) => push.trackingNo))];
	const unknownPushes = facts.pushes.filter((push) => !byTracking.has(push.trackingNo)).length;
	notes.push(
		`platform: ${facts.pushes.length} pushes of ${answerOf.size} tracking numbers; pushed more than once (at-least-once, absorbed by the platform's idempotency): ${pushedTwice.length}` +
			(unknownPushes > 0 ? `; ${unknownPushes} pushes of unknown tracking numbers` : ''),
	);

	// 4. The killed worker's records.
	if (facts.queueMode) {
		const kill = facts.kill;
		if (kill === undefined) {
			check(false, 'a worker was killed with SIGKILL during the run', 'no kill happened (no ack of a shop on worker-1 came in time)');
		} else {
			const shops = new Set(kill.executions.map((execution) => execution.shop));
			const pendingAtKill = facts.seeded.filter((record) => {
				const entry = ledgeredBy.get(record.recId);
				return shops.has(record.shop) && (entry === undefined || arrivalOf(entry.requestNumber) > kill.atMs);
			});
			const lost = pendingAtKill.filter((record) => !ledgeredBy.has(record.recId));
			check(
				kill.executions.length > 0 && lost.length === 0,
				`${kill.worker} was killed (SIGKILL) running ${kill.executions.map((e) => `execution ${e.id} (${e.shop})`).join(', ')}; all ${pendingAtKill.length} of its records still pending then were acknowledged later`,
				`lost: ${lost.length} (${sample(lost.map((record) => record.recId))})`,
			);
			const rerun = kill.executions.map((execution) => ({
				...execution,
				workers: facts.starts.filter((start) => start.executionId === execution.id).map((start) => start.worker),
				status: facts.executions.find((e) => e.id === execution.id)?.status,
			}));
			check(
				rerun.every((execution) => execution.workers.length >= 2 && execution.status === 'success'),
				`n8n's queue ran each killed execution again and it finished: ${rerun.map((e) => `${e.id} on ${e.workers.join(' then ')}`).join('; ')}`,
				rerun.map((e) => `${e.id}: started on [${e.workers.join(', ')}], status ${String(e.status)}`).join('; '),
			);
		}
		const workers = new Set(facts.starts.map((start) => start.worker.replace(/#\d+$/, '')));
		check(workers.size >= 2, `executions ran on both workers (${[...workers].join(', ')})`, `only on ${[...workers].join(', ')}`);
	}

	// 5. Every execution's outputs against the ledgers.
	const unfinished = facts.executions.filter((execution) => execution.status !== 'success');
	check(
		unfinished.length === 0 && facts.executions.every((execution) => isFinished(execution.status)),
		`all ${facts.executions.length} executions finished with status success`,
		unfinished.map((execution) => `${execution.id}: ${execution.status}${execution.error ? ` (${execution.error})` : ''}`).join('; '),
	);
	const problems: string[] = [];
	const reported = new Map<string, number>();
	let noLongerPending = 0;
	let failedItems = 0;
	let notPendingOnFailed = 0;
	const failedReasons = new Map<string, number>();
	for (const execution of facts.executions) {
		const shop = shopOfWorkflow(execution.workflowId);
		const pushRuns = execution.runData[PUSH] ?? [];
		const ackRuns = execution.runData[ACK] ?? [];
		const pushedItems = pushRuns.reduce((sum, run) => sum + (run.data?.main?.[0]?.length ?? 0), 0);
		let routed = 0;
		for (const run of ackRuns) {
			const [acknowledged = [], failed = []] = run.data?.main ?? [];
			routed += (acknowledged ?? []).length + (failed ?? []).length;
			for (const item of acknowledged ?? []) {
				const ack = wdtAck(item);
				if (ack.recId === undefined) {
					problems.push(`execution ${execution.id}: an Acknowledged item without wdtAck.recId`);
					continue;
				}
				const recId = String(ack.recId);
				const entry = ledgeredBy.get(recId);
				if (entry === undefined) problems.push(`execution ${execution.id}: ${recId} on Acknowledged, not in the ledger`);
				else if (entry.status !== ack.status) problems.push(`execution ${execution.id}: ${recId} Acknowledged with status ${String(ack.status)}, ledger ${entry.status}`);
				if (byRecId.get(recId)?.shop !== shop) problems.push(`execution ${execution.id} (${String(shop)}): ${recId} is not its shop's`);
				if (ack.noLongerPending === true) noLongerPending++;
				else reported.set(recId, (reported.get(recId) ?? 0) + 1);
			}
			for (const item of failed ?? []) {
				const ack = wdtAck(item);
				failedItems++;
				const reason = `${String(ack.reason)}: ${String(ack.error).slice(0, 80)}`;
				failedReasons.set(reason, (failedReasons.get(reason) ?? 0) + 1);
				if (String(ack.error).includes('非待同步状态')) notPendingOnFailed++;
			}
		}
		if (routed !== pushedItems) problems.push(`execution ${execution.id}: ${pushedItems} items pushed, ${routed} left Acknowledge (on either output)`);
	}
	const reportedTwice = [...reported].filter(([, count]) => count > 1).map(([recId]) => recId);
	// Ledgered records no execution reports: only those a killed attempt acknowledged before it
	// died, when n8n discarded that attempt's work (save-progress off).
	const everReported = new Set(reported.keys());
	for (const execution of facts.executions) {
		for (const run of execution.runData[ACK] ?? []) for (const item of run.data?.main?.[0] ?? []) everReported.add(String(wdtAck(item).recId));
	}
	const unreported = facts.ledger.filter((entry) => !everReported.has(entry.recId));
	const kill = facts.kill;
	const explained = (entry: LedgerEntry): boolean =>
		kill !== undefined &&
		!facts.saveProgress &&
		kill.executions.some((execution) => execution.shop === byRecId.get(entry.recId)?.shop) &&
		arrivalOf(entry.requestNumber) <= kill.atMs;
	const unexplained = unreported.filter((entry) => !explained(entry));
	check(
		problems.length === 0 && reportedTwice.length === 0 && failedItems === 0 && unexplained.length === 0,
		'every execution\'s outputs reconcile with the ledgers: each pushed item left Acknowledge on exactly one output, each Acknowledged record is in the ledger with that status, none reported acknowledged twice, none on Failed',
		[
			...problems.slice(0, 5),
			reportedTwice.length > 0 ? `reported acknowledged (not as noLongerPending) twice: ${sample(reportedTwice)}` : '',
			failedItems > 0 ? `on Failed: ${failedItems} (${[...failedReasons].map(([reason, n]) => `${n}× ${reason}`).join('; ')})` : '',
			unexplained.length > 0 ? `ledgered but in no execution's output: ${sample(unexplained.map((entry) => entry.recId))}` : '',
		]
			.filter(Boolean)
			.join('; '),
	);
	check(
		notPendingOnFailed === 0,
		`a re-run Acknowledge does not cry wolf: ${noLongerPending} record(s) answered 非待同步状态 left on Acknowledged (wdtAck.noLongerPending), none on Failed`,
		`${notPendingOnFailed} record(s) answered 非待同步状态 went to Failed`,
	);
	notes.push(
		`acknowledged by a killed attempt and in no execution's output (n8n discarded that attempt's work: save-progress ${facts.saveProgress ? 'on' : 'off'}): ${unreported.length - unexplained.length}`,
	);

	// Throughput: from the first request to the last accepted ack.
	const firstAt = Math.min(...facts.arrivals.values());
	const lastAckAt = Math.max(...facts.ledger.map((entry) => arrivalOf(entry.requestNumber)));
	const minutes = (lastAckAt - firstAt) / 60_000;
	const recordsPerMinute = minutes > 0 ? facts.ledger.length / minutes : 0;
	// A window the loops left unused is lost for good: count the calls let through in each minute.
	const perMinute = [0];
	for (const at of facts.admittedAt) {
		const minute = Math.floor((at - firstAt) / 60_000);
		while (perMinute.length <= minute) perMinute.push(0);
		perMinute[minute]++;
	}
	notes.push(
		`gateway: ${facts.requests} requests, ${facts.requests - facts.rateLimited} let through, ${facts.rateLimited} answered 1012; let through in each minute from the first request: ${perMinute.join(', ')} (the last one partial; the limit is 60)`,
	);
	const full = perMinute.slice(0, -1);
	const recordsPerCall = facts.admittedAt.length > 0 ? facts.ledger.length / facts.admittedAt.length : 0;
	const perFullMinute = full.length > 0 ? (full.reduce((a, b) => a + b, 0) / full.length) * recordsPerCall : 0;
	return { checks, notes, perMinute: recordsPerMinute, minutes, perFullMinute, callsPerMinute: perMinute };
}
