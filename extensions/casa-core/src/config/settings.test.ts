import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeVariables, readEnvFile } from '../../../../deploy/compose-file';
import {
	DEMO_PASSWORD_DEFAULT,
	DEVELOPMENT_ADMIN_PASSWORD,
	SETTINGS,
	SettingError,
	checkSettings,
	readSettings,
	settingRows,
} from './settings';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const rows = settingRows().flatMap((section) => section.rows);

const problemsOf = (run: () => unknown): string[] => {
	try {
		run();
	} catch (error) {
		if (error instanceof SettingError) return [...error.problems];
		throw error;
	}
	return [];
};

describe('readSettings', () => {
	it('gives every default when nothing is set', () => {
		const settings = readSettings({});
		expect(settings.platform).toMatchObject({
			mode: 'development',
			port: 8055,
			host: '::',
			publicUrl: 'http://localhost:8055',
			secret: '',
			logLevel: 'info',
		});
		expect(settings.outbox).toEqual({
			schedule: '*/15 * * * * *',
			leaseMs: 60_000,
			concurrency: 4,
			passBudgetMs: 12_000,
		});
		expect(settings.mail).toMatchObject({
			host: null,
			port: 993,
			secure: true,
			mailbox: 'INBOX',
			schedule: '0 * * * * *',
			testFaults: false,
		});
		expect(settings.jobs).toEqual({
			privacySchedule: '0 17 * * * *',
			suggestionSchedule: '0 */15 * * * *',
			monthlyReportSchedule: '0 23 * * * *',
		});
		expect(settings.sms).toEqual({ url: null, token: null, sender: 'CasaReclam' });
		expect(settings.ocr).toEqual({ workers: 1, queue: 8, timeoutMs: 60_000 });
		expect(settings.figures).toEqual({ cacheTtlSeconds: 60, publicMinimumCount: 5 });
		expect(settings.rateLimits.intake).toEqual({ key: 'casa-intake', points: 10, duration: 60 });
		expect(settings.rateLimits.loginPair).toEqual({ key: 'casa-login_pair', points: 5, duration: 900 });
		expect(settings.portal.embedOrigins).toEqual(['https://casablancacity.ma', 'https://www.casablancacity.ma']);
		expect(settings.demo).toEqual({ enabled: true, password: DEMO_PASSWORD_DEFAULT });
	});

	it('computes the defaults that follow from other settings', () => {
		expect(readSettings({ NODE_ENV: 'production' }).platform).toMatchObject({ mode: 'production', adminPassword: '' });
		expect(readSettings({ NODE_ENV: 'production' }).demo.enabled).toBe(false);
		expect(readSettings({ CASA_ENV: 'test' }).platform.logLevel).toBe('warn');
		expect(readSettings({ PORT: '9000' }).platform.publicUrl).toBe('http://localhost:9000');
		expect(readSettings({ CASA_MAIL_IMAP_SECURE: 'false' }).mail.port).toBe(143);
		expect(readSettings({ REDIS_URL: 'redis://cache:6379' }).redis.url).toBe('redis://cache:6379');
		expect(readSettings({}).platform.adminPassword).toBe(DEVELOPMENT_ADMIN_PASSWORD);
	});

	it('keeps the values the test platform passes', () => {
		const settings = readSettings({
			CASA_OUTBOX_SCHEDULE: '*/2 * * * * *',
			CASA_PRIVACY_SCHEDULE: 'off',
			CASA_MONTHLY_REPORT_SCHEDULE: 'off',
			CASA_MAIL_POLL_SCHEDULE: '0 0 3 * * *',
			CASA_MAIL_TEST_FAULTS: 'true',
		});
		expect(settings.outbox.schedule).toBe('*/2 * * * * *');
		expect(settings.jobs.privacySchedule).toBeNull();
		expect(settings.jobs.monthlyReportSchedule).toBeNull();
		expect(settings.mail.schedule).toBe('0 0 3 * * *');
		expect(settings.mail.testFaults).toBe(true);
		// five fields (no seconds), as the benchmark passes
		expect(readSettings({ CASA_OUTBOX_SCHEDULE: '0 0 1 1 *' }).outbox.schedule).toBe('0 0 1 1 *');
	});

	it('reads one rule for booleans, whatever the case', () => {
		for (const value of ['true', 'TRUE', '1', 'yes', 'On'])
			expect(readSettings({ DB_SSL: value }).database.ssl).toBe(true);
		for (const value of ['false', 'False', '0', 'no', 'OFF'])
			expect(readSettings({ CASA_MAIL_IMAP_SECURE: value }).mail.secure).toBe(false);
		expect(problemsOf(() => readSettings({ CASA_MAIL_IMAP_SECURE: 'maybe' }).mail)).toEqual([
			'CASA_MAIL_IMAP_SECURE must be true or false (also 1/0, yes/no, on/off), got "maybe"',
		]);
	});

	it('treats an empty or blank value as unset', () => {
		const settings = readSettings({
			SMS_GATEWAY_URL: '',
			CASA_OUTBOX_CONCURRENCY: '  ',
			CASA_MAIL_MAILBOX: '',
			PORTAL_TILE_URL: '',
		});
		expect(settings.sms.url).toBeNull();
		expect(settings.outbox.concurrency).toBe(4);
		expect(settings.mail.mailbox).toBe('INBOX');
		expect(settings.portal.tileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
	});

	it('reads values Directus has already cast (numbers, booleans, comma lists) as their text', () => {
		const settings = readSettings({
			CASA_OUTBOX_CONCURRENCY: 8,
			CASA_MAIL_IMAP_SECURE: false,
			PORTAL_EMBED_ORIGINS: ['https://a.ma', ' https://b.ma'],
			SMS_GATEWAY_TOKEN: 12345,
			WHATSAPP_PHONE_NUMBER_ID: 106540352242922,
			CASA_MAIL_TEST_FAULTS: true,
		});
		expect(settings.outbox.concurrency).toBe(8);
		expect(settings.mail.secure).toBe(false);
		expect(settings.portal.embedOrigins).toEqual(['https://a.ma', 'https://b.ma']);
		expect(settings.sms.token).toBe('12345');
		expect(settings.whatsapp.phoneNumberId).toBe('106540352242922');
		expect(settings.mail.testFaults).toBe(true);
	});

	it('refuses numbers that are not whole or out of bounds, naming the variable', () => {
		expect(problemsOf(() => readSettings({ PORT: 'eighty' }).platform)).toEqual([
			'PORT must be an integer from 1 to 65535, got "eighty"',
		]);
		expect(problemsOf(() => readSettings({ OCR_WORKERS: '8', OCR_QUEUE: '-1', OCR_TIMEOUT_MS: 'soon' }).ocr)).toEqual([
			'OCR_WORKERS must be an integer from 1 to 2, got "8"',
			'OCR_QUEUE must be an integer from 0 to 100, got "-1"',
			'OCR_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 600000, got "soon"',
		]);
		expect(
			problemsOf(() => readSettings({ CASA_OUTBOX_LEASE_MS: '0', CASA_OUTBOX_CONCURRENCY: '2.5' }).outbox),
		).toEqual([
			'CASA_OUTBOX_LEASE_MS must be a whole number of milliseconds of at least 1, got "0"',
			'CASA_OUTBOX_CONCURRENCY must be an integer of at least 1, got "2.5"',
		]);
		expect(readSettings({ FIGURES_CACHE_TTL_SECONDS: '0' }).figures.cacheTtlSeconds).toBe(0);
		expect(
			problemsOf(() => readSettings({ CASA_CHAT_RATE_POINTS: '0', CASA_CHAT_RATE_DURATION: 'a minute' }).rateLimits),
		).toEqual([
			'CASA_CHAT_RATE_POINTS must be an integer of at least 1, got "0"',
			'CASA_CHAT_RATE_DURATION must be a whole number of seconds of at least 1, got "a minute"',
		]);
	});

	it('reads schedules: a cron of 5 or 6 fields, "off" only where a job may be turned off', () => {
		expect(readSettings({ CASA_SUGGESTION_SCHEDULE: 'OFF' }).jobs.suggestionSchedule).toBeNull();
		expect(problemsOf(() => readSettings({ CASA_OUTBOX_SCHEDULE: 'off' }).outbox)).toEqual([
			'CASA_OUTBOX_SCHEDULE must be a cron expression of 5 fields or 6 (with seconds), got "off"',
		]);
		expect(problemsOf(() => readSettings({ CASA_PRIVACY_SCHEDULE: 'every hour' }).jobs)).toEqual([
			'CASA_PRIVACY_SCHEDULE must be a cron expression of 5 fields or 6 (with seconds), or off, got "every hour"',
		]);
	});

	it('reads URLs with their scheme, and lists', () => {
		expect(problemsOf(() => readSettings({ SMS_GATEWAY_URL: 'sms.example/v1' }).sms)).toEqual([
			'SMS_GATEWAY_URL must be a URL (http://… or https://…), got "sms.example/v1"',
		]);
		expect(problemsOf(() => readSettings({ REDIS: 'https://cache' }).redis)).toEqual([
			'REDIS must be a URL (redis://… or rediss://…), got "https://cache"',
		]);
		expect(readSettings({ PORTAL_TILE_URL: 'https://{s}.tile.example/{z}/{x}/{y}.png' }).portal.tileUrl).toBe(
			'https://{s}.tile.example/{z}/{x}/{y}.png',
		);
		// Directus's own default when the launcher did not start it
		expect(readSettings({ PUBLIC_URL: '/' }).platform.publicUrl).toBe('/');
		expect(readSettings({ FILES_MIME_TYPE_ALLOW_LIST: 'image/jpeg, ,image/png,' }).uploads.mimeTypes).toEqual([
			'image/jpeg',
			'image/png',
		]);
	});

	it('refuses a value outside a choice', () => {
		expect(problemsOf(() => readSettings({ CASA_ENV: 'staging' }).platform)).toEqual([
			'CASA_ENV must be one of development, production, test, got "staging"',
		]);
	});

	it('never repeats a secret in an error, and keeps its blanks', () => {
		expect(problemsOf(() => readSettings({ EMAIL_SMTP_PORT: 'x', SECRET: ' s3cr3t ' }).email)).toEqual([
			'EMAIL_SMTP_PORT must be an integer from 1 to 65535, got "x"',
		]);
		expect(readSettings({ SECRET: ' s3cr3t ' }).platform.secret).toBe(' s3cr3t ');
	});

	it('gathers families of variables by prefix', () => {
		const settings = readSettings({
			WHATSAPP_TEMPLATE_STATUS: 'casa_suivi',
			WHATSAPP_TEMPLATE_RESOLVED: 'casa_resolue',
			WHATSAPP_TEMPLATE_EMPTY: '',
			REDIS_HOST: 'cache',
			REDIS_ENABLED: 'true',
		});
		expect(settings.whatsapp.templates).toEqual({ status: 'casa_suivi', resolved: 'casa_resolue' });
		expect(settings.redis.parts).toEqual({ REDIS_HOST: 'cache' });
	});

	it('is frozen, memoised per environment, and parses a section when it is first read', () => {
		const env = { OCR_WORKERS: '9' };
		const settings = readSettings(env);
		expect(readSettings(env)).toBe(settings);
		expect(
			Object.isFrozen(settings) && Object.isFrozen(settings.outbox) && Object.isFrozen(settings.portal.embedOrigins),
		).toBe(true);
		// a part that does not use OCR is not stopped by its setting
		expect(settings.outbox.concurrency).toBe(4);
		expect(() => settings.ocr).toThrow(SettingError);
	});

	it('checkSettings lists every value that cannot be used at once', () => {
		expect(
			problemsOf(() =>
				checkSettings({ OCR_WORKERS: '9', CASA_MAIL_IMAP_SECURE: 'maybe', CASA_OUTBOX_SCHEDULE: 'soon' }),
			),
		).toEqual([
			'CASA_MAIL_IMAP_SECURE must be true or false (also 1/0, yes/no, on/off), got "maybe"',
			'CASA_OUTBOX_SCHEDULE must be a cron expression of 5 fields or 6 (with seconds), got "soon"',
			'OCR_WORKERS must be an integer from 1 to 2, got "9"',
		]);
		expect(() => checkSettings({})).not.toThrow();
	});
});

describe('the declarations', () => {
	it('declare each variable once', () => {
		const names = rows.map((row) => row.name);
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		expect(names.length).toBeGreaterThan(80);
	});

	it('name parts that exist', () => {
		for (const row of rows) {
			expect(row.usedBy.length, row.name).toBeGreaterThan(0);
			for (const part of row.usedBy) {
				if (part === 'launcher' || part === 'Directus') continue;
				const path = ['docker-compose.yml', 'deploy/docker-entrypoint.sh'].includes(part)
					? join(ROOT, part)
					: join(SRC, part);
				expect(existsSync(path) || existsSync(`${path}.ts`), `${row.name}: ${part}`).toBe(true);
			}
		}
	});

	it('describe every variable the deployment files name', () => {
		const names = new Set(rows.map((row) => row.name));
		const compose = composeVariables(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'));
		const example = readEnvFile(readFileSync(join(ROOT, 'deploy/.env.example'), 'utf8'));
		for (const name of [...compose.keys(), ...example.keys()])
			expect(
				names.has(name) || names.has(name.replace(/^WHATSAPP_TEMPLATE_.*/, 'WHATSAPP_TEMPLATE_<EVENT>')),
				name,
			).toBe(true);
	});

	it('are the only reader of the environment in the extension', () => {
		const offenders: string[] = [];
		const walk = (folder: string) => {
			for (const name of readdirSync(folder)) {
				const path = join(folder, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (
					/\.(ts|vue)$/.test(name) &&
					!name.endsWith('.test.ts') &&
					path !== fileURLToPath(new URL('./settings.ts', import.meta.url))
				) {
					readFileSync(path, 'utf8')
						.split('\n')
						.forEach((line, index) => {
							if (/\benv\s*(\.\s*[A-Z_]|\[)|process\.env/.test(line))
								offenders.push(`${relative(SRC, path)}:${index + 1}: ${line.trim()}`);
						});
				}
			}
		};
		walk(SRC);
		expect(offenders).toEqual([]);
	});

	it('have one entry per section key', () => {
		expect(settingRows().map((section) => section.key)).toEqual(Object.keys(SETTINGS));
	});
});
