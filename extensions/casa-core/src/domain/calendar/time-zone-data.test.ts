import { describe, expect, it } from 'vitest';
import { CASABLANCA_OFFSET_FACTS, runtimeOffsetMinutes, wrongOffsetFacts } from './time-zone-data';

describe('time-zone data', () => {
	it('finds nothing wrong with a clock that follows the decrees', () => {
		const decreed = (date: Date) =>
			CASABLANCA_OFFSET_FACTS.find((fact) => fact.at === date.toISOString().replace('.000Z', 'Z'))!.offsetMinutes;
		expect(wrongOffsetFacts(decreed)).toEqual([]);
	});

	it('names the return to UTC+0 when the data predates it (tzdata 2025c, Node 20)', () => {
		// 2025c: UTC+1 with Ramadan at UTC+0, and nothing in September 2026
		const before2026b = (date: Date) =>
			date >= new Date('2026-02-15T02:00:00Z') && date < new Date('2026-03-22T02:00:00Z') ? 0 : 60;
		expect(wrongOffsetFacts(before2026b).map((fact) => fact.at)).toEqual(['2026-10-01T12:00:00Z']);
	});

	it('reads offsets from Intl for any zone', () => {
		expect(runtimeOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'UTC')).toBe(0);
		expect(runtimeOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
		expect(runtimeOffsetMinutes(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-300);
	});

	// the requirement itself: this fails on a runtime whose tz data is older than 2026b, saying so
	it(`runs on tz data that knows Casablanca's clock (runtime tzdata ${process.versions.tz ?? 'unknown'}, Node ${process.version})`, () => {
		expect(
			wrongOffsetFacts().map((fact) => `${fact.at}: ${fact.why}`),
			'tzdata 2026b or later is needed (Node 22 from the `node` package has it)',
		).toEqual([]);
	});
});
