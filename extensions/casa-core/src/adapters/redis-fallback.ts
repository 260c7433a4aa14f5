// Redis is shared (rate limits, caches, permission cache) but never essential:
// when it stops answering, every limiter and cache in front of a request
// switches to the instance's own memory at once, instead of each call waiting
// ten seconds or more for ioredis to give up. One breaker per process:
// - a call through `guard` goes to Redis only while the breaker is closed and
//   the client is connected; a failure or a call slower than the bound opens
//   the breaker, and that call and every later one take the local fallback;
// - while open, a probe pings Redis every second; the first answer closes the
//   breaker and the local copies are dropped (Redis is the truth again).
// The state is logged on each change and shown by the health endpoint.

export interface RedisLike {
	status: string;
	ping(): Promise<unknown>;
}

export interface FallbackState {
	/** where the shared limiters and caches live right now */
	mode: 'redis' | 'local';
	/** when the current mode began (ISO) */
	since: string;
	/** why Redis was left, while local */
	reason: string | null;
	/** calls answered locally since the breaker last opened */
	localCalls: number;
}

interface Logger {
	warn(message: string): void;
	info(message: string): void;
}

/** a call to Redis slower than this is treated as Redis being gone */
export const REDIS_CALL_BOUND_MS = 250;
const PROBE_EVERY_MS = 1000;

export class RedisBreaker {
	private open = false;
	private since = new Date();
	private reason: string | null = null;
	private localCalls = 0;
	private probe: NodeJS.Timeout | null = null;
	private readonly onRecovery: (() => void | Promise<void>)[] = [];

	constructor(
		private readonly probeClient: () => RedisLike | null,
		private readonly logger: Logger,
		private readonly boundMs = REDIS_CALL_BOUND_MS,
		private readonly probeEveryMs = PROBE_EVERY_MS,
	) {}

	state(): FallbackState {
		return {
			mode: this.open ? 'local' : 'redis',
			since: this.since.toISOString(),
			reason: this.reason,
			localCalls: this.localCalls,
		};
	}

	get isOpen(): boolean {
		return this.open;
	}

	/** something to do when Redis answers again (drop local copies) */
	whenRecovered(callback: () => void | Promise<void>): void {
		this.onRecovery.push(callback);
	}

	/**
	 * Runs `primary` against Redis, or `fallback` when Redis is known gone, the
	 * client is not connected, `primary` fails with an Error or takes longer than
	 * the bound. Rejections that are not Errors (a rate limiter saying "limit
	 * reached") are answers, not faults: they pass through.
	 */
	async guard<T>(
		client: RedisLike | null | undefined,
		primary: () => Promise<T>,
		fallback: () => T | Promise<T>,
	): Promise<T> {
		if (this.open) return this.local(fallback);
		if (client && client.status !== 'ready') {
			this.trip(`connection ${client.status}`);
			return this.local(fallback);
		}
		let timer: NodeJS.Timeout | undefined;
		const timedOut = Symbol('timed out');
		try {
			const outcome = await Promise.race([
				primary(),
				new Promise<typeof timedOut>((resolve) => {
					timer = setTimeout(() => resolve(timedOut), this.boundMs);
				}),
			]);
			if (outcome === timedOut) {
				this.trip(`no answer within ${this.boundMs} ms`);
				return this.local(fallback);
			}
			return outcome as T;
		} catch (error) {
			if (!(error instanceof Error)) throw error;
			this.trip(error.message);
			return this.local(fallback);
		} finally {
			clearTimeout(timer);
		}
	}

	/** Redis said it is gone (a client lost its connection): open now. */
	trip(reason: string): void {
		if (this.open) return;
		this.open = true;
		this.since = new Date();
		this.reason = reason;
		this.localCalls = 0;
		this.logger.warn(
			`[casa-core] Redis unreachable (${reason}): rate limiters and caches run on this instance's memory until it answers again`,
		);
		this.probe = setInterval(() => void this.tryClose(), this.probeEveryMs);
		this.probe.unref();
	}

	private async tryClose(): Promise<void> {
		const client = this.probeClient();
		if (!client || client.status !== 'ready') return;
		let timer: NodeJS.Timeout | undefined;
		try {
			const answered = await Promise.race([
				client.ping().then(() => true),
				new Promise<boolean>((resolve) => {
					timer = setTimeout(() => resolve(false), this.boundMs);
				}),
			]);
			if (!answered || !this.open) return;
		} catch {
			return;
		} finally {
			clearTimeout(timer);
		}
		if (this.probe) clearInterval(this.probe);
		this.probe = null;
		const served = this.localCalls;
		this.open = false;
		this.since = new Date();
		this.reason = null;
		for (const callback of this.onRecovery) {
			try {
				await callback();
			} catch {
				// a local copy that cannot be dropped expires by itself
			}
		}
		this.logger.info(
			`[casa-core] Redis answers again: rate limiters and caches are shared again (${served} calls were answered locally)`,
		);
	}

	private async local<T>(fallback: () => T | Promise<T>): Promise<T> {
		this.localCalls++;
		return fallback();
	}

	stop(): void {
		if (this.probe) clearInterval(this.probe);
		this.probe = null;
	}
}
