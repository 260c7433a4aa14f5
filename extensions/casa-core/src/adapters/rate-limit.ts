// Per-IP limits on the citizens' routes. With REDIS configured the counters
// live in Redis, so every Directus instance behind the load balancer shares them.
// The limits and the Redis URL come from config/settings.ts (rateLimits, redis.url).
import { HitRateLimitError } from '@directus/errors';
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimit } from '../config/settings';

let sharedClient: Redis | null = null;

function redisClient(url: string): Redis {
	// fail fast: refused at once while disconnected, and a Redis that holds the call gives way after 250 ms (the insurance limiter answers)
	sharedClient ??= new Redis(url, {
		enableOfflineQueue: false,
		maxRetriesPerRequest: 1,
		commandTimeout: 250,
		connectTimeout: 2000,
	});
	return sharedClient;
}

/** A limiter for one of the settings' limits; `redisUrl` null keeps the counters in this instance's memory. */
export function createLimiter(redisUrl: string | null, limit: RateLimit): RateLimiterAbstract {
	return limiterWith(redisUrl, limit.key, limit.points, limit.duration);
}

function limiterWith(url: string | null, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
	const options = { keyPrefix, points, duration };
	// if Redis is unreachable for a moment, each instance keeps limiting on its own
	return url
		? new RateLimiterRedis({
				...options,
				storeClient: redisClient(url),
				insuranceLimiter: new RateLimiterMemory(options),
			})
		: new RateLimiterMemory(options);
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
export function limiterFactory(redisUrl: string | null) {
	const made = new Map<string, RateLimiterAbstract>();
	return (name: string, points: number, duration: number): RateLimiterAbstract => {
		const id = `${name}:${points}:${duration}`;
		let limiter = made.get(id);
		if (!limiter) {
			limiter = limiterWith(redisUrl, `casa-${name.toLowerCase()}`, points, duration);
			made.set(id, limiter);
		}
		return limiter;
	};
}

export type Attempt =
	{ allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number; limit: number };

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
export async function exhausted(
	limiter: RateLimiterAbstract,
	key: string,
): Promise<{ retryAfterSeconds: number } | null> {
	const state = await limiter.get(key || 'unknown');
	if (!state || state.consumedPoints < limiter.points) return null;
	return { retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
}

/** Forgets a key (a successful log-in clears the failures of that account from that address). */
export async function forget(limiter: RateLimiterAbstract, key: string): Promise<void> {
	await limiter.delete(key || 'unknown');
}
