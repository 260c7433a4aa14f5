// An instance that dies or is stopped while it works: a third instance of the
// cluster (same database, Redis, uploads and SMTP catcher) is started for each
// test, then killed (kill -9) during an outbox pass or stopped (SIGTERM) during
// photo uploads. Instances A and B keep serving throughout.
import './proxy-fetch';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../directus.config';
import { startDirectus, waitForHealth } from '../../scripts/lib/directus-process';
import { cluster, eventually, wait } from './helpers';
import { freePort } from './infra';

interface Instance {
	url: string;
	child: ChildProcess;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startInstance(extra: Record<string, string> = {}): Promise<Instance> {
	const port = await freePort();
	const env = { ...cluster().instanceEnv, PORT: String(port), ...extra };
	const config = loadConfig({ ...process.env, ...env });
	const child = startDirectus(config, { quiet: true, extraEnv: env });
	let output = '';
	child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
	child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal })),
	);
	const url = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(url, child, 180_000);
	} catch (error) {
		child.kill('SIGKILL');
		throw new Error(`${(error as Error).message}\n${output}`);
	}
	return { url, child, exited };
}

let db: Knex;
beforeAll(() => {
	db = knexFactory({
		client: 'pg',
		connection: { host: '127.0.0.1', port: cluster().pgPort, user: 'postgres', password: '', database: 'postgres' },
		pool: { min: 0, max: 2 },
	});
});
afterAll(async () => {
	await db?.destroy();
});

/** the Message-ID of each e-mail the catcher holds, as many times as it came */
function messageIds(): string[] {
	const dir = cluster().mailDir;
	return readdirSync(dir).flatMap((file) => {
		const match = /^Message-ID:\s*(<[^>]+>)/im.exec(readFileSync(join(dir, file), 'utf8'));
		return match ? [match[1]] : [];
	});
}

const leaseMs = () => Number(cluster().instanceEnv.CASA_OUTBOX_LEASE_MS);

describe('an instance killed during an outbox pass', () => {
	it('sends every message, none twice under its key, none waiting past the lease after the crash', async () => {
		// this instance runs the worker at every tick whatever the others do (its own schedule lock)
		const doomed = await startInstance({ SYNCHRONIZATION_STORE: 'memory', CASA_OUTBOX_CONCURRENCY: '1' });
		const batch = randomUUID().slice(0, 8);
		const rows = Array.from({ length: 240 }, (_, index) => ({
			event: 'acknowledgment',
			channel: 'email',
			recipient: `outbox.${batch}.${index}@example.ma`,
			language: 'fr',
			payload: JSON.stringify({ reference: `KILL-${batch}-${index}` }),
			status: 'pending',
			attempts: 0,
			date_created: new Date(),
		}));
		const ids = (await db('outbox').insert(rows).returning('id')).map((row: { id: number } | number) =>
			typeof row === 'object' ? row.id : row,
		);
		// kill -9 once sending is well under way: the doomed instance holds claims of its own by then
		await eventually(
			async () =>
				Number((await db('outbox').whereIn('id', ids).where({ status: 'sent' }).count({ n: '*' }))[0]?.n) >= 40
					? true
					: undefined,
			60_000,
			100,
		);
		doomed.child.kill('SIGKILL');
		const killedAt = Date.now();
		await doomed.exited;

		// every message is sent, those the dead sender held included, within the lease and a pass of the others
		const bound = leaseMs() + 15_000;
		await eventually(
			async () =>
				Number((await db('outbox').whereIn('id', ids).where({ status: 'sent' }).count({ n: '*' }))[0].n) === ids.length
					? true
					: undefined,
			120_000,
			250,
		);
		const stored = (await db('outbox').select('id', 'attempts', 'sent_at').whereIn('id', ids)) as {
			id: number;
			attempts: number;
			sent_at: Date;
		}[];
		const reclaimed = stored.filter((row) => row.attempts > 1);
		expect(reclaimed.length, 'the killed instance held claims').toBeGreaterThan(0);
		for (const row of reclaimed)
			expect(new Date(row.sent_at).getTime() - killedAt, `message ${row.id}`).toBeLessThan(bound);

		// each message carries its key as Message-ID: one e-mail per message; only a send the kill cut between
		// the relay's acceptance and the sent-mark can come again, and then under the same key
		const ours = new Set(ids.map((id) => `<casa-outbox-${id}@casablanca.ma>`));
		await wait(1000);
		const received = messageIds().filter((id) => ours.has(id));
		expect(new Set(received).size).toBe(ids.length);
		expect(received.length - ids.length).toBeLessThanOrEqual(1);
	}, 300_000);
});

describe('an instance stopped (SIGTERM) during photo uploads', () => {
	it('finishes the uploads under way within the grace period, takes no new request, and exits cleanly', async () => {
		const instance = await startInstance();
		const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
		const sharp = apiRequire('sharp') as (options: object) => {
			jpeg(options: object): { toBuffer(): Promise<Buffer> };
		};
		// photos from a phone: large enough that decoding and re-encoding take a while
		const photo = await sharp({
			create: { width: 3000, height: 2000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
		})
			.jpeg({ quality: 92 })
			.toBuffer();
		const upload = (index: number) => {
			const form = new FormData();
			for (const [name, value] of Object.entries({
				category: 'PROP-04',
				description: 'Dépôt sauvage derrière le marché',
				latitude: '33.5463',
				longitude: '-7.6787',
				lang: 'fr',
				consent: 'true',
				citizen_email: `photo.${index}@example.ma`,
			}))
				form.append(name, value);
			for (let n = 0; n < 2; n++)
				form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `IMG_${index}_${n}.jpg`);
			return fetch(`${instance.url}/portal/api/complaints`, {
				method: 'POST',
				body: form,
				headers: { 'idempotency-key': randomUUID() },
			}).then(async (response) => ({ status: response.status, body: await response.text() }));
		};
		const uploads = [0, 1, 2].map(upload);
		await wait(300);
		const stoppedAt = Date.now();
		instance.child.kill('SIGTERM');
		await wait(200);
		// no new request once stopping
		const late = await fetch(`${instance.url}/server/ping`, { signal: AbortSignal.timeout(5000) }).then(
			(response) => response.status,
			() => 'refused',
		);
		expect(['refused', 503]).toContain(late);
		const answers = await Promise.all(uploads);
		for (const answer of answers) expect(answer.status, answer.body.slice(0, 300)).toBe(201);
		const exit = await instance.exited;
		expect(Date.now() - stoppedAt).toBeLessThan(cluster().config.shutdownGraceMs + 5000);
		expect(exit.code === 0 || exit.signal === 'SIGTERM', JSON.stringify(exit)).toBe(true);
	}, 300_000);
});

describe('npm start', () => {
	it('stops on SIGTERM as a process manager sends it: npm, the script and Directus all end, within the grace period', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'casa-npm-start-'));
		const port = await freePort();
		// a fresh SQLite platform, as on a laptop
		const env = {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? dir,
			CASA_ENV: 'test',
			CASA_DATA_DIR: dir,
			PORT: String(port),
			HOST: '127.0.0.1',
			PUBLIC_URL: `http://127.0.0.1:${port}`,
			DEMO_DATA: 'false',
			LOG_LEVEL: 'warn',
		};
		const npm = spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		npm.stdout?.on('data', (chunk) => (output += chunk));
		npm.stderr?.on('data', (chunk) => (output += chunk));
		const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
		try {
			await eventually(async () => (output.includes('[casa] ready') ? true : undefined), 240_000, 500).catch(
				(error) => {
					throw new Error(`${(error as Error).message}\n${output}`);
				},
			);
			expect((await fetch(`http://127.0.0.1:${port}/server/ping`)).status).toBe(200);
			const stoppedAt = Date.now();
			npm.kill('SIGTERM');
			const code = await Promise.race([
				exited,
				wait(cluster().config.shutdownGraceMs + 10_000).then(() => 'still running'),
			]);
			expect(code, output.slice(-2000)).not.toBe('still running');
			expect(Date.now() - stoppedAt).toBeLessThan(cluster().config.shutdownGraceMs + 5000);
			// Directus itself is gone, not only npm
			await eventually(
				async () =>
					await fetch(`http://127.0.0.1:${port}/server/ping`).then(
						() => undefined,
						() => true,
					),
				5000,
				200,
			);
		} finally {
			if (npm.exitCode === null) npm.kill('SIGKILL');
			rmSync(dir, { recursive: true, force: true });
		}
	}, 360_000);
});
