// Losing Redis or the database for a moment: callers get a clear 503 in their
// language, nothing accepted is lost, and both instances resume by themselves.
// The private servers of tests/cluster/infra.ts are stopped and started again.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startPostgres, startRedis, stopPostgres, stopRedis, waitForRedis } from './infra';
import { A, B, type Answer, adminToken, call, cluster, eventually } from './helpers';

const POINT = { latitude: 33.5463, longitude: -7.6787 };
const pg = () => ({ dir: cluster().dir, port: cluster().pgPort });
const redis = () => ({ dir: cluster().dir, port: cluster().redisPort });

/** As the citizens' app sends it: an idempotency key bound to the app's device id (the client address may change between tries). */
function intake(instance: number, key: string, lang: 'fr' | 'ar') {
	return call(instance, 'POST', '/portal/api/complaints', {
		headers: { 'idempotency-key': key, 'x-casa-device': `device-${key}`, 'accept-language': lang },
		body: { category: 'PROP-01', description: 'Éclairage en panne pendant la coupure', ...POINT, citizen_email: `panne.${key}@example.ma`, consent: true, lang },
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
	const answer = await call(B, 'GET', `/items/complaints?filter[contact][email][_eq]=panne.${key}@example.ma&fields=id,reference&limit=-1`, { token: adminToken() });
	expect(answer.status).toBe(200);
	return answer.body.data as { id: string; reference: string }[];
}

afterEach(async () => {
	// whatever happened, leave both servers running for the next test
	try {
		startPostgres(pg());
	} catch {
		// already running
	}
	if (!(await waitForRedis(redis().port, 500).then(() => true, () => false))) {
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

describe('when Redis goes away for a moment', () => {
	it('answers 503 in the caller’s language, stores nothing twice, and resumes by itself', async () => {
		const key = randomUUID();
		await stopRedis(redis());
		// every request passes Directus's rate limiter, whose counters are in Redis:
		// after ioredis gives up (about ten seconds) the caller gets the clear 503
		const [citizen, staff] = await Promise.all([intake(A, key, 'ar'), call(B, 'GET', '/items/complaints?limit=1&fields=id', { token: adminToken() })]);
		expectUnavailable(citizen, 'ar');
		expectUnavailable(staff, 'fr');
		startRedis(redis());
		await waitForRedis(redis().port);
		await bothRecovered();
		const retried = await intake(B, key, 'ar');
		expect(retried.status).toBe(201); // nothing was stored during the outage
		expect(await complaintsWithKey(key)).toHaveLength(1);
		// the shared stores work again: the cache answers from Redis through the other instance
		const path = `/items/services/VOI?fields=code&x=${key}`;
		await call(A, 'GET', path, { token: adminToken() });
		expect((await call(B, 'GET', path, { token: adminToken() })).headers.get('x-cache-status')).toBe('HIT');
	});
});
