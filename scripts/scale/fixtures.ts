/**
 * Writes what `n8n import:credentials` and `n8n import:workflow --separate` read for the scale
 * run: the credential pointing at the mock gateway, and one copy of the sync loop example per shop.
 *
 *   ts-node --transpile-only scripts/scale/fixtures.ts <dir> <gateway-base-url> <platform-url>
 *
 * Each copy is the example as shipped (examples/logistics-sync-loop.workflow.json: its Get
 * Pending, Acknowledge and Code settings untouched) with three changes: a Webhook trigger instead
 * of the schedule (the run decides when each shop's round starts, the way a schedule would), the
 * shop's code, and the mock platform's URL.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_ACCOUNT } from '../../test/mock/gateway';
import { CREDENTIAL_ID, GET_PENDING, PUSH, SHOPS, TRIGGER, webhookPathOf, workflowIdOf, type Shop } from './shops';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'logistics-sync-loop.workflow.json');

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	[key: string]: unknown;
}

export function shopWorkflow(shop: Shop, platformUrl: string): Record<string, unknown> {
	const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: WorkflowNode[]; name: string } & Record<string, unknown>;
	const nodes = example.nodes.map((node) => {
		if (node.name === TRIGGER) {
			// Same name: the connections refer to it. Answers at once; the loop runs in a worker.
			return {
				...node,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: `wdt-scale-${shop}`,
				parameters: { httpMethod: 'POST', path: webhookPathOf(shop), responseMode: 'onReceived', options: {} },
			};
		}
		if (node.name === GET_PENDING) return { ...node, parameters: { ...node.parameters, shopNo: shop } };
		if (node.name === PUSH) return { ...node, parameters: { ...node.parameters, url: platformUrl } };
		return node;
	});
	return { ...example, name: `${example.name} — ${shop}`, nodes, id: workflowIdOf(shop), active: false };
}

function main(): void {
	const [dir, baseUrl, platformUrl] = process.argv.slice(2);
	if (!dir || !baseUrl || !platformUrl) throw new Error('usage: fixtures.ts <dir> <gateway-base-url> <platform-url>');
	// n8n 1.x `import:credentials` reads an array; `data` as an object is encrypted on import.
	const credentials = [
		{ id: CREDENTIAL_ID, name: 'Wangdiantong mock gateway', type: 'wangdiantongApi', data: { environment: 'custom', baseUrl, ...DEFAULT_ACCOUNT } },
	];
	writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(credentials, null, 2) + '\n');
	mkdirSync(path.join(dir, 'workflows'), { recursive: true });
	for (const shop of SHOPS) {
		writeFileSync(path.join(dir, 'workflows', `${shop}.json`), JSON.stringify(shopWorkflow(shop, platformUrl), null, 2) + '\n');
	}
	console.log(SHOPS.map(workflowIdOf).join(' '));
}

if (require.main === module) main();
