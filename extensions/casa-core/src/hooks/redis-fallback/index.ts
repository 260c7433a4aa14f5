// Redis gone must not stall every request. Directus's own users of Redis on
// the request path have no fallback: its per-IP rate limiter (every request),
// its response and system caches (Keyv), its permission cache (memory + Redis)
// and its health check each wait for ioredis to give up (8 to 40 s) and then
// fail. This hook puts them behind the process's Redis breaker
// (adapters/redis-fallback.ts): while Redis does not answer within the bound,
// - the rate limiters count in this instance's memory (same points and duration),
// - the response, system and permission caches miss (the permission cache keeps
//   its local layer), so answers come from the database,
// - the health endpoint says so (status "warn", check "redis:fallback"),
// and everything returns to Redis by itself once it answers a ping.
// Directus's modules are reached through their published paths
// (@directus/api/<module>, the package's own "exports"), at run time, so this
// bundle patches the very instances the server uses.
/* eslint-disable @typescript-eslint/no-explicit-any -- patches Directus internals whose types are not published */
import { defineHook } from '@directus/extensions-sdk';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { processRedisBreaker } from '../../adapters/redis-fallback-registry';
import type { RedisBreaker, RedisLike } from '../../adapters/redis-fallback';
import { readSettings } from '../../config/settings';

const directus = (path: string): Promise<any> => {
	const base = '@directus/api/';
	return import(/* @vite-ignore */ base + path);
};

type Method = (...args: any[]) => Promise<any>;

/** replaces each named method of `target` by a guarded call with a local answer */
function guardMethods(
	breaker: RedisBreaker,
	client: () => RedisLike | null,
	target: Record<string, any>,
	fallbacks: Record<string, (...args: any[]) => unknown>,
) {
	for (const [name, fallback] of Object.entries(fallbacks)) {
		const original = target[name] as Method | undefined;
		if (typeof original !== 'function') continue;
		target[name] = (...args: any[]) =>
			breaker.guard(
				client(),
				() => original.apply(target, args),
				() => fallback(...args),
			);
	}
}

interface StoreLimiter {
	client?: RedisLike;
	points: number;
	duration: number;
	blockDuration: number;
	keyPrefix: string;
	consume: Method;
}

function guardLimiter(breaker: RedisBreaker, limiter: StoreLimiter | undefined) {
	if (!limiter?.client) return false; // a memory limiter has nothing to fall back from
	const memory = new RateLimiterMemory({
		points: limiter.points,
		duration: limiter.duration,
		blockDuration: limiter.blockDuration,
		keyPrefix: limiter.keyPrefix,
	});
	const consume = limiter.consume.bind(limiter);
	limiter.consume = (key: string, points?: number, options?: object) =>
		breaker.guard(
			limiter.client,
			() => consume(key, points, options),
			() => memory.consume(key, points, options),
		);
	// back on Redis, the shared counters count again; the local ones start over next time
	breaker.whenRecovered(() => {
		(memory as unknown as { _memoryStorage?: { _storage?: Map<string, unknown> } })._memoryStorage?._storage?.clear?.();
	});
	return true;
}

export default defineHook(({ init }, { env, logger }) => {
	const { redis, platform, database: databaseSettings } = readSettings(env);
	// Redis given as one URL or in parts (REDIS_HOST…), as Directus reads it
	const redisConfigured = Boolean(redis.url) || Object.keys(redis.parts).length > 0;
	if (!redisConfigured || !redis.enabled) return;

	init('app.before', async () => {
		const { useRedis } = await directus('redis/lib/use-redis');
		const shared = () => useRedis() as RedisLike & { on(event: string, listener: () => void): void };
		const breaker = processRedisBreaker(shared, logger);
		// a dropped connection is known at once, before any request waits on it
		shared().on('close', () => breaker.trip('connection closed'));
		const guarded: string[] = [];

		const { rateLimiter } = await directus('middleware/rate-limiter-ip');
		if (guardLimiter(breaker, rateLimiter)) guarded.push('rate limiter');
		const { rateLimiterGlobal } = await directus('middleware/rate-limiter-global');
		if (guardLimiter(breaker, rateLimiterGlobal)) guarded.push('global rate limiter');

		// response, system, deployment and lock caches: Keyv on @keyv/redis, one ioredis client each
		const { getCache } = await directus('cache');
		const caches = getCache() as Record<string, { store?: { redis?: RedisLike } & Record<string, any> } | null>;
		for (const [name, keyv] of Object.entries(caches)) {
			const store = keyv?.store;
			if (!store?.redis) continue;
			guardMethods(breaker, () => store.redis ?? null, store, {
				get: () => undefined,
				getMany: (keys: unknown[]) => keys.map(() => undefined),
				set: () => undefined,
				delete: () => false,
				clear: () => undefined,
				has: () => false,
			});
			guarded.push(name);
		}

		// permission cache: a local layer in front of Redis, and a bus telling other instances to drop theirs
		const { useCache } = await directus('permissions/cache');
		const permissions = useCache() as {
			local?: { clear(): Promise<void> };
			redis?: Record<string, any>;
			bus?: Record<string, any>;
		};
		if (permissions.redis && permissions.local) {
			guardMethods(breaker, shared, permissions.redis, {
				get: () => undefined,
				set: () => undefined,
				delete: () => undefined,
				clear: () => undefined,
				has: () => false,
			});
			if (permissions.bus) guardMethods(breaker, shared, permissions.bus, { publish: () => undefined });
			// other instances may have changed permissions meanwhile: start again from Redis
			breaker.whenRecovered(() => permissions.local?.clear());
			guarded.push('permission cache');
		}

		// health: while Redis is gone Directus's own check would wait on it (its result cache and its test both use Redis)
		const { ServerService } = await directus('services/server');
		const health = ServerService.prototype.health as Method;
		ServerService.prototype.health = async function (this: { knex: any; accountability: any }) {
			if (!breaker.isOpen) return health.call(this);
			const accountability = this.accountability;
			if (
				accountability !== null &&
				(accountability === undefined || (accountability.role === null && accountability.user === null))
			)
				return health.call(this); // refuses as Directus does
			const started = performance.now();
			let database: { status: 'ok' | 'error'; output?: string } = { status: 'ok' };
			try {
				await this.knex.raw('select 1');
			} catch (error) {
				database = { status: 'error', output: (error as Error).message };
			}
			const state = breaker.state();
			const data = {
				status: database.status === 'error' ? 'error' : 'warn',
				serviceId: platform.publicUrl,
				checks: {
					[`${databaseSettings.client}:responseTime`]: [
						{
							status: database.status,
							componentType: 'datastore',
							observedUnit: 'ms',
							observedValue: +(performance.now() - started).toFixed(3),
							...(database.output ? { output: database.output } : {}),
						},
					],
					'redis:fallback': [
						{
							status: 'warn',
							componentType: 'cache',
							observedValue: state.localCalls,
							observedUnit: 'calls answered locally',
							output: `Redis unreachable since ${state.since} (${state.reason}): rate limiters and caches on this instance's memory`,
						},
					],
				},
			};
			return accountability?.admin === true ? data : { status: data.status };
		};

		logger.info(`[casa-core] Redis fallback ready for: ${guarded.join(', ')}`);
	});
});
