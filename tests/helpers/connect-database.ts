// A direct connection to a database as the platform's config names it, with no
// test-runner import: the tests use it through ./db, their child processes directly.
import knexFactory, { type Knex } from 'knex';

export type DatabaseConfig = {
	client: string;
	filename?: string;
	host?: string;
	port?: number;
	user?: string;
	password?: string;
	database?: string;
};

/** A connection to a database as the platform's config names it (also used by child processes of the tests). */
export function connectDatabase(db: DatabaseConfig): Knex {
	if (db.client === 'sqlite3')
		return knexFactory({
			client: 'sqlite3',
			connection: { filename: db.filename! },
			useNullAsDefault: true,
			// Directus writes the same file: wait for its write lock instead of failing with SQLITE_BUSY
			pool: {
				min: 1,
				max: 1,
				afterCreate: (
					connection: { run: (sql: string, done: (error: Error | null) => void) => void },
					done: (error: Error | null, connection: unknown) => void,
				) => connection.run('PRAGMA busy_timeout = 10000', (error) => done(error, connection)),
			},
		});
	return knexFactory({
		client: 'pg',
		connection: { host: db.host, port: db.port, user: db.user, password: db.password, database: db.database },
		pool: { min: 0, max: 2 },
	});
}
