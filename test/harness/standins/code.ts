// Stand-in for n8n-nodes-base.code, because n8n-nodes-base is not installed. It is NOT n8n's
// Code node (no sandbox, no task runner, no data proxy) and exists only so our own example
// workflows can shape data between nodes. Exactly what it emulates:
// - typeVersion 2, `mode: 'runOnceForAllItems'`, `language: 'javaScript'`; anything else throws.
// - `parameters.jsCode` runs as the body of an async function (so `await` and top-level
//   `return` work) via `new Function`, in this process, with these bindings only:
//   `$input.all()`, `$input.first()`, `$input.last()` and `items` (same as `$input.all()`),
//   all deep copies of the input items, `$runIndex` (how many times this node already ran
//   in this execution, read through n8n's own expression engine), and `require` for the
//   built-in module `crypto` only (as n8n allows with NODE_FUNCTION_ALLOW_BUILTIN=crypto).
//   There is no `$json`, `$()`, `$node`, `$item` etc.
// - The return value may be one object or an array; each entry may be `{ json, binary?,
//   pairedItem? }` or a plain object (wrapped as `{ json }`). Anything else throws.
// - Items without pairedItem are paired to input item 0 when the input has fewer items than the
//   output, otherwise to the input item with the same index. A given pairedItem is kept.
// - A thrown error fails the node; with continueOnFail/onError it outputs `{ json: { error } }`.
import * as crypto from 'node:crypto';

import { NodeConnectionTypes, NodeOperationError, deepCopy } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

type CodeBody = (
	input: unknown,
	items: INodeExecutionData[],
	runIndex: number,
	requireBuiltin: (name: string) => unknown,
) => Promise<unknown>;

/** `require` as n8n's Code node offers it with NODE_FUNCTION_ALLOW_BUILTIN=crypto. */
function requireBuiltin(name: string): unknown {
	if (name !== 'crypto' && name !== 'node:crypto') throw new Error(`Cannot find module '${name}'`);
	return crypto;
}
type CodeFunctionConstructor = new (...parameterNamesAndBody: string[]) => CodeBody;

// `new Function` but producing async functions, so user code may `await`.
const AsyncFunction = Object.getPrototypeOf(async () => undefined)
	.constructor as CodeFunctionConstructor;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toItem(entry: unknown): INodeExecutionData | undefined {
	if (!isObject(entry)) return undefined;
	if (isObject(entry.json)) {
		const item: INodeExecutionData = { json: entry.json };
		if (isObject(entry.binary)) item.binary = entry.binary as INodeExecutionData['binary'];
		if (entry.pairedItem !== undefined) {
			item.pairedItem = entry.pairedItem as INodeExecutionData['pairedItem'];
		}
		return item;
	}
	return { json: entry };
}

export class CodeStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Code (harness stand-in)',
		name: 'code',
		group: ['transform'],
		version: 2,
		description: 'Runs JavaScript (harness stand-in, runOnceForAllItems only)',
		defaults: { name: 'Code' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Run Once for All Items', value: 'runOnceForAllItems' },
					{ name: 'Run Once for Each Item', value: 'runOnceForEachItem' },
				],
				default: 'runOnceForAllItems',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: [
					{ name: 'JavaScript', value: 'javaScript' },
					{ name: 'Python', value: 'python' },
				],
				default: 'javaScript',
			},
			{
				displayName: 'JavaScript',
				name: 'jsCode',
				type: 'string',
				typeOptions: { editor: 'codeNodeEditor' },
				default: '',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const mode = this.getNodeParameter('mode', 0);
		const language = this.getNodeParameter('language', 0);
		if (node.typeVersion !== 2 || mode !== 'runOnceForAllItems' || language !== 'javaScript') {
			throw new NodeOperationError(
				node,
				`The Code stand-in only emulates typeVersion 2 / runOnceForAllItems / javaScript (got ${node.typeVersion} / ${String(mode)} / ${String(language)})`,
			);
		}
		const inputItems = this.getInputData();
		const copy = (): INodeExecutionData[] => deepCopy(inputItems);
		const $input = {
			all: copy,
			first: () => copy()[0],
			last: () => copy().at(-1),
		};

		let returned: unknown;
		try {
			const jsCode = String(this.getNodeParameter('jsCode', 0));
			const body = new AsyncFunction('$input', 'items', '$runIndex', 'require', jsCode);
			const runIndex = Number(this.evaluateExpression('={{ $runIndex }}', 0));
			returned = await body($input, copy(), runIndex, requireBuiltin);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			if (this.continueOnFail()) return [[{ json: { error: message } }]];
			throw new NodeOperationError(node, message);
		}

		const entries = Array.isArray(returned) ? returned : [returned];
		const output = entries.map((entry, index) => {
			const item = toItem(entry);
			if (item === undefined) {
				throw new NodeOperationError(node, `Code doesn't return items properly (entry ${index})`);
			}
			return item;
		});
		for (const [index, item] of output.entries()) {
			if (item.pairedItem !== undefined || inputItems.length === 0) continue;
			item.pairedItem = { item: inputItems.length < output.length ? 0 : index };
		}
		return [output];
	}
}
