/**
 * Text copied out of a gateway answer (an unreadable body's excerpt, the ERP's message) is shown
 * to users, stored in executions and logged. A proxy's error page, a PHP notice or a gateway
 * message may echo the request, which carries the sign: anything that looks like one is masked.
 */
const SIGN_PARAMETER = /\bsign=[^&\s"'<>]*/gi;
const MD5_HEX = /\b[0-9a-f]{32}\b/gi;

export function redactSigns(text: string): string {
	return text.replace(SIGN_PARAMETER, 'sign=[redacted]').replace(MD5_HEX, '[redacted]');
}
