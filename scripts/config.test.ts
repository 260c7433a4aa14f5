import { describe, expect, it } from 'vitest';
import { assertSafeForMode, directusEnv, loadConfig } from '../directus.config';

const productionEnv = {
	CASA_ENV: 'production',
	CASA_DATA_DIR: '/tmp/casa-config-test',
	DB_CLIENT: 'pg',
	SECRET: 'x'.repeat(40),
	ADMIN_TOKEN: 'y'.repeat(32),
	ADMIN_PASSWORD: 'a-real-long-password',
};

describe('directus.config', () => {
	it('secure defaults reach Directus: rate limiter on, upload and query limits, no telemetry', () => {
		const env = directusEnv(
			loadConfig({ CASA_DATA_DIR: '/tmp/casa-config-test', SECRET: 's'.repeat(40), ADMIN_TOKEN: 't'.repeat(30) }),
		);
		expect(env).toMatchObject({
			RATE_LIMITER_ENABLED: 'true',
			FILES_MAX_UPLOAD_SIZE: '10mb',
			FILES_MIME_TYPE_ALLOW_LIST: 'image/jpeg,image/png,image/webp,image/heic,application/pdf',
			QUERY_LIMIT_MAX: '1000',
			MAX_BATCH_MUTATION: '500',
			TELEMETRY: 'false',
			EXTENSIONS_MUST_LOAD: 'true',
			DB_CLIENT: 'sqlite3',
			DB_FILENAME: '/tmp/casa-config-test/casa.db',
			PORT: '8055',
		});
		expect(env.REDIS).toBeUndefined();
	});

	it('every default can be overridden from the environment', () => {
		const env = directusEnv(
			loadConfig({
				CASA_DATA_DIR: '/tmp/casa-config-test',
				SECRET: 's'.repeat(40),
				ADMIN_TOKEN: 't'.repeat(30),
				PORT: '9000',
				QUERY_LIMIT_MAX: '200',
				REDIS: 'redis://127.0.0.1:6379',
				DB_CLIENT: 'pg',
				DB_DATABASE: 'casa',
			}),
		);
		expect(env).toMatchObject({
			PORT: '9000',
			QUERY_LIMIT_MAX: '200',
			RATE_LIMITER_STORE: 'redis',
			CACHE_STORE: 'redis',
			SYNCHRONIZATION_STORE: 'redis',
			DB_CLIENT: 'pg',
			DB_DATABASE: 'casa',
		});
	});

	it('refuses a non-integer number', () => {
		expect(() =>
			loadConfig({ CASA_DATA_DIR: '/tmp/casa-config-test', SECRET: 's', ADMIN_TOKEN: 't', PORT: 'eighty' }),
		).toThrow('PORT must be an integer');
	});

	it('production starts with real secrets on PostgreSQL', () => {
		expect(() => assertSafeForMode(loadConfig(productionEnv))).not.toThrow();
	});

	it.each([
		['no SECRET', { SECRET: undefined }, 'SECRET'],
		['a short ADMIN_TOKEN', { ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
		['the development admin password', { ADMIN_PASSWORD: 'Casa-admin-2026' }, 'ADMIN_PASSWORD'],
		['demo data', { DEMO_DATA: 'true' }, 'DEMO_DATA'],
		['SQLite', { DB_CLIENT: 'sqlite3' }, 'PostgreSQL'],
	])('production refuses %s', (_label, override, message) => {
		expect(() => assertSafeForMode(loadConfig({ ...productionEnv, ...override }))).toThrow(message);
	});
});
