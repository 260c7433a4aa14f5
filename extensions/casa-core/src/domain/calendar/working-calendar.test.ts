import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { CASABLANCA_TIME_ZONE, type WorkSchedule, WorkingCalendar } from './index';

import { NORMAL, RAMADAN_1447, casablanca2026 } from './casablanca-2026.fixture';
const calendar = new WorkingCalendar(casablanca2026);

/** Instant of a Casablanca wall-clock time 'YYYY-MM-DD HH:mm[:ss.SSS]'. */
function local(text: string): Date {
	const [, y, mo, d, h, mi, s = '0', ms = '0'] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})\.(\d{3}))?$/.exec(
		text,
	)!;
	return new Date(new TZDate(+y, +mo - 1, +d, +h, +mi, +s, +ms, CASABLANCA_TIME_ZONE).getTime());
}

/** Casablanca wall-clock reading of an instant, for readable assertions. */
function wall(instant: Date): string {
	return format(new TZDate(instant.getTime(), CASABLANCA_TIME_ZONE), 'EEE yyyy-MM-dd HH:mm:ss.SSS');
}

describe('test fixture sanity', () => {
	it('agrees with the offsets Node reports for Casablanca', () => {
		// 10:00 local is 09:00Z in January (UTC+1) and 10:00Z during Ramadan (UTC+0)
		expect(local('2026-01-10 10:00').toISOString()).toBe('2026-01-10T09:00:00.000Z');
		expect(local('2026-03-11 10:00').toISOString()).toBe('2026-03-11T10:00:00.000Z');
		expect(local('2026-03-23 12:30').toISOString()).toBe('2026-03-23T11:30:00.000Z');
	});
});

describe('localDate', () => {
	it('reads the date on the Casablanca clock', () => {
		// 23:30Z is 00:30 the next day at UTC+1 …
		expect(calendar.localDate(new Date('2026-01-10T23:30:00Z'))).toBe('2026-01-11');
		// … but still 23:30 the same day at UTC+0 (Ramadan)
		expect(calendar.localDate(new Date('2026-03-10T23:30:00Z'))).toBe('2026-03-10');
	});
});

describe('workingWindow', () => {
	it('is 08:30–16:30 on a normal weekday', () => {
		// Monday 2026-06-08, UTC+1
		expect(calendar.workingWindow('2026-06-08')).toEqual({
			start: new Date('2026-06-08T07:30:00Z'),
			end: new Date('2026-06-08T15:30:00Z'),
		});
	});

	it('is 08:30–16:30 at UTC+0 the day before the Ramadan schedule starts', () => {
		// Tuesday 2026-02-17: normal hours, but the clock is already at UTC+0
		expect(calendar.workingWindow('2026-02-17')).toEqual({
			start: new Date('2026-02-17T08:30:00Z'),
			end: new Date('2026-02-17T16:30:00Z'),
		});
	});

	it('follows the Ramadan schedule from its first to its last day (dated beats undated)', () => {
		expect(calendar.workingWindow('2026-02-18')).toEqual({
			start: new Date('2026-02-18T09:00:00Z'),
			end: new Date('2026-02-18T15:00:00Z'),
		});
		expect(calendar.workingWindow('2026-03-19')).toEqual({
			start: new Date('2026-03-19T09:00:00Z'),
			end: new Date('2026-03-19T15:00:00Z'),
		});
		// Monday 2026-03-23: back to normal hours, at UTC+1 again
		expect(calendar.workingWindow('2026-03-23')).toEqual({
			start: new Date('2026-03-23T07:30:00Z'),
			end: new Date('2026-03-23T15:30:00Z'),
		});
	});

	it('has no window on weekends, including a Ramadan Saturday, nor on holidays', () => {
		expect(calendar.workingWindow('2026-06-06')).toBeNull(); // Saturday
		expect(calendar.workingWindow('2026-06-07')).toBeNull(); // Sunday
		expect(calendar.workingWindow('2026-03-07')).toBeNull(); // Saturday in Ramadan
		expect(calendar.workingWindow('2026-05-27')).toBeNull(); // Aïd Al-Adha, Wednesday
		expect(calendar.workingWindow('2026-03-20')).toBeNull(); // Aïd Al-Fitr, Friday inside no schedule range
	});

	it('picks the narrowest dated range, then a half-open one, whatever the input order', () => {
		const lastWeek: WorkSchedule = {
			...RAMADAN_1447,
			name: 'Last Ramadan week',
			validFrom: '2026-03-16',
			validTo: '2026-03-19',
			startTime: '10:00',
			endTime: '14:00',
		};
		const fromJuly: WorkSchedule = {
			...NORMAL,
			name: 'From July',
			validFrom: '2026-07-01',
			startTime: '08:00',
			endTime: '16:00',
		};
		for (const schedules of [
			[NORMAL, fromJuly, RAMADAN_1447, lastWeek],
			[lastWeek, RAMADAN_1447, fromJuly, NORMAL],
		]) {
			const c = new WorkingCalendar({ ...casablanca2026, schedules });
			expect(c.workingWindow('2026-03-17')!.start.toISOString()).toBe('2026-03-17T10:00:00.000Z'); // 10:00 at UTC+0
			expect(c.workingWindow('2026-03-10')!.start.toISOString()).toBe('2026-03-10T09:00:00.000Z'); // 09:00 at UTC+0
			expect(c.workingWindow('2026-06-30')!.start.toISOString()).toBe('2026-06-30T07:30:00.000Z'); // 08:30 at UTC+1
			expect(c.workingWindow('2026-07-01')!.start.toISOString()).toBe('2026-07-01T07:00:00.000Z'); // 08:00 at UTC+1
		}
	});

	it('returns copies: mutating a result does not corrupt the calendar', () => {
		calendar.workingWindow('2026-06-09')!.start.setTime(0);
		expect(calendar.workingWindow('2026-06-09')!.start.toISOString()).toBe('2026-06-09T07:30:00.000Z');
	});
});

describe('isWorkingTime', () => {
	it('includes the opening and excludes the closing', () => {
		expect(calendar.isWorkingTime(local('2026-06-08 08:29:59.999'))).toBe(false);
		expect(calendar.isWorkingTime(local('2026-06-08 08:30'))).toBe(true);
		expect(calendar.isWorkingTime(local('2026-06-08 16:29:59.999'))).toBe(true);
		expect(calendar.isWorkingTime(local('2026-06-08 16:30'))).toBe(false);
	});

	it('uses the Ramadan hours, weekends and holidays', () => {
		expect(calendar.isWorkingTime(local('2026-03-02 08:45'))).toBe(false); // normal hours, not Ramadan ones
		expect(calendar.isWorkingTime(local('2026-03-02 14:59'))).toBe(true);
		expect(calendar.isWorkingTime(local('2026-03-02 15:00'))).toBe(false);
		expect(calendar.isWorkingTime(local('2026-06-06 10:00'))).toBe(false); // Saturday
		expect(calendar.isWorkingTime(local('2026-05-28 10:00'))).toBe(false); // Aïd Al-Adha
	});
});

describe('addWorkingDays', () => {
	it('carries the rest of the eve of Aïd Al-Adha over the two holidays', () => {
		// Tue 05-26 16:20: 10 of 480 min left; Wed 27 and Thu 28 are Aïd Al-Adha;
		// Fri 29 takes the other 470 min: 08:30 + 7 h 50 = 16:20 (UTC+1 → 15:20Z)
		const due = calendar.addWorkingDays(local('2026-05-26 16:20'), 1);
		expect(wall(due)).toBe('Fri 2026-05-29 16:20:00.000');
		expect(due.toISOString()).toBe('2026-05-29T15:20:00.000Z');
	});

	it('skips the weekend', () => {
		// Fri 06-05 15:00: 90 of 480 min left; Mon 06-08 takes 390 min: 08:30 + 6 h 30 = 15:00
		expect(wall(calendar.addWorkingDays(local('2026-06-05 15:00'), 1))).toBe('Mon 2026-06-08 15:00:00.000');
		// + Mon and Tue in full, then 390 min on Wed 06-10 → 15:00 (UTC+1 → 14:00Z)
		const due = calendar.addWorkingDays(local('2026-06-05 15:00'), 3);
		expect(wall(due)).toBe('Wed 2026-06-10 15:00:00.000');
		expect(due.toISOString()).toBe('2026-06-10T14:00:00.000Z');
	});

	it('counts a 6 h Ramadan day as one day', () => {
		// Mon 03-02 14:00: 60 of 360 min left; Tue 03-03 takes 300 min: 09:00 + 5 h = 14:00 (UTC+0)
		const due = calendar.addWorkingDays(local('2026-03-02 14:00'), 1);
		expect(wall(due)).toBe('Tue 2026-03-03 14:00:00.000');
		expect(due.toISOString()).toBe('2026-03-03T14:00:00.000Z');
	});

	it('carries half of the last Ramadan day as half of a normal day after Aïd Al-Fitr', () => {
		// Thu 03-19 12:00: 180 of 360 min left = 0.5 day; Fri 20 and Sat 21 Aïd Al-Fitr, Sun 22;
		// Mon 03-23 (normal hours, UTC+1 since the 22nd): 0.5 × 480 min = 4 h → 12:30 = 11:30Z
		const due = calendar.addWorkingDays(local('2026-03-19 12:00'), 1);
		expect(wall(due)).toBe('Mon 2026-03-23 12:30:00.000');
		expect(due.toISOString()).toBe('2026-03-23T11:30:00.000Z');
	});

	it('carries half of a normal day as half of a Ramadan day', () => {
		// Tue 02-17 12:30 (normal hours, already UTC+0): 240 of 480 min = 0.5 left;
		// Wed 02-18 (Ramadan): 0.5 × 360 min = 3 h → 12:00 = 12:00Z
		const due = calendar.addWorkingDays(local('2026-02-17 12:30'), 1);
		expect(wall(due)).toBe('Wed 2026-02-18 12:00:00.000');
		expect(due.toISOString()).toBe('2026-02-18T12:00:00.000Z');
	});

	it('starts a complaint of Saturday evening on Monday 08:30', () => {
		expect(wall(calendar.addWorkingDays(local('2026-06-06 19:00'), 0))).toBe('Mon 2026-06-08 08:30:00.000');
		// 0.5 × 480 min = 4 h after the opening
		expect(wall(calendar.addWorkingDays(local('2026-06-06 19:00'), 0.5))).toBe('Mon 2026-06-08 12:30:00.000');
		expect(wall(calendar.addWorkingDays(local('2026-06-06 19:00'), 1))).toBe('Mon 2026-06-08 16:30:00.000');
	});

	it('ends a whole number of days from an opening at a closing, not at the next opening', () => {
		expect(wall(calendar.addWorkingDays(local('2026-06-08 08:30'), 1))).toBe('Mon 2026-06-08 16:30:00.000');
		expect(wall(calendar.addWorkingDays(local('2026-06-08 08:30'), 2))).toBe('Tue 2026-06-09 16:30:00.000');
		// 16:20 + 10/480 exhausts Monday exactly: its closing
		expect(wall(calendar.addWorkingDays(local('2026-06-08 16:20'), 10 / 480))).toBe('Mon 2026-06-08 16:30:00.000');
	});

	it('starts from the next opening when started at a closing', () => {
		expect(wall(calendar.addWorkingDays(local('2026-06-08 16:30'), 0))).toBe('Tue 2026-06-09 08:30:00.000');
		expect(wall(calendar.addWorkingDays(local('2026-06-08 16:30'), 0.5))).toBe('Tue 2026-06-09 12:30:00.000');
		// before the opening on a working day
		expect(wall(calendar.addWorkingDays(local('2026-06-08 07:00'), 0.25))).toBe('Mon 2026-06-08 10:30:00.000');
	});

	it('maps a fraction of a day onto the window, to the millisecond', () => {
		// 13/24 × 480 min = 260 min → 08:30 + 4 h 20 = 12:50
		expect(wall(calendar.addWorkingDays(local('2026-06-08 08:30'), 13 / 24))).toBe('Mon 2026-06-08 12:50:00.000');
		// Ramadan: 7/10 × 360 min = 252 min → 09:00 + 4 h 12 = 13:12
		expect(wall(calendar.addWorkingDays(local('2026-03-02 09:00'), 7 / 10))).toBe('Mon 2026-03-02 13:12:00.000');
	});

	it('returns the start itself when adding 0 in working time', () => {
		expect(wall(calendar.addWorkingDays(local('2026-06-08 11:11:11.111'), 0))).toBe('Mon 2026-06-08 11:11:11.111');
	});

	it('skips a midweek holiday over several weeks', () => {
		// Mon 06-01 08:30 + 15: 1–5 June (5), 8–12 (10), 15–16 (12), 17 = 1 Moharram, 18–19 (14), Mon 22 (15)
		expect(wall(calendar.addWorkingDays(local('2026-06-01 08:30'), 15))).toBe('Mon 2026-06-22 16:30:00.000');
	});

	it('rejects negative, infinite and NaN amounts', () => {
		expect(() => calendar.addWorkingDays(local('2026-06-08 10:00'), -1)).toThrow(RangeError);
		expect(() => calendar.addWorkingDays(local('2026-06-08 10:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
		expect(() => calendar.addWorkingDays(local('2026-06-08 10:00'), Number.NaN)).toThrow(RangeError);
	});

	it('throws a clear error when the calendar has no working day', () => {
		const empty = new WorkingCalendar({ timeZone: CASABLANCA_TIME_ZONE, schedules: [], holidays: [] });
		expect(() => empty.addWorkingDays(local('2026-06-08 10:00'), 1)).toThrow(/no working day/);
		const noWeekdays = new WorkingCalendar({ ...casablanca2026, schedules: [{ ...NORMAL, weekdays: [] }] });
		expect(() => noWeekdays.addWorkingDays(local('2026-06-08 10:00'), 0)).toThrow(/no working day/);
		expect(empty.workingDaysBetween(local('2026-06-08 10:00'), local('2026-06-12 10:00'))).toBe(0);
	});

	it('counts only consecutive days without a window towards the no-working-day guard', () => {
		// Mondays only, no holidays: 6 closed days per working day, 1 194 closed days in all
		const mondays = new WorkingCalendar({
			timeZone: CASABLANCA_TIME_ZONE,
			schedules: [{ ...NORMAL, weekdays: [1] }],
			holidays: [],
		});
		// 200th Monday = 2026-06-01 + 199 weeks (1 393 days): + 365 → 2027-06-01, + 366 → 2028-06-01,
		// + 365 → 2029-06-01, + 297 → 2030-03-25 (a Monday)
		expect(wall(mondays.addWorkingDays(local('2026-06-01 08:30'), 200))).toBe('Mon 2030-03-25 16:30:00.000');
	});

	it('does not mistake a long but legitimate addition (more than 3 years of calendar days) for a broken calendar', () => {
		const start = local('2026-06-08 10:00');
		const due = calendar.addWorkingDays(start, 900);
		// 900 working days at about 5 a week is over 3.4 years
		expect(due.getTime() - start.getTime()).toBeGreaterThan(3.4 * 365 * 86_400_000);
		expect(calendar.workingDaysBetween(start, due)).toBeCloseTo(900, 9);
	});
});

describe('workingDaysBetween', () => {
	it('measures the hand-computed cases above', () => {
		expect(calendar.workingDaysBetween(local('2026-05-26 16:20'), local('2026-05-29 16:20'))).toBeCloseTo(1, 12);
		expect(calendar.workingDaysBetween(local('2026-06-05 15:00'), local('2026-06-10 15:00'))).toBeCloseTo(3, 12);
		expect(calendar.workingDaysBetween(local('2026-03-19 12:00'), local('2026-03-23 12:30'))).toBeCloseTo(1, 12);
		// Sat evening to Mon 12:30: 4 of 480 min
		expect(calendar.workingDaysBetween(local('2026-06-06 19:00'), local('2026-06-08 12:30'))).toBe(0.5);
		// Mon 05-25 to Mon 06-01: Mon 25, Tue 26, Fri 29 (27 and 28 are Aïd Al-Adha)
		expect(calendar.workingDaysBetween(local('2026-05-25 08:30'), local('2026-06-01 08:30'))).toBe(3);
	});

	it('is 0 over a weekend and when b is not after a', () => {
		expect(calendar.workingDaysBetween(local('2026-06-05 16:30'), local('2026-06-08 08:30'))).toBe(0);
		expect(calendar.workingDaysBetween(local('2026-06-08 12:00'), local('2026-06-08 12:00'))).toBe(0);
		expect(calendar.workingDaysBetween(local('2026-06-08 12:00'), local('2026-06-08 10:00'))).toBe(0);
	});

	it('is the inverse of addWorkingDays', () => {
		const cases: [string, number][] = [
			['2026-05-26 16:20', 1],
			['2026-06-05 15:00', 3],
			['2026-03-02 14:00', 1],
			['2026-03-19 12:00', 1],
			['2026-02-17 12:30', 2.75],
			['2026-06-06 19:00', 0.5],
			['2026-03-13 10:00', 7.3],
			['2026-08-13 16:00', 4],
		];
		for (const [start, days] of cases) {
			const due = calendar.addWorkingDays(local(start), days);
			expect(calendar.workingDaysBetween(local(start), due)).toBeCloseTo(days, 9);
		}
		// and the other way round, for an end in working time
		const ends: [string, string][] = [
			['2026-05-26 16:20', '2026-05-29 11:00'],
			['2026-03-18 10:00', '2026-03-25 09:15'],
			['2026-06-06 19:00', '2026-06-16 13:07'],
		];
		for (const [a, b] of ends) {
			expect(wall(calendar.addWorkingDays(local(a), calendar.workingDaysBetween(local(a), local(b))))).toBe(
				wall(local(b)),
			);
		}
	});
});

describe('addCalendarDays', () => {
	it('gives the 60-day legal ceiling on the wall clock across the Ramadan offset change', () => {
		// 01-10 + 21 = 01-31, + 28 = 02-28, + 11 = 03-11; 10:00 at UTC+1 = 09:00Z, 10:00 at UTC+0 = 10:00Z
		const due = calendar.addCalendarDays(local('2026-01-10 10:00'), 60);
		expect(wall(due)).toBe('Wed 2026-03-11 10:00:00.000');
		expect(due.toISOString()).toBe('2026-03-11T10:00:00.000Z');
	});

	it('keeps the wall clock when the offset goes back to UTC+1', () => {
		// Sat 03-21 10:00 at UTC+0 + 1 day → Sun 03-22 10:00 at UTC+1: only 23 h later
		const due = calendar.addCalendarDays(local('2026-03-21 10:00'), 1);
		expect(due.toISOString()).toBe('2026-03-22T09:00:00.000Z');
	});

	it('goes back with a negative amount and adds a fraction as elapsed time', () => {
		expect(wall(calendar.addCalendarDays(local('2026-03-11 10:00'), -60))).toBe('Sat 2026-01-10 10:00:00.000');
		expect(wall(calendar.addCalendarDays(local('2026-06-05 15:00'), 0.5))).toBe('Sat 2026-06-06 03:00:00.000');
		expect(() => calendar.addCalendarDays(local('2026-06-05 15:00'), Number.NaN)).toThrow(RangeError);
	});
});

describe('constructor', () => {
	it('rejects bad configuration with a clear message', () => {
		expect(() => new WorkingCalendar({ ...casablanca2026, timeZone: 'Africa/Casablanka' })).toThrow(/time zone/);
		expect(() => new WorkingCalendar({ ...casablanca2026, schedules: [{ ...NORMAL, startTime: '8h30' }] })).toThrow(
			/Horaire normal.*8h30/,
		);
		expect(() => new WorkingCalendar({ ...casablanca2026, schedules: [{ ...NORMAL, endTime: '08:00' }] })).toThrow(
			/not after/,
		);
		expect(() => new WorkingCalendar({ ...casablanca2026, schedules: [{ ...NORMAL, weekdays: [0, 1] }] })).toThrow(
			/weekday 0/,
		);
		expect(
			() => new WorkingCalendar({ ...casablanca2026, schedules: [{ ...RAMADAN_1447, validTo: '2026-02-01' }] }),
		).toThrow(/after validTo/);
		expect(() => new WorkingCalendar({ ...casablanca2026, holidays: [{ date: '2026-02-30' }] })).toThrow(/2026-02-30/);
	});

	it('accepts HH:mm:ss times from the database', () => {
		const c = new WorkingCalendar({
			...casablanca2026,
			schedules: [{ ...NORMAL, startTime: '08:30:00', endTime: '16:30:00' }],
		});
		expect(c.workingWindow('2026-06-08')!.end.toISOString()).toBe('2026-06-08T15:30:00.000Z');
	});
});
