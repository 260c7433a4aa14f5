import { describe, expect, it } from 'vitest';
import { formatMs, formatRatio, instancesFor, percentile, ratio, summarize, table } from './stats';

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
