// One Redis breaker per process, whichever part of the bundle asks first
// (the redis-fallback hook wires Directus's limiters and caches to it; the
// project's own limiters in adapters/rate-limit.ts use it too).
import { type FallbackState, RedisBreaker, type RedisLike } from './redis-fallback';

const KEY = Symbol.for('casa-core.redis-breaker');
type Holder = { [KEY]?: RedisBreaker };

export function processRedisBreaker(
	probeClient: () => RedisLike | null,
	logger: { warn(message: string): void; info(message: string): void },
): RedisBreaker {
	const holder = globalThis as Holder;
	holder[KEY] ??= new RedisBreaker(probeClient, logger);
	return holder[KEY];
}

/** the breaker if one was made (Redis configured), for callers that only read it */
export function existingRedisBreaker(): RedisBreaker | null {
	return (globalThis as Holder)[KEY] ?? null;
}

export function redisFallbackState(): FallbackState | null {
	return existingRedisBreaker()?.state() ?? null;
}
