import { describe, expect, it } from 'vitest';
import {
	barHeights,
	formatCount,
	formatMonth,
	formatRate,
	formatShortMonth,
	lateTone,
	pieBackground,
} from './officials-format';

describe('officials formatting', () => {
	it('writes months with Moroccan names and Latin digits in both languages', () => {
		expect(formatMonth('2026-12', 'fr')).toBe('décembre 2026');
		expect(formatMonth('2026-12', 'ar')).toMatch(/^دجنبر 2026$/);
		expect(formatShortMonth('2026-01', 'fr')).toBe('jan.');
		expect(formatMonth('2026-05', 'ar')).not.toMatch(/[٠-٩]/);
	});
	it('formats counts and rates with one digit system, a dash when nothing is known', () => {
		expect(formatCount(12345, 'ar')).not.toMatch(/[٠-٩]/);
		expect(formatRate(0.874, 'fr').replace(/\s/g, ' ')).toBe('87 %');
		expect(formatRate(null, 'ar')).toBe('—');
		expect(formatRate(0.5, 'ar')).not.toMatch(/[٠-٩٪]/);
	});
	it('colours the late share and draws a pie of it', () => {
		expect(lateTone(null)).toBe('ok');
		expect(lateTone(0.2)).toBe('risk');
		expect(lateTone(0.35)).toBe('late');
		expect(pieBackground(1, 4)).toContain('90deg');
		expect(pieBackground(0, 0)).toContain('0deg 0deg');
	});
	it('scales trend bars to the highest month', () => {
		expect(barHeights([0, 5, 10])).toEqual([0, 50, 100]);
		expect(barHeights([0, 0])).toEqual([0, 0]);
	});
});
