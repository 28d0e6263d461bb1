/**
 * README.md and README.zh-CN.md must not drift apart: both name every parameter, option and
 * credential field the editor shows (taken from the node's and the credential's own descriptions,
 * so a renamed or added field fails here until both READMEs follow), every ERP error code the
 * node explains, and the per-record refusals of the English troubleshooting table.
 * The node's UI is English in both languages, so the names are looked for as they are.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { WangdiantongApi } from '../../credentials/WangdiantongApi.credentials';
import * as failure from '../../nodes/Wangdiantong/core/failure';
import { Wangdiantong } from '../../nodes/Wangdiantong/Wangdiantong.node';

const REPO = path.join(__dirname, '..', '..');
const english = readFileSync(path.join(REPO, 'README.md'), 'utf8');
const chinese = readFileSync(path.join(REPO, 'README.zh-CN.md'), 'utf8');

/** Display names of parameters and of the options inside collections; notices are prose, not names. */
function displayNames(properties: INodeProperties[]): string[] {
	return properties.flatMap((property) => {
		if (property.type === 'notice') return [];
		const own = [property.displayName];
		if (property.type === 'collection' && Array.isArray(property.options)) {
			return [...own, ...displayNames(property.options as INodeProperties[])];
		}
		// Resource and Operation: what matters are the choices' names (Logistics Sync, Get Pending...).
		if (property.type === 'options' && property.noDataExpression && Array.isArray(property.options)) {
			return (property.options as Array<{ name: string }>).map((option) => option.name);
		}
		return own;
	});
}

const nodeNames = [...new Set(displayNames(new Wangdiantong().description.properties))];
const credentialNames = displayNames(new WangdiantongApi().properties);
const errorCodes = Object.entries(failure)
	.filter(([name, value]) => name.startsWith('ERP_CODE_') && typeof value === 'string')
	.map(([, value]) => value as string);
/** The ERP's per-record texts in the English troubleshooting table: "per record: `记录不存在`". */
const perRecordTexts = [...english.matchAll(/per record: `([^`]+)`/g)].map((match) => match[1]);

/** Whether `text` names `name` as a word of its own (not inside a longer identifier). */
function names(text: string, name: string): boolean {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`).test(text);
}

function missing(text: string, wanted: string[]): string[] {
	return wanted.filter((name) => !names(text, name));
}

describe('README.md and README.zh-CN.md name the same things', () => {
	test('what is compared is really there (the extraction found the node, credential and codes)', () => {
		expect(nodeNames).toEqual(expect.arrayContaining(['Shop Code', 'Max Records', 'Record ID', 'Batch Size', 'Rate Limit Wait']));
		expect(credentialNames).toEqual(expect.arrayContaining(['Environment', 'App Secret']));
		expect(errorCodes).toEqual(expect.arrayContaining(['100', '1007', '1012']));
		expect(perRecordTexts.length).toBeGreaterThanOrEqual(2);
	});

	test.each([
		['README.md', english],
		['README.zh-CN.md', chinese],
	])('%s names every parameter and option of the node', (_file, text) => {
		expect(missing(text, nodeNames)).toEqual([]);
	});

	test.each([
		['README.md', english],
		['README.zh-CN.md', chinese],
	])('%s names every credential field', (_file, text) => {
		expect(missing(text, credentialNames)).toEqual([]);
	});

	test.each([
		['README.md', english],
		['README.zh-CN.md', chinese],
	])('%s explains every ERP error code the node explains (as `code` in its table)', (_file, text) => {
		expect(errorCodes.filter((code) => !text.includes(`\`${code}\``))).toEqual([]);
	});

	test('README.zh-CN.md has every per-record refusal of the English troubleshooting table', () => {
		expect(perRecordTexts.filter((refusal) => !chinese.includes(`\`${refusal}\``))).toEqual([]);
	});

	test('the check catches a README that drops a name (Max Records removed from the Chinese one)', () => {
		const dropped = chinese.replace(/Max Records/g, 'Max');
		expect(missing(dropped, nodeNames)).toEqual(['Max Records']);
	});

	test('README.md links the Chinese README at its top', () => {
		expect(english.split('\n').slice(0, 5).join('\n')).toContain('(README.zh-CN.md)');
	});
});
