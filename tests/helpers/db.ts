// A direct connection to the platform's database (the SQLite file or the
// PostgreSQL database of the test platform), for counting what was stored.
import type { Knex } from 'knex';
import { platform } from './api';
import { type DatabaseConfig, connectDatabase } from './connect-database';

export { type DatabaseConfig, connectDatabase };

export function platformDatabase(): Knex {
	return connectDatabase(platform().config.database as DatabaseConfig);
}

/** Rows of the tables a public request could leave behind. */
export async function storedCounts(knex: Knex): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of [
		'complaints',
		'complaint_events',
		'complaint_files',
		'intake_requests',
		'outbox',
		'conversations',
		'directus_files',
	]) {
		const query = knex(table).count({ n: '*' });
		// the SLA sweep (a flow every five minutes) escalates other tests' complaints in the background: its history
		// entries and staff e-mails are not a public request's
		if (table === 'complaint_events') query.whereNot((row) => row.where({ type: 'escalation', actor_kind: 'system' }));
		if (table === 'outbox') query.whereNot('event', 'like', 'escalation_%');
		const [row] = await query;
		counts[table] = Number(row.n);
	}
	return counts;
}
