/**
 * Date-times as the ERP takes them: Beijing time (UTC+8, no daylight saving) written
 * `yyyy-MM-dd HH:mm:ss` (docs/PROTOCOL.md, "trade_push"). Shops and n8n hand out many other forms;
 * each is read as the instant it names and written in Beijing time.
 */

/** The ERP's "no date" (an unpaid order's pay_time). */
export const ZERO_DATE_TIME = '0000-00-00 00:00:00';

const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** The ERP's own form, taken as Beijing time; `T` accepted in place of the space. */
const ERP_FORM = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
/** ISO 8601 with a zone: `Z` or ±hh:mm (what `toISOString`, Luxon's `toISO` and most shops give). */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
/** Epoch numbers: below this, seconds; from it on, milliseconds (1e11 s is the year 5138). */
const MILLISECONDS_FROM = 1e11;

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** The UTC calendar fields of `epochMs`, written the ERP's way. */
function utcText(epochMs: number): string {
	const t = new Date(epochMs);
	return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

export function beijingText(epochMs: number): string {
	return utcText(epochMs + BEIJING_OFFSET_MS);
}

function fromEpoch(value: number): string | undefined {
	if (!Number.isFinite(value) || value < 0) return undefined;
	return beijingText(value < MILLISECONDS_FROM ? value * 1000 : value);
}

/** A Luxon DateTime (n8n's `$now`, `DateTime.fromISO(…)`) or a JS Date: anything that knows its instant. */
function instantOf(value: object): number | undefined {
	if (value instanceof Date) return value.getTime();
	const toMillis = (value as { toMillis?: unknown }).toMillis;
	if (typeof toMillis === 'function') {
		const ms: unknown = toMillis.call(value);
		return typeof ms === 'number' ? ms : undefined;
	}
	return undefined;
}

/**
 * The value as the ERP's Beijing date-time, or undefined when it is no date-time we can read:
 * ISO with a zone; the ERP's own form, also with `T` and without a zone (taken as Beijing time,
 * as the ERP takes it, and kept as it is); epoch seconds or milliseconds (as numbers or digits);
 * a Luxon DateTime or a Date. The zero date passes unchanged. A date without a time is refused.
 */
export function toBeijingDateTime(value: unknown): string | undefined {
	if (typeof value === 'number') return fromEpoch(value);
	if (typeof value === 'object' && value !== null) {
		const ms = instantOf(value);
		return ms === undefined ? undefined : fromEpoch(ms);
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === ZERO_DATE_TIME) return text;
	if (/^\d+$/.test(text)) return fromEpoch(Number(text));
	const erp = ERP_FORM.exec(text);
	if (erp) {
		const [, y, mo, d, h, mi, s] = erp.map(Number);
		const written = `${erp[1]}-${erp[2]}-${erp[3]} ${erp[4]}:${erp[5]}:${erp[6]}`;
		// Only a real calendar time: Date rolls 2026-02-30 over to March, so it is refused here.
		return utcText(Date.UTC(y, mo - 1, d, h, mi, s)) === written ? written : undefined;
	}
	if (ISO_WITH_ZONE.test(text)) {
		// Date.parse wants the zone's colon: +0800 → +08:00.
		const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
		return Number.isNaN(ms) ? undefined : beijingText(ms);
	}
	return undefined;
}
