// Per-IP limits on the citizens' routes. With REDIS configured the counters
// live in Redis, so every Directus instance behind the load balancer shares them.
import { HitRateLimitError } from '@directus/errors';
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

let sharedClient: Redis | null = null;

function redisClient(url: string): Redis {
	// fail fast: refused at once while disconnected, and a Redis that holds the call gives way after 250 ms (the insurance limiter answers)
	sharedClient ??= new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 250, connectTimeout: 2000 });
	return sharedClient;
}

export function createLimiter(env: Record<string, unknown>, name: string, fallbackPoints: number, fallbackDuration = 60): RateLimiterAbstract {
	return limiterWith(env, `casa-${name.toLowerCase()}`, Number(env[`CASA_${name}_RATE_POINTS`] ?? fallbackPoints), Number(env[`CASA_${name}_RATE_DURATION`] ?? fallbackDuration));
}

function limiterWith(env: Record<string, unknown>, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
	const options = { keyPrefix, points, duration };
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

/**
 * Limiters whose points are data (an Open311 client's own rate and quota):
 * one limiter per (name, points, duration), made on first use.
 */
export function limiterFactory(env: Record<string, unknown>) {
	const made = new Map<string, RateLimiterAbstract>();
	return (name: string, points: number, duration: number): RateLimiterAbstract => {
		const id = `${name}:${points}:${duration}`;
		let limiter = made.get(id);
		if (!limiter) {
			limiter = limiterWith(env, `casa-${name.toLowerCase()}`, points, duration);
			made.set(id, limiter);
		}
		return limiter;
	};
}

export type Attempt = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number; limit: number };

/** Consumes a point without throwing: allowed, or how long to wait. */
export async function attempt(limiter: RateLimiterAbstract, key: string, points = 1): Promise<Attempt> {
	try {
		const result = await limiter.consume(key || 'unknown', points);
		return { allowed: true, remaining: result.remainingPoints };
	} catch (rejection) {
		if (rejection instanceof Error) throw rejection;
		const wait = (rejection as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)), limit: limiter.points };
	}
}

/** Whether a key has used up its points, without consuming one. */
export async function exhausted(limiter: RateLimiterAbstract, key: string): Promise<{ retryAfterSeconds: number } | null> {
	const state = await limiter.get(key || 'unknown');
	if (!state || state.consumedPoints < limiter.points) return null;
	return { retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
}

/** Forgets a key (a successful log-in clears the failures of that account from that address). */
export async function forget(limiter: RateLimiterAbstract, key: string): Promise<void> {
	await limiter.delete(key || 'unknown');
}
