import { describe, expect, it } from 'vitest';
import { boundPgQueries } from './database-bounds';

describe('boundPgQueries', () => {
	it('bounds new connections and those already pooled, on PostgreSQL', () => {
		const defaults: Record<string, unknown> = { query_timeout: false };
		const free = { resource: { connectionParameters: { query_timeout: false as number | false } } };
		const used = { resource: { connectionParameters: { query_timeout: false as number | false } } };
		const knex = { client: { config: { client: 'pg' }, driver: { defaults }, pool: { free: [free], used: [used] } } };
		expect(boundPgQueries(knex, 9000)).toBe(2);
		expect(defaults.query_timeout).toBe(9000);
		expect(free.resource.connectionParameters.query_timeout).toBe(9000);
		expect(used.resource.connectionParameters.query_timeout).toBe(9000);
	});

	it('leaves SQLite alone, and a missing bound', () => {
		const defaults: Record<string, unknown> = {};
		expect(boundPgQueries({ client: { config: { client: 'sqlite3' }, driver: { defaults } } }, 9000)).toBeNull();
		expect(boundPgQueries({ client: { config: { client: 'pg' }, driver: { defaults } } }, 0)).toBeNull();
		expect(defaults).toEqual({});
	});
});
