// The reference deployment, checked without a Docker engine: the compose file
// against the Compose Specification schema (deploy/vendor/compose-spec.json)
// and against what production needs; the image recipe, the proxy, the
// entrypoint's shell and its refusals, the compiled start-up scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { assertSafeForMode, directusEnv, loadConfig, projectRoot } from '../directus.config';
import { composeVariables, interpolate, readCompose, readEnvFile } from './compose-file';

const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');
const composeText = read('docker-compose.yml');
const envExample = readEnvFile(read('deploy/.env.example'));

function composeValidator() {
	const { $schema: _ignored, ...schema } = JSON.parse(read('deploy/vendor/compose-spec.json'));
	const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
	addFormats.default(ajv);
	return ajv.compile(schema);
}

/** the environment `docker compose --env-file deploy/.env` would read, with sample secrets */
const sampleEnv: Record<string, string> = {
	...Object.fromEntries(envExample),
	DB_PASSWORD: 'sample-database-password',
	SECRET: 'sample-secret-of-at-least-thirty-two-chars',
	ADMIN_TOKEN: 'sample-admin-token-24-chars-min',
	ADMIN_PASSWORD: 'Sample-admin-password-2026',
};

describe('docker-compose.yml', () => {
	it('is valid under the Compose Specification', () => {
		const validate = composeValidator();
		const valid = validate(readCompose());
		expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
		expect(valid).toBe(true);
	});

	it('would be refused by the same validator if it were wrong', () => {
		const validate = composeValidator();
		const broken = readCompose();
		broken.services.platform.replica = 2; // a typo of deploy.replicas
		expect(validate(broken)).toBe(false);
		const badDependency = readCompose();
		badDependency.services.platform.depends_on.postgres = { condition: 'healthy' };
		expect(validate(badDependency)).toBe(false);
	});

	it('runs two replicas behind the TLS proxy, with health checks and restart policies everywhere', () => {
		const { services, volumes } = interpolate(readCompose(), sampleEnv);
		expect(Object.keys(services).sort()).toEqual(['platform', 'postgres', 'provision', 'proxy', 'redis']);
		expect(services.platform.deploy.replicas).toBe(2);
		expect(services.platform.depends_on.provision.condition).toBe('service_completed_successfully');
		for (const name of ['postgres', 'redis', 'platform', 'proxy']) {
			expect(services[name].healthcheck?.test, name).toBeTruthy();
			expect(services[name].restart, name).toBe('unless-stopped');
		}
		expect(services.platform.healthcheck.test.join(' ')).toContain('/server/health');
		expect(services.platform.healthcheck.test.join(' ')).toContain('process.env.ADMIN_TOKEN');
		expect(services.provision.restart).toBe('on-failure');
		expect(services.provision.command).toEqual(['provision']);
		expect(services.platform.command).toEqual(['serve']);
		// only the proxy is published; the database and Redis have no way out
		expect(services.proxy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
		for (const name of ['postgres', 'redis', 'platform', 'provision'])
			expect(services[name].ports, name).toBeUndefined();
		expect(services.postgres.networks).toEqual(['backend']);
		expect(services.redis.networks).toEqual(['backend']);
		expect(readCompose().networks.backend.internal).toBe(true);
		// persistent database and one uploads volume shared by every replica
		expect(services.postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
		expect(services.platform.volumes).toEqual(['uploads:/data/uploads']);
		expect(services.provision.volumes).toEqual(['uploads:/data/uploads']);
		expect(Object.keys(volumes)).toEqual(expect.arrayContaining(['postgres-data', 'uploads']));
		expect(services.proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
		expect(services.platform.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile' });
	});

	it('gives the platform a production configuration that passes the production checks', () => {
		const { services } = interpolate(readCompose(), sampleEnv);
		const environment: Record<string, string> = {
			...Object.fromEntries(envExample),
			...services.platform.environment,
			DB_PASSWORD: sampleEnv.DB_PASSWORD,
			SECRET: sampleEnv.SECRET,
			ADMIN_TOKEN: sampleEnv.ADMIN_TOKEN,
			ADMIN_PASSWORD: sampleEnv.ADMIN_PASSWORD,
		};
		expect(environment).toMatchObject({
			CASA_ENV: 'production',
			DEMO_DATA: 'false',
			DB_CLIENT: 'pg',
			CACHE_ENABLED: 'true',
			CACHE_STORE: 'redis',
			RATE_LIMITER_STORE: 'redis',
			SYNCHRONIZATION_STORE: 'redis',
			PUBLIC_URL: 'https://reclamations.casablancacity.ma',
		});
		expect(environment.IP_TRUST_PROXY).toBeTruthy();
		const config = loadConfig(environment);
		expect(() => assertSafeForMode(config)).not.toThrow();
		const directus = directusEnv(config);
		expect(directus).toMatchObject({
			RATE_LIMITER_ENABLED: 'true',
			RATE_LIMITER_STORE: 'redis',
			CACHE_STORE: 'redis',
			SYNCHRONIZATION_STORE: 'redis',
			IP_TRUST_PROXY: 'loopback,uniquelocal',
			FILES_MAX_UPLOAD_SIZE: '10mb',
			GRAPHQL_INTROSPECTION: 'false',
		});
		// every database wait is bounded, and a stop lets requests in flight finish before Docker's own deadline
		expect(directus).toMatchObject({
			DB_POOL__ACQUIRE_TIMEOUT_MILLIS: '4000',
			DB_CONNECTION_TIMEOUT_MILLIS: '3000',
			CASA_DB_QUERY_TIMEOUT_MS: '9000',
		});
		expect(directus.DB_OPTIONS).toContain('statement_timeout=8000');
		const stopGraceSeconds = Number(/^(\d+)s$/.exec(String(services.platform.stop_grace_period))?.[1]);
		expect(Number(directus.SERVER_SHUTDOWN_TIMEOUT)).toBe(config.shutdownGraceMs);
		expect(config.shutdownGraceMs + 5000).toBeLessThanOrEqual(stopGraceSeconds * 1000);
		// the example's empty secrets are refused, not started with
		expect(() =>
			assertSafeForMode(
				loadConfig({
					...environment,
					SECRET: envExample.get('SECRET'),
					ADMIN_PASSWORD: envExample.get('ADMIN_PASSWORD'),
				}),
			),
		).toThrow(/SECRET must be set/);
	});

	it('reads only variables that deploy/.env.example documents, and refuses to start without the secrets', () => {
		const variables = composeVariables(composeText);
		for (const name of variables.keys())
			expect(envExample.has(name), `${name} missing from deploy/.env.example`).toBe(true);
		for (const name of ['SECRET', 'ADMIN_TOKEN', 'ADMIN_PASSWORD', 'DB_PASSWORD', 'CASA_DOMAIN'])
			expect(envExample.has(name), name).toBe(true);
		expect(variables.get('DB_PASSWORD')?.required).toBe(true);
		expect(variables.get('CASA_DOMAIN')?.required).toBe(true);
		expect(() => interpolate(readCompose(), { ...sampleEnv, DB_PASSWORD: '' })).toThrow(/DB_PASSWORD/);
	});
});

describe('deploy/Dockerfile', () => {
	const dockerfile = read('deploy/Dockerfile');

	it('builds with dev dependencies, then runs production dependencies as a non-root user with a health check', () => {
		const stages = [...dockerfile.matchAll(/^FROM (\S+)(?: AS (\S+))?/gm)].map((match) => ({
			image: match[1],
			name: match[2],
		}));
		expect(stages).toEqual([
			{ image: 'node:22-bookworm', name: 'build' },
			{ image: 'node:22-bookworm-slim', name: 'runtime' },
		]);
		const runtime = dockerfile.slice(dockerfile.indexOf('FROM node:22-bookworm-slim'));
		expect(dockerfile).toMatch(/npm ci/);
		expect(dockerfile).toMatch(/npm prune --omit=dev/);
		expect(runtime).toMatch(/^USER node$/m);
		expect(runtime).toMatch(/^HEALTHCHECK .*\n.*\/server\/health.*Bearer '\+process\.env\.ADMIN_TOKEN/m);
		expect(runtime).toMatch(/ENTRYPOINT \["\/app\/deploy\/docker-entrypoint.sh"\]/);
		expect(runtime).toMatch(/CASA_ENV=production/);
	});

	it('copies into the runtime only what exists in the sources or the build makes', () => {
		const built = new Set(['/app/extensions/casa-core/dist', '/app/deploy/dist', '/app/node_modules']);
		const sources = [...dockerfile.matchAll(/^COPY --from=build (.+) \S+$/gm)].flatMap((match) => match[1].split(' '));
		expect(sources.length).toBeGreaterThan(5);
		for (const source of sources) {
			if (built.has(source)) continue;
			expect(existsSync(join(projectRoot, source.replace(/^\/app\//, ''))), source).toBe(true);
		}
		// and the build context keeps what the build stage needs
		const ignored = read('.dockerignore')
			.split('\n')
			.filter((line) => line && !line.startsWith('#'));
		for (const needed of [
			'package.json',
			'package-lock.json',
			'scripts',
			'extensions',
			'seed',
			'schema',
			'deploy',
			'directus.config.ts',
		])
			expect(ignored, needed).not.toContain(needed);
		expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'deploy/.env', 'data']));
	});
});

describe('deploy/Caddyfile', () => {
	it('terminates TLS for the domain, adds security headers and balances over healthy replicas', () => {
		const caddyfile = read('deploy/Caddyfile');
		expect(caddyfile).toMatch(/^\{\$CASA_DOMAIN\} \{/m);
		for (const header of [
			'Strict-Transport-Security',
			'X-Content-Type-Options "nosniff"',
			'Referrer-Policy',
			'Permissions-Policy',
			'-Server',
		])
			expect(caddyfile).toContain(header);
		expect(caddyfile).toMatch(/name platform\s+port 8055/);
		expect(caddyfile).toContain('health_uri /server/ping');
		expect(caddyfile).toContain('max_size 60MB');
		// braces balance
		expect((caddyfile.match(/\{/g) ?? []).length).toBe((caddyfile.match(/\}/g) ?? []).length);
	});
});

describe('deploy/docker-entrypoint.sh', () => {
	const script = join(projectRoot, 'deploy', 'docker-entrypoint.sh');
	const run = (args: string[], env: Record<string, string>) =>
		spawnSync('bash', [script, ...args], {
			env: { PATH: process.env.PATH ?? '', ...env },
			encoding: 'utf8',
			timeout: 30_000,
		});

	it('is valid bash', () => {
		const check = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
		expect(check.stderr).toBe('');
		expect(check.status).toBe(0);
	});

	it('refuses an unknown command', () => {
		const result = run(['migrate'], {});
		expect(result.status).toBe(64);
		expect(result.stderr).toContain("unknown command 'migrate'");
	});

	it('gives up with a clear message when the database never answers, and parses the Redis URL', () => {
		const noDatabase = run(['serve'], { DB_CLIENT: 'pg', DB_HOST: '127.0.0.1', DB_PORT: '1', CASA_WAIT_SECONDS: '1' });
		expect(noDatabase.status).toBe(69);
		expect(noDatabase.stderr).toContain('PostgreSQL at 127.0.0.1:1 is not reachable after 1 s');
		const noRedis = run(['serve'], { REDIS: 'redis://user:secret@127.0.0.1:1/0', CASA_WAIT_SECONDS: '1' });
		expect(noRedis.status).toBe(69);
		expect(noRedis.stderr).toContain('Redis at 127.0.0.1:1 is not reachable');
		expect(noRedis.stderr).not.toContain('secret');
	});
});

describe('deploy/build-scripts.mjs', () => {
	it('compiles the start-up scripts with only production dependencies left to import', async () => {
		const outdir = mkdtempSync(join(tmpdir(), 'casa-scripts-'));
		try {
			// @ts-expect-error plain ES module without types
			const { buildScripts } = await import('./build-scripts.mjs');
			const { metafile } = (await buildScripts(outdir)) as {
				metafile: { outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
			};
			const pkg = JSON.parse(read('package.json'));
			const directusDeps = Object.keys(
				JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'directus', 'package.json'), 'utf8')).dependencies ??
					{},
			);
			const allowed = new Set([...Object.keys(pkg.dependencies), ...directusDeps, 'knex']);
			const externals = new Set(
				Object.values(metafile.outputs).flatMap((output) =>
					output.imports.filter((entry) => entry.external).map((entry) => entry.path),
				),
			);
			for (const name of externals) {
				if (name.startsWith('node:') || builtinModules.includes(name)) continue;
				const packageName = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
				expect(allowed.has(packageName) || packageName === 'knex', `${name} is not a production dependency`).toBe(true);
			}
			expect(externals.has('@directus/sdk')).toBe(true);
		} finally {
			rmSync(outdir, { recursive: true, force: true });
		}
	});
});
