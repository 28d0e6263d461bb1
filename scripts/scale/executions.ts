/**
 * n8n's executions as n8n saved them in Postgres: status, workflow and the run data of every
 * node, read with the `pg` and `flatted` packages of the n8n under test (n8n stores run data as
 * flatted JSON text), so nothing is added to this repo's dependencies.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Item {
	json: Record<string, unknown> & { wdtAck?: Record<string, unknown> };
}

export interface NodeRun {
	startTime?: number;
	executionTime?: number;
	error?: { message?: string };
	data?: { main?: Array<Item[] | null> };
}

export interface Execution {
	id: string;
	workflowId: string;
	status: string;
	startedAt?: Date;
	stoppedAt?: Date;
	error?: string;
	runData: Record<string, NodeRun[]>;
}

interface PgClient {
	connect(): Promise<void>;
	query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
	end(): Promise<void>;
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
export const isFinished = (status: string): boolean => FINISHED.has(status);

export class ExecutionStore {
	private constructor(
		private readonly client: PgClient,
		private readonly parse: (text: string) => unknown,
	) {}

	static async open(n8nHome: string, env: NodeJS.ProcessEnv): Promise<ExecutionStore> {
		const load = createRequire(path.join(n8nHome, 'node_modules', 'n8n', 'package.json'));
		const { Client } = load('pg') as { Client: new (options: Record<string, unknown>) => PgClient };
		const { parse } = load('flatted') as { parse: (text: string) => unknown };
		const client = new Client({
			host: env.DB_POSTGRESDB_HOST,
			port: Number(env.DB_POSTGRESDB_PORT),
			user: env.DB_POSTGRESDB_USER,
			database: env.DB_POSTGRESDB_DATABASE,
			password: env.DB_POSTGRESDB_PASSWORD,
		});
		await client.connect();
		return new ExecutionStore(client, parse);
	}

	/** Id, workflow and status of every execution, oldest first. */
	async list(): Promise<Array<{ id: string; workflowId: string; status: string }>> {
		const { rows } = await this.client.query('SELECT id, "workflowId", status FROM execution_entity ORDER BY id');
		return rows.map((row) => ({ id: String(row.id), workflowId: String(row.workflowId), status: String(row.status) }));
	}

	async read(id: string): Promise<Execution> {
		const { rows } = await this.client.query(
			'SELECT e.id, e."workflowId", e.status, e."startedAt", e."stoppedAt", d.data FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e.id = $1',
			[id],
		);
		const row = rows[0];
		if (row === undefined) throw new Error(`no execution ${id}`);
		const data = (typeof row.data === 'string' && row.data !== '' ? this.parse(row.data) : {}) as {
			resultData?: { runData?: Record<string, NodeRun[]>; error?: { message?: string } };
		};
		return {
			id: String(row.id),
			workflowId: String(row.workflowId),
			status: String(row.status),
			startedAt: row.startedAt instanceof Date ? row.startedAt : undefined,
			stoppedAt: row.stoppedAt instanceof Date ? row.stoppedAt : undefined,
			error: data.resultData?.error?.message,
			runData: data.resultData?.runData ?? {},
		};
	}

	async close(): Promise<void> {
		await this.client.end();
	}
}
