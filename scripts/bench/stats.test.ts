import { describe, expect, it } from 'vitest';
import { combineRounds, formatMs, formatRatio, instancesFor, percentile, ratio, summarize, table } from './stats';

describe('percentile', () => {
	it('interpolates between closest ranks, whatever the order of the samples', () => {
		const samples = [5, 1, 4, 2, 3];
		expect(percentile(samples, 0)).toBe(1);
		expect(percentile(samples, 50)).toBe(3);
		expect(percentile(samples, 100)).toBe(5);
		expect(percentile(samples, 25)).toBe(2);
		expect(percentile([10, 20], 95)).toBeCloseTo(19.5);
		expect(samples).toEqual([5, 1, 4, 2, 3]);
	});

	it('gives NaN without samples and refuses a percentile out of range', () => {
		expect(percentile([], 50)).toBeNaN();
		expect(() => percentile([1], 101)).toThrow(RangeError);
	});

	it('p99 of 1..1000 is near 990', () => {
		const samples = Array.from({ length: 1000 }, (_, index) => index + 1);
		const summary = summarize(samples);
		expect(summary.p50).toBeCloseTo(500.5);
		expect(summary.p95).toBeCloseTo(950.05);
		expect(summary.p99).toBeCloseTo(990.01);
		expect(summary.max).toBe(1000);
		expect(summary.count).toBe(1000);
	});
});

describe('ratio', () => {
	it('divides by the baseline and rounds', () => {
		expect(ratio(150, 300)).toBe(0.5);
		expect(ratio(1, 3)).toBe(0.33);
		expect(ratio(250, 10)).toBe(25);
		expect(ratio(123.456, 10)).toBe(12.3);
	});

	it('is null without a usable baseline', () => {
		expect(ratio(1, 0)).toBeNull();
		expect(ratio(1, null)).toBeNull();
		expect(ratio(Number.NaN, 1)).toBeNull();
		expect(formatRatio(null)).toBe('n/a');
		expect(formatRatio(0.5)).toBe('×0.5');
	});
});

describe('formatting', () => {
	it('formats milliseconds and tables', () => {
		expect(formatMs(12.345)).toBe('12.3 ms');
		expect(formatMs(1234.5)).toBe('1235 ms');
		expect(formatMs(Number.NaN)).toBe('n/a');
		expect(table(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
	});
});

describe('instancesFor', () => {
	it('keeps headroom and never answers zero', () => {
		expect(instancesFor(10, 100)).toBe(1);
		expect(instancesFor(120, 100)).toBe(3);
		expect(instancesFor(120, 100, 1)).toBe(2);
		expect(instancesFor(1, 0)).toBe(Number.POSITIVE_INFINITY);
	});
});

describe('combineRounds', () => {
	const round = (perSecond: number, p50 = 10, p99 = 50) => ({ perSecond, p50, p99, errors: 0, non2xx: 0 });

	it('takes the median of the per-round ratios, so one noisy round does not decide', () => {
		// round 2: the machine was busy for both measurements of the round
		const combined = combineRounds([round(80), round(20), round(90)], [round(100), round(40), round(100)]);
		expect(combined.ratio).toBe(0.8);
		expect(combined.perSecond).toBe(80);
		expect(combined.rounds).toBe(3);
	});

	it('adds up failures and takes median latencies', () => {
		const combined = combineRounds(
			[
				{ perSecond: 10, p50: 5, p99: 40, errors: 1, non2xx: 2 },
				{ perSecond: 12, p50: 7, p99: 60, errors: 0, non2xx: 1 },
				{ perSecond: 11, p50: 6, p99: 50, errors: 0, non2xx: 0 },
			],
			[round(20), round(20), round(20)],
		);
		expect(combined).toMatchObject({ p50: 6, p99: 50, errors: 1, non2xx: 3, ratio: 0.55 });
	});

	it('needs one baseline round per round', () => {
		expect(() => combineRounds([round(1)], [])).toThrow(RangeError);
		expect(() => combineRounds([], [])).toThrow(RangeError);
	});
});

describe('CPU per request', () => {
	it('gives the baseline-over-target CPU ratio, median of the rounds, whatever the wall-clock noise', () => {
		const round = (perSecond: number, cpuMsPerRequest: number) => ({
			perSecond,
			p50: 1,
			p99: 2,
			errors: 0,
			non2xx: 0,
			cpuMsPerRequest,
		});
		const combined = combineRounds(
			[round(50, 8), round(10, 8), round(60, 10)],
			[round(100, 4), round(30, 4), round(90, 4)],
		);
		expect(combined.cpuMsPerRequest).toBe(8);
		expect(combined.cpuRatio).toBe(0.5);
	});

	it('has no CPU ratio when CPU was not measured', () => {
		const round = { perSecond: 1, p50: 1, p99: 1, errors: 0, non2xx: 0 };
		expect(combineRounds([round], [round]).cpuRatio).toBeNull();
	});
});
