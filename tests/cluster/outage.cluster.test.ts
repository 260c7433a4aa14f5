// Losing the database for a moment: callers get a clear 503 in their language
// (within the database bounds when the host hangs), nothing accepted is lost,
// and both instances resume by themselves. Losing Redis: complaints are still
// taken at once, on each instance's local limiters and caches.
// The private servers of tests/cluster/infra.ts are stopped and started again.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { signalPostgres, startPostgres, startRedis, stopPostgres, stopRedis, waitForRedis } from './infra';
import { A, B, type Answer, adminToken, call, cluster, eventually, loginAs } from './helpers';

const POINT = { latitude: 33.5463, longitude: -7.6787 };
const pg = () => ({ dir: cluster().dir, port: cluster().pgPort });
const redis = () => ({ dir: cluster().dir, port: cluster().redisPort });

/** As the citizens' app sends it: an idempotency key bound to the app's device id (the client address may change between tries). */
function intake(instance: number, key: string, lang: 'fr' | 'ar') {
	return call(instance, 'POST', '/portal/api/complaints', {
		headers: { 'idempotency-key': key, 'x-casa-device': `device-${key}`, 'accept-language': lang },
		body: {
			category: 'PROP-01',
			description: 'Éclairage en panne pendant la coupure',
			...POINT,
			citizen_email: `panne.${key}@example.ma`,
			consent: true,
			lang,
		},
	});
}

/** both instances healthy and serving the database again */
async function bothRecovered() {
	for (const instance of [A, B]) {
		await eventually(async () => {
			const answer = await call(instance, 'GET', '/items/services?limit=1&fields=code', { token: adminToken() });
			return answer.status === 200 ? true : undefined;
		}, 60_000);
	}
}

function expectUnavailable(answer: Answer, language: 'fr' | 'ar') {
	expect(answer.status, JSON.stringify(answer.body)).toBe(503);
	expect(answer.headers.get('content-type')).toContain('application/json');
	const [error] = answer.body.errors ?? [];
	expect(error.extensions.code).toBe('CASA_SERVICE_UNAVAILABLE');
	expect(error.message).toMatch(language === 'ar' ? /[\u0600-\u06FF]/ : /réessayez/i);
	expect(answer.headers.get('retry-after')).toBe('5');
}

async function complaintsWithKey(key: string) {
	const answer = await call(
		B,
		'GET',
		`/items/complaints?filter[contact][email][_eq]=panne.${key}@example.ma&fields=id,reference&limit=-1`,
		{ token: adminToken() },
	);
	expect(answer.status).toBe(200);
	return answer.body.data as { id: string; reference: string }[];
}

afterEach(async () => {
	// whatever happened, leave both servers running for the next test
	signalPostgres(pg(), 'SIGCONT');
	try {
		startPostgres(pg());
	} catch {
		// already running
	}
	if (
		!(await waitForRedis(redis().port, 500).then(
			() => true,
			() => false,
		))
	) {
		startRedis(redis());
		await waitForRedis(redis().port);
	}
	await bothRecovered();
});

describe('when the database goes away for a moment', () => {
	it('answers 503 in the caller’s language, loses nothing, and resumes by itself', async () => {
		const key = randomUUID();
		stopPostgres(pg());
		const [citizen, staff, arabic] = await Promise.all([
			intake(A, key, 'fr'),
			call(B, 'GET', '/items/complaints?limit=1', { token: adminToken(), headers: { 'accept-language': 'fr' } }),
			intake(B, randomUUID(), 'ar'),
		]);
		expectUnavailable(citizen, 'fr');
		expectUnavailable(staff, 'fr');
		expectUnavailable(arabic, 'ar');
		const health = await call(A, 'GET', '/server/health');
		expect(health.status).toBe(503);
		startPostgres(pg());
		await bothRecovered();
		// the citizen's app retries with the same key: one complaint
		const retried = await intake(B, key, 'fr');
		expect(retried.status).toBe(201);
		const again = await intake(A, key, 'fr');
		expect(again.status).toBe(200);
		expect(again.body.data.reference).toBe(retried.body.data.reference);
		expect(await complaintsWithKey(key)).toHaveLength(1);
	});
});

async function health(instance: number) {
	const answer = await call(instance, 'GET', '/server/health', { token: adminToken() });
	return {
		status: answer.status,
		body: answer.body as { status: string; checks?: Record<string, { status: string; output?: string }[]> },
	};
}

describe('when Redis goes away during intake', () => {
	it('keeps taking complaints at once on local limiters and caches, says so on the health check, and returns to Redis by itself', async () => {
		const total = 120;
		// durations of the requests sent once Redis is gone, and of those under way while it dies
		const durations: number[] = [];
		const during: number[] = [];
		let gone = false;
		const statuses: number[] = [];
		const keys: string[] = [];
		let sent = 0;
		let stopped: Promise<void> | null = null;
		// two citizens' apps filing one after the other, one on each instance; Redis is killed after the tenth
		await Promise.all(
			[A, B].map(async (instance) => {
				while (sent < total) {
					const index = sent++;
					if (index === 10) stopped = stopRedis(redis()).then(() => void (gone = true));
					// from the twentieth on, every request reaches a platform whose Redis is gone (stopping it may take
					// longer than the first ones: without waiting, a fast machine would file them all before it is down)
					if (index >= 20 && stopped && !gone) await stopped;
					const key = randomUUID();
					keys.push(key);
					const started = performance.now();
					const after = gone;
					const answer = await intake(instance, key, index % 3 === 0 ? 'ar' : 'fr');
					if (after) durations.push(performance.now() - started);
					else if (stopped) during.push(performance.now() - started);
					statuses.push(answer.status);
				}
			}),
		);
		await stopped;
		expect(
			statuses.filter((status) => status !== 201),
			JSON.stringify(statuses),
		).toEqual([]);
		expect(durations.length).toBeGreaterThan(40);
		const all = [...during, ...durations];
		const shown = `during: ${during.map(Math.round).join(',')}; after: ${durations.map(Math.round).join(',')}`;
		// issue #17: p99 under 1 s for the requests under way while Redis dies and after (on this 2-core machine alone:
		// all 111 under 35 ms in one run, none over 300 ms in three more; 1.3–2 s stalls were seen only with the machine
		// loaded 15–20)
		const sorted = [...all].sort((a, b) => a - b);
		const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1];
		expect(p99, shown).toBeLessThan(1000);
		expect(sorted[sorted.length - 1], shown).toBeLessThan(3000);

		// staff keep working, the cache only misses
		const read = await call(B, 'GET', '/items/complaints?limit=1&fields=id', { token: adminToken() });
		expect(read.status).toBe(200);
		// the health check says where the limiters and caches are, quickly
		for (const instance of [A, B]) {
			const started = performance.now();
			const { status, body } = await health(instance);
			expect(performance.now() - started).toBeLessThan(1000);
			expect(status).toBe(200);
			expect(body.status).toBe('warn');
			expect(body.checks?.['redis:fallback']?.[0].output).toMatch(/Redis unreachable/);
		}
		// a retry with the same key while Redis is gone still gives the same complaint
		const again = await intake(B, keys[20], 'fr');
		expect(again.status).toBe(200);
		expect(await complaintsWithKey(keys[20])).toHaveLength(1);

		startRedis(redis());
		await waitForRedis(redis().port);
		// back on Redis by themselves: the health check is Directus's own again
		for (const instance of [A, B])
			await eventually(async () => ((await health(instance)).body.status === 'ok' ? true : undefined), 20_000);
		// and the shared stores work again: the cache answers from Redis through the other instance
		const path = `/items/services/VOI?fields=code&x=${keys[0]}`;
		await call(A, 'GET', path, { token: adminToken() });
		expect((await call(B, 'GET', path, { token: adminToken() })).headers.get('x-cache-status')).toBe('HIT');
	});
});

describe('when the database host hangs', () => {
	it('answers every route 503 with Retry-After within the bound, and resumes without a restart', async () => {
		const { queryMs, acquireMs } = cluster().config.databaseBounds;
		const bound = queryMs + acquireMs + 1000;
		const staff = await loginAs('agent', A);
		const tracked = await intake(A, randomUUID(), 'fr');
		expect(tracked.status).toBe(201);
		const reference = tracked.body.data.reference as string;
		signalPostgres(pg(), 'SIGSTOP');
		const routes: [number, string, string, Parameters<typeof call>[3]][] = [
			[A, 'POST', '/portal/api/complaints', undefined],
			[B, 'GET', `/portal/api/complaints/${reference}`, {}],
			[A, 'GET', '/portal/api/categories', {}],
			[B, 'GET', '/open311/v2/services.json', {}],
			[A, 'GET', `/open311/v2/requests.json`, {}],
			[B, 'GET', '/items/complaints?limit=1&fields=id', { token: adminToken() }],
			[A, 'GET', '/users/me', { token: adminToken() }],
			[B, 'GET', '/workspace/complaints', { token: staff }],
		];
		const answers = await Promise.all(
			routes.map(async ([instance, method, path, options]) => {
				const started = performance.now();
				const answer =
					method === 'POST' && path === '/portal/api/complaints'
						? await intake(instance, randomUUID(), 'fr')
						: await call(instance, method, path, options);
				return { path, answer, ms: performance.now() - started };
			}),
		);
		signalPostgres(pg(), 'SIGCONT');
		for (const { path, answer, ms } of answers) {
			expect(answer.status, `${path}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(503);
			expect(answer.headers.get('retry-after'), path).toBe('5');
			expect(ms, path).toBeLessThan(bound);
		}
		// the same processes serve again once the host answers
		await bothRecovered();
		const after = await intake(B, randomUUID(), 'fr');
		expect(after.status).toBe(201);
		expect((await call(A, 'GET', '/open311/v2/services.json')).status).toBe(200);
	});
});
