// Global setup of the cluster suite: one private PostgreSQL and one private
// Redis (tests/cluster/infra.ts), two Directus instances with the real
// extension on two ports sharing them and one uploads folder, provisioned
// once, and one SMTP catcher both outbox workers send to.
// first: every request of this process goes through the "proxy"
import './proxy-fetch';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { type PlatformConfig, loadConfig } from '../../directus.config';
import { runDirectusCommand, startDirectus, waitForHealth } from '../../scripts/lib/directus-process';
import { provision } from '../../scripts/provision/index';
import { freePort, initPostgres, startRedis, stopPostgres, stopRedis, waitForRedis } from './infra';

export interface ClusterContext {
	urls: [string, string];
	adminToken: string;
	demoPassword: string;
	dir: string;
	pgPort: number;
	redisPort: number;
	mailDir: string;
	uploadsDir: string;
	config: PlatformConfig;
	rateLimit: { points: number; duration: number };
	/** the environment of an instance, without its PORT */
	instanceEnv: Record<string, string>;
}

declare module 'vitest' {
	export interface ProvidedContext {
		cluster: ClusterContext;
	}
}

// low enough that the test reaches it, high enough for the other tests: each of
// their requests comes from its own client address (tests/cluster/proxy-fetch.ts)
const RATE_LIMIT = { points: 30, duration: 60 };

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
	// an instance killed mid-conversation (the outage tests) resets its connection: not a failure of the catcher
	server.on('error', () => {});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
	return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function stopProcess(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
		setTimeout(() => child.kill('SIGKILL'), 5000).unref();
	});
}

export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'casa-cluster-'));
	const pg = initPostgres(dir, await freePort());
	const redis = { dir, port: await freePort() };
	startRedis(redis);
	await waitForRedis(redis.port);
	const mailDir = join(dir, 'mail');
	const mail = await startMailCatcher(mailDir);
	const dataDir = join(dir, 'data');
	const secrets = { SECRET: randomBytes(32).toString('hex'), ADMIN_TOKEN: randomBytes(24).toString('hex') };
	const [portA, portB] = [await freePort(), await freePort()];

	const ownEnv = (port: number): Record<string, string> => ({
		CASA_ENV: 'test',
		CASA_DATA_DIR: dataDir,
		PORT: String(port),
		PUBLIC_URL: `http://127.0.0.1:${portA}`,
		...secrets,
		DEMO_DATA: 'true',
		DB_CLIENT: 'pg',
		DB_HOST: '127.0.0.1',
		DB_PORT: String(pg.port),
		DB_USER: 'postgres',
		DB_PASSWORD: '',
		DB_DATABASE: 'postgres',
		REDIS: `redis://127.0.0.1:${redis.port}`,
		RATE_LIMITER_POINTS: String(RATE_LIMIT.points),
		RATE_LIMITER_DURATION: String(RATE_LIMIT.duration),
		CASA_INTAKE_RATE_POINTS: '100000',
		CASA_TRACKING_RATE_POINTS: '100000',
		// the test process plays the reverse proxy: X-Forwarded-For from loopback is believed
		IP_TRUST_PROXY: 'loopback',
		LOG_LEVEL: process.env.CASA_TEST_LOG_LEVEL ?? 'warn',
		// Directus's overload guard answers 503 when the event loop lags: on this shared 2-core machine running two
		// instances, PostgreSQL and the runner it measures the machine (it refused provisioning), as in tests/setup/test-platform.ts
		PRESSURE_LIMITER_ENABLED: 'false',
		// the database bounds, shorter than in production so the frozen-database test is quick
		CASA_DB_ACQUIRE_TIMEOUT_MS: '2000',
		CASA_DB_STATEMENT_TIMEOUT_MS: '2500',
		CASA_DB_QUERY_TIMEOUT_MS: '3000',
	});
	const envFor = (port: number): Record<string, string | undefined> => ({ ...process.env, ...ownEnv(port) });
	const instanceEnv = (mailPort: number): Record<string, string> => ({
		CACHE_ENABLED: 'true',
		CACHE_AUTO_PURGE: 'true',
		CACHE_STATUS_HEADER: 'X-Cache-Status',
		CACHE_TTL: '5m',
		EMAIL_TRANSPORT: 'smtp',
		EMAIL_SMTP_HOST: '127.0.0.1',
		EMAIL_SMTP_PORT: String(mailPort),
		EMAIL_SMTP_SECURE: 'false',
		EMAIL_SMTP_IGNORE_TLS: 'true',
		EMAIL_FROM: 'reclamations@casablanca.ma',
		CASA_OUTBOX_SCHEDULE: '*/2 * * * * *',
		// a sender that dies leaves its claims this long (production: 60 s)
		CASA_OUTBOX_LEASE_MS: '9000',
		// negative control: CASA_CLUSTER_STORES=memory gives each instance its own
		// stores, and the cache, rate limiter and schedule tests must then fail
		...(process.env.CASA_CLUSTER_STORES === 'memory'
			? { CACHE_STORE: 'memory', RATE_LIMITER_STORE: 'memory', SYNCHRONIZATION_STORE: 'memory' }
			: {}),
	});

	const configA = loadConfig(envFor(portA));
	const configB = loadConfig(envFor(portB));
	const servers: ChildProcess[] = [];
	const outputs: string[] = ['', ''];
	const cleanup = async () => {
		await Promise.allSettled(servers.map(stopProcess));
		await mail.close();
		await stopRedis(redis);
		try {
			stopPostgres(pg);
		} catch {
			// already stopped
		}
		if (!process.env.CASA_CLUSTER_KEEP) rmSync(dir, { recursive: true, force: true });
	};
	const start = (config: PlatformConfig, index: number) => {
		const server = startDirectus(config, { quiet: true, extraEnv: instanceEnv(mail.port) });
		const keep = (chunk: Buffer) => (outputs[index] = (outputs[index] + chunk).slice(-30_000));
		server.stdout?.on('data', keep);
		server.stderr?.on('data', keep);
		if (process.env.CASA_CLUSTER_LOG) {
			server.stdout?.on('data', (chunk) => writeFileSync(join(dir, `instance-${index}.log`), chunk, { flag: 'a' }));
			server.stderr?.on('data', (chunk) => writeFileSync(join(dir, `instance-${index}.log`), chunk, { flag: 'a' }));
		}
		servers.push(server);
		return server;
	};
	try {
		await runDirectusCommand(configA, ['bootstrap'], { quiet: true });
		const a = start(configA, 0);
		await waitForHealth(`http://127.0.0.1:${portA}`, a);
		// provisioning comes through the "proxy" too, each request as its own client
		await provision(configA, () => {});
		const b = start(configB, 1);
		await waitForHealth(`http://127.0.0.1:${portB}`, b);
	} catch (error) {
		await cleanup();
		throw new Error(
			`${(error as Error).message}\n--- instance A ---\n${outputs[0]}\n--- instance B ---\n${outputs[1]}`,
		);
	}

	project.provide('cluster', {
		urls: [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`],
		adminToken: configA.adminToken,
		demoPassword: configA.demo.password,
		dir,
		pgPort: pg.port,
		redisPort: redis.port,
		mailDir,
		uploadsDir: configA.uploads.root,
		config: configA,
		rateLimit: RATE_LIMIT,
		// what a further instance needs, on a port of its own (tests that stop or kill an instance start their own)
		instanceEnv: (() => {
			const { PORT: _port, ...shared } = ownEnv(portA);
			return { ...shared, ...instanceEnv(mail.port) };
		})(),
	});
	return async () => {
		if (process.env.CASA_CLUSTER_LOG) console.log(`instance logs in ${dir}`);
		await cleanup();
	};
}
