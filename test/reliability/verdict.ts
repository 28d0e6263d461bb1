/**
 * Comparing what the node reported with what the gateway did (see oracle.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { sentOutput, type ReliabilityProfile } from '../workflow/operations';
import type { Analysis, InputRecord } from './oracle';
import { descriptionCounts, countIn, nodeErrorText, pairedIndex, sameJson, sentPart, wdtAck, without, type AckRun } from './support';

/** Problems with the node's two outputs of a run that finished (none when all is well). */
export function outputProblems(profile: ReliabilityProfile, run: AckRun, inputs: readonly InputRecord[], items: readonly IDataObject[], analysis: Analysis): string[] {
	const problems: string[] = [];
	const outputs = [
		...run.acknowledged.map((item) => ({ output: 0, item })),
		...run.failed.map((item) => ({ output: 1, item })),
	];
	for (const { output, item } of outputs) {
		const index = pairedIndex(item);
		const input = inputs[index];
		const ack = wdtAck(item, profile);
		const expected = analysis.expected.get(input.recId);
		const where = `item ${index} (rec_id ${input.recId}, ${input.origin})`;
		if (JSON.stringify(without(item.json, profile.outputKey)) !== JSON.stringify(items[index])) problems.push(`${where}: its JSON was changed`);
		if (!sameJson(sentPart(ack, profile), sentOutput(profile, input.element))) problems.push(`${where}: wdtAck says ${JSON.stringify(sentPart(ack, profile))} was sent`);
		switch (expected?.kind) {
			case 'acknowledged':
				if (output !== 0) problems.push(`${where}: the gateway accepted it, yet it is Failed: ${ack.reason} ${ack.error}`);
				else if ((ack.acknowledgedByEarlierAttempt ?? false) !== expected.byEarlierAttempt) {
					problems.push(`${where}: acknowledgedByEarlierAttempt ${String(ack.acknowledgedByEarlierAttempt)}, expected ${expected.byEarlierAttempt}`);
				} else if ((ack.noLongerPending ?? false) !== expected.noLongerPending) {
					problems.push(`${where}: noLongerPending ${String(ack.noLongerPending)}, expected ${expected.noLongerPending}`);
				}
				break;
			case 'rejected':
				if (output !== 1 || ack.reason !== 'rejected' || ack.error !== expected.error) {
					problems.push(`${where}: expected Failed rejected "${expected.error}", got output ${output} ${ack.reason} ${ack.error}`);
				}
				break;
			case 'request_failed': {
				const after = expected.attempts > 1 ? `(after ${expected.attempts} attempts)` : '';
				if (output !== 1 || ack.reason !== 'request_failed' || !(ack.error ?? '').includes(after)) {
					problems.push(`${where}: expected Failed request_failed ${after}, got output ${output} ${ack.reason} ${ack.error}`);
				}
				break;
			}
			default:
				problems.push(`${where}: never sent, yet on output ${output}: ${JSON.stringify(ack)}`);
		}
	}
	return problems;
}

/** Problems with the Stop error of a run that failed (empty when it tells the truth). */
export function stopProblems(profile: ReliabilityProfile, run: AckRun, inputs: readonly InputRecord[], analysis: Analysis, batchSize: number): string[] {
	const error = nodeErrorText(run);
	if (error === undefined) return [`run ended ${run.result.status} without a node error`];
	const count = (label: RegExp) => countIn(error.description, label) ?? 0;
	const acknowledged = count(descriptionCounts(profile.words).done);
	const rejected = count(descriptionCounts(profile.words).rejected);
	const notAcknowledged = count(descriptionCounts(profile.words).notDone);
	const possiblyAcknowledged = count(descriptionCounts(profile.words).possiblyDone);
	// With one batch in flight, the batch that stopped the run is the last one the gateway saw.
	const failed = analysis.batches[analysis.batches.length - 1];
	if (failed === undefined) return ['stopped before sending anything'];
	const outcomes = analysis.batches
		.slice(0, -1)
		.flatMap((batch) => batch.recIds.map((recId) => analysis.expected.get(recId)));
	const expectedAcknowledged = outcomes.filter((outcome) => outcome?.kind === 'acknowledged').length;
	const expectedRejected = outcomes.filter((outcome) => outcome?.kind === 'rejected').length;
	const problems: string[] = [];
	if (acknowledged !== expectedAcknowledged) problems.push(`says ${acknowledged} acknowledged, the answers confirmed ${expectedAcknowledged}`);
	if (rejected !== expectedRejected) problems.push(`says ${rejected} refused one by one, expected ${expectedRejected}`);
	if (acknowledged + rejected + possiblyAcknowledged + notAcknowledged !== inputs.length) {
		problems.push(
			`counts ${acknowledged} + ${rejected} + ${possiblyAcknowledged} + ${notAcknowledged} do not add up to ${inputs.length} records`,
		);
	}
	const { number } = failed;
	const first = (number - 1) * batchSize;
	const last = first + failed.recIds.length - 1;
	const attempts = failed.attempts.length;
	const batchCount = Math.ceil(inputs.length / batchSize);
	const which = batchCount > 1 ? `batch ${number} of ${batchCount}` : 'the batch';
	if (!error.message.startsWith(`Wangdiantong did not ${profile.words.verb} ${which}: `)) problems.push(`message does not name ${which}: ${error.message}`);
	const items = first === last ? `item ${first}` : `items ${first}–${last}`;
	const held = `\n\nThe failed batch held ${items}; it was tried ${attempts === 1 ? 'once' : `${attempts} times`}.`;
	if (!error.description.includes(held)) problems.push(`description does not say "${held.trim()}": ${error.description}`);
	if (error.message.trim() === '') problems.push('empty error message');
	return problems;
}
