import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, formatOpen311DateTime, parseOpen311DateTime, toInstant } from './dates';

describe('Open311 dates', () => {
	it('writes instants in Africa/Casablanca with the offset of that day', () => {
		expect(formatOpen311DateTime('2026-06-10T15:05:00Z')).toBe('2026-06-10T16:05:00+01:00');
		// Ramadan 2026 (about 18 February – 20 March): Morocco returns to UTC+0
		expect(formatOpen311DateTime('2026-03-01T10:00:00Z')).toBe('2026-03-01T10:00:00+00:00');
		expect(formatOpen311DateTime(new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02T00:30:00+01:00');
	});

	it('agrees with the offsets the runtime reports for Casablanca, whatever the tz database says', () => {
		const offset = (instant: Date) =>
			new Intl.DateTimeFormat('en', { timeZone: 'Africa/Casablanca', timeZoneName: 'longOffset' })
				.format(instant)
				.split(', ')[1]
				.replace('GMT', '') || '+00:00';
		for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2028, 0, 1); time += 7 * 86_400_000) {
			const instant = new Date(time);
			const written = formatOpen311DateTime(instant)!;
			expect(written.slice(-6), instant.toISOString()).toBe(offset(instant));
			expect(new Date(written).getTime()).toBe(time);
		}
	});

	it('reads the timestamps every database driver returns', () => {
		const instant = Date.UTC(2026, 5, 10, 15, 5);
		expect(formatOpen311DateTime(instant)).toBe('2026-06-10T16:05:00+01:00');
		expect(formatOpen311DateTime(String(instant))).toBe('2026-06-10T16:05:00+01:00');
		expect(formatOpen311DateTime(new Date(instant))).toBe('2026-06-10T16:05:00+01:00');
		expect(formatOpen311DateTime(null)).toBeNull();
		expect(formatOpen311DateTime('not a date')).toBeNull();
		expect(toInstant({})).toBeNull();
		expect(formatLocalDateTime('2026-06-10T15:05:00Z')).toBe('10/06/2026 16:05');
	});

	it('parses partner dates with Z, an offset, or in local Casablanca time', () => {
		expect(parseOpen311DateTime('2026-06-10T16:05:00+01:00')?.toISOString()).toBe('2026-06-10T15:05:00.000Z');
		expect(parseOpen311DateTime('2026-06-10T15:05:00Z')?.toISOString()).toBe('2026-06-10T15:05:00.000Z');
		expect(parseOpen311DateTime('2026-06-10T16:05:00-0500')?.toISOString()).toBe('2026-06-10T21:05:00.000Z');
		expect(parseOpen311DateTime('2026-06-10T16:05:00.250+01')?.toISOString()).toBe('2026-06-10T15:05:00.250Z');
		expect(parseOpen311DateTime('2026-06-10T16:05')?.toISOString()).toBe('2026-06-10T15:05:00.000Z');
		expect(parseOpen311DateTime('2026-06-10')?.toISOString()).toBe('2026-06-09T23:00:00.000Z');
		expect(parseOpen311DateTime('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
		// an unencoded '+' in a query string arrives as a space
		expect(parseOpen311DateTime('2026-06-10T16:05:00 01:00')?.toISOString()).toBe('2026-06-10T15:05:00.000Z');
	});

	it('refuses what is not a date', () => {
		for (const bad of [
			'',
			'yesterday',
			'2026-02-30',
			'2026-13-01',
			'2026-06-10T24:00:00Z',
			'2026-06-10T16:05:00+25:00',
			'10/06/2026',
			'1732806300',
		]) {
			expect(parseOpen311DateTime(bad), bad).toBeNull();
		}
	});
});
