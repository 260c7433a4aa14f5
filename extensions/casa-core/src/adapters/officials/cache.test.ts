import { describe, expect, it } from 'vitest';
import { FigureSet } from '../../domain/officials/figures';
import { type CachedFigures, FiguresCache, type FiguresCacheOptions, KEPT_MONTHS, tickMsFor } from './cache';

const TTL = 60_000;
const IDLE = 15 * 60_000;
// 6 December 2026, noon in Casablanca: the current month is 2026-12
const START = Date.parse('2026-12-06T11:00:00Z');

/** A cache over a fake computation that the test completes by hand, on a clock the test moves. */
function harness(overrides: Partial<FiguresCacheOptions> = {}, auto = false) {
	let now = START;
	const calls: { month: string; ceiling: number; at: number; finish: (error?: Error) => void }[] = [];
	let running = 0;
	let maxRunning = 0;
	const errors: string[] = [];
	const cache = new FiguresCache({
		ttlMs: TTL,
		idleMs: IDLE,
		tickMs: 15_000,
		clock: () => now,
		currentCeiling: async () => 60,
		onError: (error, month) => errors.push(`${month}: ${(error as Error).message}`),
		compute: (month, ceiling, at) => {
			running++;
			maxRunning = Math.max(maxRunning, running);
			return new Promise<CachedFigures>((resolve, reject) => {
				const index = calls.length;
				if (auto) queueMicrotask(() => calls[index].finish());
				calls.push({
					month,
					ceiling,
					at: at.getTime(),
					finish: (error) => {
						running--;
						if (error) reject(error);
						else
							resolve({
								set: new FigureSet(month, [], []),
								reference: { arrondissements: [], prefectures: [], services: [], categories: [], teams: [] },
								computedAt: at,
								legalCeilingDays: ceiling,
							});
					},
				});
			});
		},
		...overrides,
	});
	const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
	/** completes every computation under way, then those they lead to */
	const finishAll = async () => {
		for (let round = 0; round < 10; round++) {
			await settle();
			const open = calls.filter((call) => !(call as { done?: boolean }).done);
			if (open.length === 0) return;
			for (const call of open) {
				(call as { done?: boolean }).done = true;
				call.finish();
			}
		}
	};
	return {
		cache,
		calls,
		errors,
		finishAll,
		settle,
		maxRunning: () => maxRunning,
		advance: (ms: number) => (now += ms),
		now: () => now,
	};
}

describe('the figures cache', () => {
	it('computes a month once for callers arriving together, then serves it until the TTL', async () => {
		const h = harness();
		const first = h.cache.get('2026-06', 60);
		const second = h.cache.get('2026-06', 60);
		await h.finishAll();
		expect(await first).toBe(await second);
		expect(h.calls).toHaveLength(1);
		h.advance(TTL - 1);
		expect(await h.cache.get('2026-06', 60)).toBe(await first);
		expect(h.calls).toHaveLength(1);
		// another legal ceiling is other figures
		const other = h.cache.get('2026-06', 45);
		await h.finishAll();
		expect((await other).legalCeilingDays).toBe(45);
		expect(h.calls).toHaveLength(2);
	});

	it('serves figures past the TTL at once and refreshes them in the background, once', async () => {
		const h = harness();
		const first = h.cache.get('2026-06', 60);
		await h.finishAll();
		h.advance(TTL + 5_000);
		const stale = await h.cache.get('2026-06', 60);
		expect(stale).toBe(await first);
		expect(await h.cache.get('2026-06', 60)).toBe(stale);
		await h.settle();
		expect(h.calls).toHaveLength(2);
		expect(h.calls[1].at).toBe(h.now());
		await h.finishAll();
		const fresh = await h.cache.get('2026-06', 60);
		expect(fresh).not.toBe(stale);
		expect(fresh.computedAt.getTime()).toBe(h.now());
	});

	it('makes the caller wait when the figures are far too old to serve', async () => {
		const h = harness();
		h.cache.get('2026-06', 60);
		await h.finishAll();
		h.advance(TTL + IDLE);
		let answered = false;
		const waiting = h.cache.get('2026-06', 60).then((value) => {
			answered = true;
			return value;
		});
		await h.settle();
		expect(answered).toBe(false);
		await h.finishAll();
		expect((await waiting).computedAt.getTime()).toBe(h.now());
	});

	it('refreshes the current month being read before its TTL, so that its readers never see it expire', async () => {
		const h = harness({}, true);
		await h.cache.get('2026-12', 60);
		const current = () => h.calls.filter((call) => call.month === '2026-12');
		h.advance(30_000);
		await h.cache.get('2026-12', 60);
		await h.cache.tick();
		// 30 s old: not due yet (30 s + 15 s of tick < 60 s)
		expect(current()).toHaveLength(1);
		h.advance(16_000);
		await h.cache.get('2026-12', 60);
		await h.cache.tick();
		expect(current()).toHaveLength(2);
		h.advance(20_000);
		// 20 s old: fresh, served without a computation
		expect((await h.cache.get('2026-12', 60)).computedAt.getTime()).toBe(h.now() - 20_000);
		expect(current()).toHaveLength(2);
	});

	it('refreshes another month only when it is read past its TTL (no background work for the archive)', async () => {
		const h = harness();
		h.cache.get('2026-06', 60);
		await h.finishAll();
		const computedAt: number[] = [];
		for (let pass = 0; pass < 6; pass++) {
			h.advance(15_000);
			const tick = h.cache.tick();
			await h.settle();
			// the passes alone recompute nothing
			expect(h.calls).toHaveLength(1);
			await tick;
		}
		// read at 90 s: past the TTL, served, refreshed once in the background
		computedAt.push((await h.cache.get('2026-06', 60)).computedAt.getTime());
		await h.settle();
		expect(h.calls).toHaveLength(2);
		await h.finishAll();
		computedAt.push((await h.cache.get('2026-06', 60)).computedAt.getTime());
		expect(computedAt).toEqual([START, START + 90_000]);
	});

	it('forgets a month nobody read for the idle period', async () => {
		const h = harness();
		h.cache.get('2026-06', 60);
		await h.finishAll();
		h.advance(IDLE);
		await h.cache.tick();
		expect(h.cache.months()).toEqual([]);
		expect(h.calls).toHaveLength(1);
	});

	it('computes the officials’ months at start, the current one first, then keeps them, refreshed every idle period when nobody reads them', async () => {
		const h = harness({}, true);
		expect(await h.cache.warm()).toBe(true);
		expect(h.calls[0]).toMatchObject({ month: '2026-12', ceiling: 60 });
		await h.cache.tick();
		const picker = Array.from({ length: KEPT_MONTHS }, (_, index) => `2026-${String(12 - index).padStart(2, '0')}`);
		expect(h.calls.map((call) => call.month)).toEqual(picker);
		for (let pass = 0; pass < 8; pass++) {
			h.advance(5 * 60_000);
			await h.cache.tick();
		}
		// 40 minutes unread: kept, each refreshed about every 15 minutes, never older than that
		expect(
			h.cache
				.months()
				.map((entry) => entry.month)
				.sort(),
		).toEqual([...picker].sort());
		for (const month of picker) {
			expect(h.calls.filter((call) => call.month === month).length).toBeGreaterThanOrEqual(3);
			expect(h.now() - (await h.cache.get(month, 60)).computedAt.getTime()).toBeLessThan(IDLE);
		}
		// a month that begins is computed by the next pass; the one that left the picker is forgotten once unread
		h.advance(30 * 24 * 3_600_000);
		await h.cache.tick();
		expect(h.calls.some((call) => call.month === '2027-01')).toBe(true);
		expect(h.cache.months().map((entry) => entry.month)).not.toContain('2026-01');
	});

	it('does not keep anything before the current month could be computed (a database not provisioned yet)', async () => {
		const h = harness({ compute: async () => Promise.reject(new Error('relation "complaints" does not exist')) });
		await expect(h.cache.warm()).rejects.toThrow(/does not exist/);
		await h.cache.tick();
		expect(h.cache.months()).toEqual([]);
	});

	it('runs one background computation at a time', async () => {
		const h = harness();
		const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
		for (const month of months) h.cache.get(month, 60);
		await h.finishAll();
		h.advance(TTL);
		for (const month of months) await h.cache.get(month, 60);
		const before = h.maxRunning();
		expect(before).toBe(4);
		let max = 0;
		for (let round = 0; round < 8; round++) {
			await h.settle();
			const open = h.calls.filter((call) => !(call as { done?: boolean }).done);
			max = Math.max(max, open.length);
			for (const call of open) {
				(call as { done?: boolean }).done = true;
				call.finish();
			}
		}
		expect(h.calls).toHaveLength(8);
		expect(max).toBe(1);
	});

	it('keeps serving the previous figures when a refresh fails, and says so', async () => {
		const h = harness();
		const first = h.cache.get('2026-06', 60);
		await h.finishAll();
		h.advance(TTL);
		expect(await h.cache.get('2026-06', 60)).toBe(await first);
		await h.settle();
		h.calls[1].finish(new Error('statement timeout'));
		(h.calls[1] as { done?: boolean }).done = true;
		await h.settle();
		await h.settle();
		expect(h.errors).toEqual(['2026-06: statement timeout']);
		expect(await h.cache.get('2026-06', 60)).toBe(await first);
	});

	it('passes the error of a first computation to its callers, and tries again on the next request', async () => {
		const h = harness();
		const failing = h.cache.get('2026-06', 60);
		await h.settle();
		h.calls[0].finish(new Error('database down'));
		(h.calls[0] as { done?: boolean }).done = true;
		await expect(failing).rejects.toThrow('database down');
		const again = h.cache.get('2026-06', 60);
		await h.finishAll();
		expect((await again).set.month).toBe('2026-06');
		expect(h.calls).toHaveLength(2);
	});

	it('computes every time with a TTL of 0 (caching off), and keeps nothing', async () => {
		const h = harness({ ttlMs: 0 });
		const a = h.cache.get('2026-06', 60);
		const b = h.cache.get('2026-06', 60);
		await h.finishAll();
		expect(await a).not.toBe(await b);
		expect(h.calls).toHaveLength(2);
		expect(await h.cache.warm()).toBe(false);
		expect(h.cache.months()).toEqual([]);
	});

	it('ticks a quarter of the TTL, between 1 and 15 seconds', () => {
		expect(tickMsFor(60_000)).toBe(15_000);
		expect(tickMsFor(8_000)).toBe(2_000);
		expect(tickMsFor(1_000)).toBe(1_000);
		expect(tickMsFor(3_600_000)).toBe(15_000);
	});
});
