import { describe, expect, it } from 'vitest';
import { LIFECYCLES, SERVICE_WEIGHTS, ageInDays, arrondissementWeights, random, weighted } from './weighting';

describe('random', () => {
	it('gives the same sequence for the same seed, in [0, 1)', () => {
		const a = random(42);
		const b = random(42);
		const values = Array.from({ length: 1000 }, () => a());
		expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
		expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
		expect(random(43)()).not.toBe(values[0]);
	});
});

describe('weighted', () => {
	it('draws each value in proportion to its weight', () => {
		const next = random(7);
		const counts = new Map<string, number>();
		const draws = 100_000;
		for (let i = 0; i < draws; i++) {
			const value = weighted(next, Object.entries(SERVICE_WEIGHTS));
			counts.set(value, (counts.get(value) ?? 0) + 1);
		}
		const total = Object.values(SERVICE_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
		for (const [service, weight] of Object.entries(SERVICE_WEIGHTS))
			expect((counts.get(service) ?? 0) / draws).toBeCloseTo(weight / total, 2);
	});

	it('never draws a zero weight and refuses a list without any weight', () => {
		const next = random(1);
		for (let i = 0; i < 1000; i++)
			expect(
				weighted(next, [
					['a', 0],
					['b', 1],
				]),
			).toBe('b');
		expect(() => weighted(next, [['a', 0]])).toThrow(/positive weight/);
	});

	it('returns the last entry when the draw is at the top of the range', () => {
		expect(
			weighted(
				() => 0.999999999,
				[
					['a', 1],
					['b', 1],
				],
			),
		).toBe('b');
		expect(
			weighted(
				() => 0,
				[
					['a', 1],
					['b', 1],
				],
			),
		).toBe('a');
	});
});

describe('arrondissementWeights', () => {
	it('weights by population, at least 1 when unknown', () => {
		const areas = [
			{ code: 'A', population: 300_000 },
			{ code: 'B', population: null },
		];
		expect(arrondissementWeights(areas).map(([area, weight]) => [area.code, weight])).toEqual([
			['A', 300_000],
			['B', 1],
		]);
	});
});

describe('ageInDays', () => {
	it('stays within the history and favours recent complaints', () => {
		const next = random(3);
		const ages = Array.from({ length: 20_000 }, () => ageInDays(next, 365));
		expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...ages)).toBeLessThan(365);
		const recent = ages.filter((age) => age < 182.5).length / ages.length;
		expect(recent).toBeGreaterThan(0.55);
	});
});

describe('LIFECYCLES', () => {
	it('leave about half of the complaints open, as a city register does', () => {
		const total = LIFECYCLES.reduce((sum, [, weight]) => sum + weight, 0);
		const finished = LIFECYCLES.filter(([steps]) =>
			steps.some((step) => ['resolved', 'closed', 'rejected'].includes(String(step.status))),
		).reduce((sum, [, weight]) => sum + weight, 0);
		expect(finished / total).toBeGreaterThan(0.4);
		expect(finished / total).toBeLessThan(0.6);
	});
});
