// A direct connection to the platform's database (the SQLite file or the
// PostgreSQL database of the test platform), for counting what was stored.
import knexFactory, { type Knex } from 'knex';
import { platform } from './api';

export function platformDatabase(): Knex {
	const db = platform().config.database as { client: string; filename?: string; host?: string; port?: number; user?: string; password?: string; database?: string };
	if (db.client === 'sqlite3')
		return knexFactory({
			client: 'sqlite3',
			connection: { filename: db.filename! },
			useNullAsDefault: true,
			// Directus writes the same file: wait for its write lock instead of failing with SQLITE_BUSY
			pool: { min: 1, max: 1, afterCreate: (connection: { run: (sql: string, done: (error: Error | null) => void) => void }, done: (error: Error | null, connection: unknown) => void) => connection.run('PRAGMA busy_timeout = 10000', (error) => done(error, connection)) },
		});
	return knexFactory({ client: 'pg', connection: { host: db.host, port: db.port, user: db.user, password: db.password, database: db.database }, pool: { min: 0, max: 2 } });
}

/** Rows of the tables a public request could leave behind. */
export async function storedCounts(knex: Knex): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of ['complaints', 'complaint_events', 'complaint_files', 'intake_requests', 'outbox', 'conversations', 'directus_files']) {
		const [row] = await knex(table).count({ n: '*' });
		counts[table] = Number(row.n);
	}
	return counts;
}
