// Per-IP limits on the citizens' routes. With REDIS configured the counters
// live in Redis, so every Directus instance behind the load balancer shares them.
import { HitRateLimitError } from '@directus/errors';
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

let sharedClient: Redis | null = null;

function redisClient(url: string): Redis {
	sharedClient ??= new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
	return sharedClient;
}

export function createLimiter(env: Record<string, unknown>, name: string, fallbackPoints: number): RateLimiterAbstract {
	const options = {
		keyPrefix: `casa-${name.toLowerCase()}`,
		points: Number(env[`CASA_${name}_RATE_POINTS`] ?? fallbackPoints),
		duration: Number(env[`CASA_${name}_RATE_DURATION`] ?? 60),
	};
	const url = typeof env.REDIS === 'string' && env.REDIS ? env.REDIS : null;
	// if Redis is unreachable for a moment, each instance keeps limiting on its own
	return url ? new RateLimiterRedis({ ...options, storeClient: redisClient(url), insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options);
}

export async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
	try {
		await limiter.consume(key || 'unknown');
	} catch (rejection) {
		if (rejection instanceof Error) throw rejection;
		const reset = (rejection as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
		throw new HitRateLimitError({ limit: limiter.points, reset: new Date(Date.now() + reset) });
	}
}
