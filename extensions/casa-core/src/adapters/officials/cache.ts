// The figures behind the officials' screens and the public page, kept per
// month (FIGURES_CACHE_TTL_SECONDS, default 60; 0 turns caching off): the
// aggregates scan thirteen months of complaints (seconds at a million), and the
// same figures serve every official and every visitor. Nobody waits for that
// scan on a warm server:
// - the months of the officials' month picker (the current month and the 11
//   before it, KEPT_MONTHS) are computed in the background when the server
//   starts (once the platform is provisioned; the current month first), then
//   kept: recomputed shortly before their figures are TTL old while they are
//   read, and at least every IDLE_MS (15 minutes) when nobody reads them;
// - any other month (the public archive, ?until=) is computed when first asked
//   for (its caller waits), then served, and forgotten once nobody read it for
//   IDLE_MS;
// - figures past the TTL (a month read again after a while, a refresh that
//   failed or lagged) are still served, up to IDLE_MS past the TTL, while one
//   refresh runs in the background (stale while revalidate);
// - one background computation at a time, and one computation per month
//   however many callers ask at the same time.
// Each instance keeps its own figures (in memory, no collection).
import type { Knex } from 'knex';
import { FigureSet, type Reference } from '../../domain/officials/figures';
import { monthOf, shiftMonth } from '../../domain/reports/month-window';
import { referenceData } from '../platform-context';
import { figureCells, figuresReference, openCells } from './queries';

/** a month nobody read for this long is forgotten (a kept month: recomputed this often when nobody reads it) */
export const IDLE_MS = 15 * 60_000;
/** the months kept computed: the officials' month picker (modules/workspace/officials-view.vue), the current one first */
export const KEPT_MONTHS = 12;
const MAX_ENTRIES = 32;

export interface CachedFigures {
	set: FigureSet;
	reference: Reference;
	computedAt: Date;
	legalCeilingDays: number;
}

/** The whole computation of a month's figures (thirteen months of cells, what is open now, the names). */
export async function computeFigures(
	knex: Knex,
	month: string,
	legalCeilingDays: number,
	now: Date = new Date(),
): Promise<CachedFigures> {
	const [cells, open, reference] = await Promise.all([
		figureCells(knex, { month, now, legalCeilingDays }),
		openCells(knex, now),
		figuresReference(knex),
	]);
	return { set: new FigureSet(month, cells, open), reference, computedAt: now, legalCeilingDays };
}

export interface FiguresCacheOptions {
	ttlMs: number;
	compute: (month: string, legalCeilingDays: number, now: Date) => Promise<CachedFigures>;
	/** the legal ceiling the kept months are computed with (the platform's settings) */
	currentCeiling: () => Promise<number>;
	clock?: () => number;
	idleMs?: number;
	/** how often tick() is called: a kept month's refresh starts this much (plus the last computation's length) before the TTL */
	tickMs?: number;
	onError?: (error: unknown, month: string) => void;
}

interface Entry {
	key: string;
	month: string;
	ceiling: number;
	value: CachedFigures | null;
	/** when the value's computation started (its `now`) */
	at: number;
	readAt: number;
	/** how long the last computation took */
	lastMs: number;
	pending: Promise<CachedFigures> | null;
}

export class FiguresCache {
	private readonly entries = new Map<string, Entry>();
	private readonly queue: string[] = [];
	private draining: Promise<void> | null = null;
	/** set once the current month was computed (the platform works): from then on the picker's months are kept */
	private keeping = false;
	private kept = new Set<string>();
	private readonly clock: () => number;
	private readonly idleMs: number;
	private readonly tickMs: number;

	constructor(private readonly options: FiguresCacheOptions) {
		this.clock = options.clock ?? Date.now;
		this.idleMs = options.idleMs ?? IDLE_MS;
		this.tickMs = options.tickMs ?? tickMsFor(options.ttlMs);
	}

	get(month: string, legalCeilingDays: number): Promise<CachedFigures> {
		const { ttlMs } = this.options;
		if (ttlMs <= 0) return this.options.compute(month, legalCeilingDays, new Date(this.clock()));
		const now = this.clock();
		const entry = this.entryFor(month, legalCeilingDays);
		entry.readAt = now;
		if (entry.value) {
			const age = now - entry.at;
			if (age < ttlMs) return Promise.resolve(entry.value);
			if (age < ttlMs + this.idleMs) {
				this.enqueue(entry);
				return Promise.resolve(entry.value);
			}
		}
		return this.refresh(entry);
	}

	/**
	 * The refresher's pass: recomputes, in the background and one at a time,
	 * the kept months shortly before their TTL while they are read (every
	 * IDLE_MS when they are not), computes a kept month not computed yet (the
	 * month that begins), and forgets the other months nobody read for IDLE_MS.
	 * Resolves once what it queued is done.
	 */
	async tick(): Promise<void> {
		if (this.options.ttlMs <= 0) return;
		const now = this.clock();
		if (this.keeping) {
			// (settings unreadable: the kept months stay as they are, the next pass tries again)
			const kept = await this.keptKeys(now).catch(() => null);
			if (kept) this.keep(kept);
		}
		for (const entry of [...this.entries.values()]) {
			if (entry.pending) continue;
			const idle = now - entry.readAt >= this.idleMs;
			if (!this.kept.has(entry.key)) {
				if (idle) this.entries.delete(entry.key);
				continue;
			}
			if (!entry.value) {
				this.enqueue(entry);
				continue;
			}
			// due shortly before it would be too old: the TTL while read, IDLE_MS when nobody reads it
			const limit = idle ? this.idleMs : this.options.ttlMs;
			if (now - entry.at + entry.lastMs + this.tickMs >= limit) this.enqueue(entry);
		}
		this.trim();
		await this.draining;
	}

	/**
	 * At start: computes the current month (resolves when done, false when
	 * caching is off), then the other kept months in the background.
	 */
	async warm(): Promise<boolean> {
		if (this.options.ttlMs <= 0) return false;
		const kept = await this.keptKeys(this.clock());
		const current = this.entryFor(kept[0].month, kept[0].ceiling);
		await this.refresh(current);
		this.keep(kept);
		for (const { key } of kept) {
			const entry = this.entries.get(key);
			if (entry && !entry.value) this.enqueue(entry);
		}
		return true;
	}

	/** what is kept (for tests and logs) */
	months(): { month: string; legalCeilingDays: number; computedAt: Date | null }[] {
		return [...this.entries.values()].map((entry) => ({
			month: entry.month,
			legalCeilingDays: entry.ceiling,
			computedAt: entry.value?.computedAt ?? null,
		}));
	}

	/** the picker's months, the current one first, with the platform's legal ceiling */
	private async keptKeys(now: number) {
		const current = monthOf(new Date(now));
		const ceiling = await this.options.currentCeiling();
		return Array.from({ length: KEPT_MONTHS }, (_, index) => {
			const month = shiftMonth(current, -index);
			return { month, ceiling, key: keyOf(month, ceiling) };
		});
	}

	private keep(kept: { month: string; ceiling: number; key: string }[]): void {
		this.kept = new Set(kept.map((entry) => entry.key));
		for (const { month, ceiling, key } of kept) if (!this.entries.has(key)) this.entryFor(month, ceiling);
	}

	private entryFor(month: string, ceiling: number): Entry {
		const key = keyOf(month, ceiling);
		let entry = this.entries.get(key);
		if (!entry) {
			entry = { key, month, ceiling, value: null, at: 0, readAt: 0, lastMs: 0, pending: null };
			this.entries.set(key, entry);
			this.trim();
		}
		return entry;
	}

	/** One computation per entry at a time; the figures replace the old ones only once complete. */
	private refresh(entry: Entry): Promise<CachedFigures> {
		if (entry.pending) return entry.pending;
		const started = this.clock();
		const pending = this.options
			.compute(entry.month, entry.ceiling, new Date(started))
			.then((value) => {
				entry.value = value;
				entry.at = started;
				entry.lastMs = Math.max(0, this.clock() - started);
				if (entry.month === monthOf(new Date(started))) this.keeping = true;
				return value;
			})
			.finally(() => {
				entry.pending = null;
			});
		entry.pending = pending;
		// nothing to serve: the caller gets the error, and the next one tries again
		pending.catch(() => {
			if (!entry.value && !this.kept.has(entry.key) && this.entries.get(entry.key) === entry)
				this.entries.delete(entry.key);
		});
		return pending;
	}

	/** Background refreshes, one at a time. */
	private enqueue(entry: Entry): void {
		if (entry.pending || this.queue.includes(entry.key)) return;
		this.queue.push(entry.key);
		this.draining ??= this.drain().finally(() => {
			this.draining = null;
		});
	}

	private async drain(): Promise<void> {
		for (let key = this.queue.shift(); key !== undefined; key = this.queue.shift()) {
			const entry = this.entries.get(key);
			if (!entry) continue;
			try {
				await this.refresh(entry);
			} catch (error) {
				// the figures being served stay; the next pass tries again
				this.options.onError?.(error, entry.month);
			}
		}
	}

	/** At most MAX_ENTRIES months: the least recently read go first (never a kept one, nor one being computed). */
	private trim(): void {
		if (this.entries.size <= MAX_ENTRIES) return;
		const byRead = [...this.entries.values()]
			.filter((entry) => !entry.pending && !this.kept.has(entry.key))
			.sort((a, b) => a.readAt - b.readAt);
		for (const entry of byRead) {
			if (this.entries.size <= MAX_ENTRIES) break;
			this.entries.delete(entry.key);
		}
	}
}

const keyOf = (month: string, ceiling: number) => `${month}:${ceiling}`;

/** The refresher's period: a quarter of the TTL, between 1 and 15 seconds. */
export function tickMsFor(ttlMs: number): number {
	return Math.min(15_000, Math.max(1_000, Math.round(ttlMs / 4)));
}

// --- the extension's one cache ---------------------------------------------------------

let shared: FiguresCache | null = null;
let sharedTtl = -1;

function sharedCache(knex: Knex, ttl: number, onError?: (error: unknown, month: string) => void): FiguresCache {
	if (!shared || sharedTtl !== ttl) {
		shared = new FiguresCache({
			ttlMs: ttl * 1000,
			compute: (month, ceiling, now) => computeFigures(knex, month, ceiling, now),
			currentCeiling: async () => (await referenceData(knex)).settings.legalCeilingDays,
			onError,
		});
		sharedTtl = ttl;
	}
	return shared;
}

export function cachedFigures(
	knex: Knex,
	month: string,
	legalCeilingDays: number,
	ttl: number,
): Promise<CachedFigures> {
	return sharedCache(knex, ttl).get(month, legalCeilingDays);
}

interface Logger {
	info(message: string): void;
	warn(message: string): void;
}

let refresher: ReturnType<typeof setInterval> | null = null;

/**
 * Computes the officials' months when the server starts and keeps them fresh
 * in the background; forgets the other months nobody reads (see the top of
 * this file). Once per process.
 */
export function startFiguresRefresher(knex: Knex, ttl: number, logger: Logger): void {
	if (refresher || ttl <= 0) return;
	const cache = sharedCache(knex, ttl, (error, month) =>
		logger.warn(
			`[casa-core] figures of ${month} not refreshed (the previous ones are served): ${(error as Error).message}`,
		),
	);
	const started = Date.now();
	cache
		.warm()
		.then(
			(done) =>
				done &&
				logger.info(
					`[casa-core] figures of the current month computed at start (${Date.now() - started} ms); the ${KEPT_MONTHS - 1} months before it follow in the background`,
				),
		)
		.catch((error) => {
			// a fresh database before provisioning has no tables yet: the first read computes
			const missingTables = /no such table|does not exist|42P01/.test(
				`${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`,
			);
			if (!missingTables)
				logger.warn(`[casa-core] figures of the current month not computed at start: ${(error as Error).message}`);
		});
	let ticking = false;
	refresher = setInterval(
		() => {
			if (ticking) return;
			ticking = true;
			cache
				.tick()
				.catch((error) => logger.warn(`[casa-core] figures refresh pass failed: ${(error as Error).message}`))
				.finally(() => {
					ticking = false;
				});
		},
		tickMsFor(ttl * 1000),
	);
	refresher.unref();
}
