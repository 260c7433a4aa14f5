// deploy/docker-entrypoint.sh outside Docker, with the environment the compose
// file gives the platform: `provision` on an empty PostgreSQL database, then
// `serve` until /server/health answers, then a clean stop on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import knexFactory from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../directus.config';
import { interpolate, readCompose, readEnvFile } from '../../deploy/compose-file';
import { freePort, startRedis, stopRedis, waitForRedis } from './infra';
import { cluster, eventually } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'casa-entrypoint-'));
const redis = { dir: work, port: 0 };
const database = `casa_deploy_${process.pid}`;

function entrypoint(command: string, env: Record<string, string>): ChildProcess {
	const child = spawn('bash', [join(projectRoot, 'deploy', 'docker-entrypoint.sh'), command], {
		// Node 22 first on PATH, as in the image
		env: { PATH: `${dirname(process.execPath)}:${process.env.PATH}`, HOME: work, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	return child;
}

function outputOf(child: ChildProcess): () => string {
	let output = '';
	child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
	child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
	return () => output;
}

const exited = (child: ChildProcess) =>
	new Promise<number | null>((resolve) =>
		child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
	);

afterAll(async () => {
	await stopRedis(redis);
	const admin = knexFactory({
		client: 'pg',
		connection: { host: '127.0.0.1', port: cluster().pgPort, user: 'postgres', database: 'postgres' },
	});
	await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
	await admin.destroy();
	rmSync(work, { recursive: true, force: true });
});

describe('deploy/docker-entrypoint.sh', () => {
	it('provisions an empty database once, then serves it with the compose file’s production settings', async () => {
		// the compiled start-up scripts the image runs
		// @ts-expect-error plain ES module without types
		const { buildScripts } = await import('../../deploy/build-scripts.mjs');
		await buildScripts();
		redis.port = await freePort();
		startRedis(redis);
		await waitForRedis(redis.port);
		const admin = knexFactory({
			client: 'pg',
			connection: { host: '127.0.0.1', port: cluster().pgPort, user: 'postgres', database: 'postgres' },
		});
		await admin.raw(`CREATE DATABASE ${database}`);
		await admin.destroy();

		const secrets = {
			SECRET: randomBytes(32).toString('hex'),
			ADMIN_TOKEN: randomBytes(24).toString('hex'),
			ADMIN_PASSWORD: `Casa-${randomBytes(9).toString('base64url')}`,
			DB_PASSWORD: '',
		};
		const example = Object.fromEntries(readEnvFile(readFileSync(join(projectRoot, 'deploy', '.env.example'), 'utf8')));
		const composeEnv = interpolate(readCompose(), { ...example, ...secrets, DB_PASSWORD: 'unused-by-trust-auth' })
			.services.platform.environment as Record<string, string>;
		const port = await freePort();
		mkdirSync(join(work, 'data', 'uploads'), { recursive: true });
		const env: Record<string, string> = {
			...composeEnv,
			...secrets,
			ADMIN_EMAIL: 'admin@casablanca.ma',
			// what differs outside Docker: addresses, ports, folders
			CASA_APP_DIR: projectRoot,
			DB_HOST: '127.0.0.1',
			DB_PORT: String(cluster().pgPort),
			DB_USER: 'postgres',
			DB_DATABASE: database,
			REDIS: `redis://127.0.0.1:${redis.port}`,
			PORT: String(port),
			HOST: '127.0.0.1',
			CASA_DATA_DIR: join(work, 'data'),
			STORAGE_LOCAL_ROOT: join(work, 'data', 'uploads'),
			TEMP_PATH: join(work, 'tmp'),
			LOG_LEVEL: 'warn',
		};
		expect(env.CASA_ENV).toBe('production');

		const provision = entrypoint('provision', env);
		const provisionOutput = outputOf(provision);
		expect(await exited(provision), provisionOutput()).toBe(0);
		expect(provisionOutput()).toContain('[casa] provisioned');

		const serve = entrypoint('serve', env);
		const serveOutput = outputOf(serve);
		try {
			const url = `http://127.0.0.1:${port}`;
			const health = await eventually(
				async () => {
					// as the image's HEALTHCHECK: Directus 12 answers /server/health to authenticated callers
					const response = await fetch(`${url}/server/health`, {
						headers: { authorization: `Bearer ${secrets.ADMIN_TOKEN}` },
					});
					return response.status === 200 ? await response.json() : undefined;
				},
				120_000,
				1_000,
			).catch((error) => {
				throw new Error(`${(error as Error).message}\n${serveOutput()}`);
			});
			expect(health.status).toBe('ok');
			expect(Object.keys(health.checks).some((check) => check.startsWith('redis'))).toBe(true);
			expect(Object.keys(health.checks).some((check) => check.startsWith('email'))).toBe(false);
			expect((await fetch(`${url}/server/ping`)).status).toBe(200);
			// provisioned: the citizens' API answers from the seeded reference data
			const categories = await fetch(`${url}/portal/api/categories`);
			expect(categories.status).toBe(200);
			expect((await categories.json()).data.length).toBeGreaterThan(0);
			// production: no demo accounts, the administrator logs in with the given password
			const demo = await fetch(`${url}/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'agent.proprete@casablanca.ma', password: 'Casa-demo-2026' }),
			});
			expect(demo.status).toBe(401);
			const login = await fetch(`${url}/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'admin@casablanca.ma', password: secrets.ADMIN_PASSWORD }),
			});
			expect(login.status).toBe(200);
		} finally {
			serve.kill('SIGTERM');
			const code = await Promise.race([
				exited(serve),
				new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
			]);
			if (code === 'timeout') serve.kill('SIGKILL');
			expect(code).not.toBe('timeout');
		}
	}, 240_000);
});
