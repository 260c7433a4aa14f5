import { describe, expect, it } from 'vitest';
import { unavailableError, unavailableService } from './service-unavailable';

describe('unavailableService', () => {
	it('recognises a database that is down or restarting', () => {
		expect(
			unavailableService(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
		).toBe('database');
		expect(
			unavailableService(
				Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
			),
		).toBe('database');
		expect(unavailableService(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(
			'database',
		);
		expect(unavailableService(new Error('Connection terminated unexpectedly'))).toBe('database');
		expect(
			unavailableService(
				Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
					name: 'KnexTimeoutError',
				}),
			),
		).toBe('database');
		// the bounds of every database wait (adapters/database-bounds.ts): a frozen server, a statement over its time
		expect(unavailableService(new Error('Query read timeout'))).toBe('database');
		expect(
			unavailableService(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })),
		).toBe('database');
		// Node reports a refused dual-stack connection as an AggregateError
		expect(
			unavailableService(
				new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''),
			),
		).toBe('database');
	});

	it('recognises Redis that is down', () => {
		expect(
			unavailableService(
				Object.assign(new Error('Reached the max retries per request limit (which is 20).'), {
					name: 'MaxRetriesPerRequestError',
				}),
			),
		).toBe('redis');
		expect(unavailableService(new Error('Connection is closed.'))).toBe('redis');
		expect(
			unavailableService(
				new Error('wrapped', { cause: new Error("Stream isn't writeable and enableOfflineQueue options is false") }),
			),
		).toBe('redis');
	});

	it('leaves every other error alone', () => {
		expect(unavailableService(new Error('relation "outbox" does not exist'))).toBeNull();
		expect(unavailableService(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeNull();
		expect(unavailableService(null)).toBeNull();
		expect(unavailableService('ECONNREFUSED')).toBeNull();
	});
});

describe('unavailableError', () => {
	it('is a 503 in the caller’s language', () => {
		const fr = unavailableError('database', 'fr');
		const ar = unavailableError('redis', 'ar');
		expect(fr.status).toBe(503);
		expect(fr.code).toBe('CASA_SERVICE_UNAVAILABLE');
		expect(fr.message).toMatch(/réessayez/i);
		expect(ar.message).toMatch(/[\u0600-\u06FF]/);
		expect(ar.extensions.service).toBe('redis');
	});
});
