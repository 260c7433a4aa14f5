// Starts a real Directus with the real extensions on a throw-away database
// (a temporary SQLite file, or a fresh PostgreSQL database with
// CASA_TEST_DB=pg), provisioned exactly as `npm start` does.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { SMTPServer } from 'smtp-server';
import { type PlatformConfig, loadConfig } from '../../directus.config';
import { runDirectusCommand, startDirectus, waitForHealth } from '../../scripts/lib/directus-process';
import { provision } from '../../scripts/provision/index';
import { startTestServices } from './services/index';

export interface TestPlatform {
	url: string;
	config: PlatformConfig;
	/** every e-mail the platform sends lands here, one .eml file each */
	mailDir: string;
	/** what each test service (tests/setup/services) hands to the tests */
	services: Record<string, Record<string, unknown>>;
	stop: () => Promise<void>;
}

/** A real SMTP server (the smtp-server package) that keeps what it receives as files. */
async function startMailCatcher(mailDir: string): Promise<{ port: number; close: () => Promise<void> }> {
	mkdirSync(mailDir, { recursive: true });
	let count = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				writeFileSync(join(mailDir, `${Date.now()}-${++count}.eml`), Buffer.concat(chunks));
				callback();
			});
		},
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
	return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

const pgAdmin = () =>
	knexFactory({
		client: 'pg',
		connection: {
			host: process.env.PGHOST ?? '127.0.0.1',
			port: Number(process.env.PGPORT ?? 5432),
			user: process.env.PGUSER ?? 'postgres',
			password: process.env.PGPASSWORD ?? '',
			database: 'postgres',
		},
	});

export async function startTestPlatform(
	options: { database?: 'sqlite' | 'pg'; extraEnv?: Record<string, string> } = {},
): Promise<TestPlatform> {
	const database = options.database ?? (process.env.CASA_TEST_DB === 'pg' ? 'pg' : 'sqlite');
	const dataDir = mkdtempSync(join(tmpdir(), 'casa-test-'));
	const mailDir = join(dataDir, 'mail');
	const mail = await startMailCatcher(mailDir);
	const services = await startTestServices(dataDir);
	const port = await freePort();
	const env: Record<string, string | undefined> = {
		...process.env,
		CASA_ENV: 'test',
		CASA_DATA_DIR: dataDir,
		PORT: String(port),
		// on the loopback address only: two test platforms given the same free port (parallel runs on one
		// machine) then fail to start instead of one answering for the other on 127.0.0.1 while the other holds ::
		HOST: '127.0.0.1',
		PUBLIC_URL: `http://127.0.0.1:${port}`,
		SECRET: randomBytes(32).toString('hex'),
		ADMIN_TOKEN: randomBytes(24).toString('hex'),
		DEMO_DATA: 'true',
		RATE_LIMITER_POINTS: '100000',
		CASA_INTAKE_RATE_POINTS: '100000',
		CASA_TRACKING_RATE_POINTS: '100000',
		LOG_LEVEL: process.env.CASA_TEST_LOG_LEVEL ?? 'warn',
		// Directus's overload guard answers 503 when the event loop lags; on a 2-core machine running a browser and
		// the test runner beside Directus that measures the machine, not the platform (the guard stays on in production)
		PRESSURE_LIMITER_ENABLED: 'false',
		...options.extraEnv,
	};
	let dropDatabase: (() => Promise<void>) | null = null;
	if (database === 'pg') {
		const name = `casa_test_${process.pid}_${Date.now()}`;
		const admin = pgAdmin();
		await admin.raw(`CREATE DATABASE ${name}`);
		await admin.destroy();
		Object.assign(env, {
			DB_CLIENT: 'pg',
			DB_HOST: process.env.PGHOST ?? '127.0.0.1',
			DB_PORT: process.env.PGPORT ?? '5432',
			DB_USER: process.env.PGUSER ?? 'postgres',
			DB_PASSWORD: process.env.PGPASSWORD ?? '',
			DB_DATABASE: name,
		});
		dropDatabase = async () => {
			const cleanup = pgAdmin();
			await cleanup.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await cleanup.destroy();
		};
	} else {
		env.DB_CLIENT = 'sqlite3';
		env.DB_FILENAME = join(dataDir, 'test.db');
	}
	const config = loadConfig(env);
	await runDirectusCommand(config, ['bootstrap'], { quiet: true });
	const server = startDirectus(config, {
		quiet: true,
		extraEnv: {
			EMAIL_TRANSPORT: 'smtp',
			EMAIL_SMTP_HOST: '127.0.0.1',
			EMAIL_SMTP_PORT: String(mail.port),
			EMAIL_SMTP_SECURE: 'false',
			EMAIL_SMTP_IGNORE_TLS: 'true',
			EMAIL_FROM: 'reclamations@casablanca.ma',
			CASA_OUTBOX_SCHEDULE: '*/2 * * * * *',
			// the retention job runs when a test asks (POST /casa-privacy/run), never at a minute that happens to come by
			CASA_PRIVACY_SCHEDULE: 'off',
			// the monthly report e-mails are queued when a test asks (tests/integration/officials.test.ts), never by the clock
			CASA_MONTHLY_REPORT_SCHEDULE: 'off',
			// the env above only configures; the Directus child gets what is passed here (the overload guard measures
			// this shared 2-core machine, not the platform: it answered 503 "Under pressure" in the middle of tests)
			PRESSURE_LIMITER_ENABLED: env.PRESSURE_LIMITER_ENABLED ?? 'false',
			// the fuzz test sends thousands of requests from one address; these limits have their own tests
			CASA_CHAT_RATE_POINTS: '100000',
			CASA_OPEN311_KEY_FAILURES_RATE_POINTS: '100000',
			...services.env,
			...options.extraEnv,
		},
	});
	let output = '';
	server.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
	server.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
	const url = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(url, server);
		await provision(config, () => {});
	} catch (error) {
		server.kill('SIGKILL');
		await services.stop();
		throw new Error(`${(error as Error).message}\n--- Directus output ---\n${output}`);
	}
	return {
		url,
		config,
		mailDir,
		services: services.provide,
		stop: async () => {
			await mail.close();
			await services.stop();
			await new Promise<void>((resolve) => {
				if (server.exitCode !== null) return resolve();
				server.once('exit', () => resolve());
				server.kill('SIGTERM');
				setTimeout(() => server.kill('SIGKILL'), 5000).unref();
			});
			await dropDatabase?.();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}
