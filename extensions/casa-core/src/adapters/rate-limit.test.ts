import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { consume, createLimiter } from './rate-limit';

// Redis runs on this machine and in CI (the production store); memory is the default
describe.each([
	['memory', null],
	['redis', process.env.CASA_TEST_REDIS ?? 'redis://127.0.0.1:6379'],
])('per-IP limiter (%s store)', (_store, redisUrl) => {
	it('lets the configured number of requests through, then refuses with 429 and a reset time', async () => {
		const key = `casa-test${randomUUID().replace(/-/g, '').slice(0, 8)}`;
		const limiter = createLimiter(redisUrl, { key, points: 3, duration: 60 });
		for (let attempt = 0; attempt < 3; attempt++) await consume(limiter, '203.0.113.7');
		const refusal = await consume(limiter, '203.0.113.7').then(
			() => null,
			(error) => error,
		);
		expect(refusal?.status).toBe(429);
		expect(refusal?.extensions?.limit).toBe(3);
		await expect(consume(limiter, '203.0.113.8')).resolves.toBeUndefined();
	});
});
