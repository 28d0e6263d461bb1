/**
 * Turning one `code` 0 answer into output items: the whole answer as one item, or, with Split
 * Into Items, one item per element of a list field (`trades`, `stock_change_list`, …).
 *
 * The answer arrives parsed losslessly (core/response.ts): integers beyond 2^53 are already exact
 * strings of digits, everything else is as the ERP sent it.
 */
import { isPlainObject } from '../../../core/plainObject';
import { describeValue } from '../../../core/text';

export type AnswerItems = { ok: true; items: Array<Record<string, unknown>> } | { ok: false; error: string };

/**
 * `field` empty: the answer itself, `code` and `message` included, exactly as the ERP sent it
 * (what a user compares with the vendor's documentation). Otherwise each element of that list,
 * an element that is not an object wrapped as `{ [field]: element }` (n8n's Split Out does the
 * same). A missing, null or empty field gives no items: PHP scripts commonly write an empty list
 * as `""`, `null` or leave it out. Anything else that is not a list is refused, naming the fields
 * the answer does have.
 */
export function answerItems(answer: Record<string, unknown>, field: string): AnswerItems {
	if (field === '') return { ok: true, items: [answer] };
	const list = answer[field];
	if (list === undefined || list === null || list === '') return { ok: true, items: [] };
	if (!Array.isArray(list)) {
		const fields = Object.keys(answer).join(', ');
		return {
			ok: false,
			error: `its "${field}" is ${describeValue(list)}, not a list: in Split Into Items, enter the name of a list field of the answer (it has ${fields}), or clear the option to get the whole answer`,
		};
	}
	return { ok: true, items: list.map((element: unknown) => (isPlainObject(element) ? element : { [field]: element })) };
}
