import { describe, expect, it } from 'vitest';
import { INDICATORS, fillDays, isIndicator } from './indicators';

describe('indicators', () => {
	it('names are known or refused', () => {
		expect(isIndicator('received')).toBe(true);
		expect(isIndicator('toString')).toBe(false);
		expect(isIndicator('complaints')).toBe(false);
	});
	it('lists say how they sort, breakdowns what they group by', () => {
		for (const indicator of Object.values(INDICATORS)) {
			if (indicator.kind === 'list') expect('sortBy' in indicator).toBe(true);
			if (indicator.kind === 'breakdown') expect('groupBy' in indicator).toBe(true);
		}
	});
	it('fills every day of a series, zero where nothing came', () => {
		const dayOf = (date: Date) => date.toISOString().slice(0, 10);
		const days = fillDays(
			new Map([['2026-11-02', 3]]),
			new Date('2026-11-01T10:00:00Z'),
			new Date('2026-11-03T09:00:00Z'),
			dayOf,
		);
		expect(days).toEqual([
			{ day: '2026-11-01', count: 0 },
			{ day: '2026-11-02', count: 3 },
			{ day: '2026-11-03', count: 0 },
		]);
	});
});
