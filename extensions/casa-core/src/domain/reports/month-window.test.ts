import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { CASABLANCA_TIME_ZONE, WorkingCalendar } from '../calendar/working-calendar';
import {
	type ShiftPiece,
	addLocalDays,
	calendarDayShifts,
	isMonthKey,
	lastCompleteMonth,
	monthOf,
	monthWindow,
	offsetChanges,
	shiftMonth,
} from './month-window';

const calendar = new WorkingCalendar({ timeZone: CASABLANCA_TIME_ZONE, schedules: [], holidays: [] });

describe('monthWindow', () => {
	it('starts at local midnight (UTC+1 outside Ramadan)', () => {
		const window = monthWindow('2026-05');
		expect(window.start.toISOString()).toBe('2026-04-30T23:00:00.000Z');
		expect(window.end.toISOString()).toBe('2026-05-31T23:00:00.000Z');
	});

	it('follows the Ramadan offset (UTC+0 in March 2026)', () => {
		const window = monthWindow('2026-03');
		expect(window.start.toISOString()).toBe('2026-03-01T00:00:00.000Z');
		// back to UTC+1 after Ramadan: 1 April 00:00 local is 31 March 23:00 UTC
		expect(window.end.toISOString()).toBe('2026-03-31T23:00:00.000Z');
	});

	it('crosses the year', () => {
		expect(monthWindow('2025-12').end.toISOString()).toBe('2025-12-31T23:00:00.000Z');
		expect(shiftMonth('2026-01', -1)).toBe('2025-12');
		expect(shiftMonth('2025-12', 1)).toBe('2026-01');
	});

	it('refuses what is not a month', () => {
		for (const bad of ['2026-13', '2026-1', '26-01', '2026-00', 'x', '1999-12']) expect(isMonthKey(bad)).toBe(false);
		expect(() => monthWindow('2026-13')).toThrow(RangeError);
	});

	it('places an instant in its local month', () => {
		// 23:30 UTC on 30 April is 00:30 local on 1 May
		expect(monthOf(new Date('2026-04-30T23:30:00Z'))).toBe('2026-05');
		expect(lastCompleteMonth(new Date('2026-04-30T23:30:00Z'))).toBe('2026-04');
	});
});

describe('calendarDayShifts', () => {
	it('agrees with WorkingCalendar.addCalendarDays', () => {
		expect(addLocalDays(new Date('2026-02-10T10:00:00Z'), 15).getTime()).toBe(
			calendar.addCalendarDays(new Date('2026-02-10T10:00:00Z'), 15).getTime(),
		);
	});

	it('is empty where no offset changes', () => {
		const { start, end } = monthWindow('2026-06');
		expect(calendarDayShifts(start, end, 15)).toEqual([]);
	});

	// Spans with Ramadan's offset changes (in every tzdata), and the one of Morocco's return to UTC+0 on 2026-09-20,
	// which only tzdata 2026b and later know (Node 22's; Node 20 ships 2025c): each identity holds with the
	// runtime's own data, and pieces exist exactly where that data changes the offset.
	const offsetChangesBetween = (from: Date, to: Date) => {
		const format = new Intl.DateTimeFormat('en', { timeZone: CASABLANCA_TIME_ZONE, timeZoneName: 'longOffset' });
		const offsetAt = (ms: number) =>
			format.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')!.value;
		const first = offsetAt(from.getTime());
		for (let ms = from.getTime(); ms <= to.getTime(); ms += 3_600_000) if (offsetAt(ms) !== first) return true;
		return false;
	};
	for (const [days, first, last] of [
		[15, '2025-12', '2026-04'],
		[60, '2025-12', '2026-04'],
		[15, '2026-08', '2026-10'],
	] as const) {
		it(`gives t + ${days} × 24 h + extra = addCalendarDays(t, ${days}) at every instant from ${first} to ${last}`, () => {
			const from = monthWindow(first).start;
			const to = monthWindow(last).end;
			const pieces = calendarDayShifts(from, to, days);
			expect(pieces.length > 0).toBe(offsetChangesBetween(from, new Date(to.getTime() + days * 86_400_000)));
			if (first === '2025-12') expect(pieces.length).toBeGreaterThan(0);
			const extraAt = (ms: number) =>
				pieces.find((piece) => piece.from.getTime() <= ms && ms < piece.to.getTime())?.extraMs ?? 0;
			const check = (ms: number) =>
				expect(ms + days * 86_400_000 + extraAt(ms), new Date(ms).toISOString()).toBe(
					calendar.addCalendarDays(new Date(ms), days).getTime(),
				);
			// every 7 minutes over the span, and every millisecond edge of each piece
			for (let ms = from.getTime(); ms < to.getTime(); ms += 7 * 60_000) check(ms);
			for (const piece of pieces)
				for (const edge of [piece.from.getTime(), piece.to.getTime()])
					for (const ms of [edge - 1, edge, edge + 1]) check(ms);
		});
	}

	// the first version probed the whole span every 15 minutes (0.6 s for thirteen months): the pieces must not change
	function probedEverywhere(from: Date, to: Date, days: number, timeZone = CASABLANCA_TIME_ZONE): ShiftPiece[] {
		const extra = (ms: number) => addLocalDays(new Date(ms), days, timeZone).getTime() - ms - days * 86_400_000;
		const STEP = 15 * 60_000;
		const pieces: ShiftPiece[] = [];
		let pieceStart = from.getTime();
		let current = extra(pieceStart);
		const close = (end: number) => {
			if (current !== 0 && end > pieceStart)
				pieces.push({ from: new Date(pieceStart), to: new Date(end), extraMs: current });
		};
		for (let probe = from.getTime(); probe < to.getTime();) {
			const next = Math.min(probe + STEP, to.getTime());
			const value = next < to.getTime() ? extra(next) : current;
			if (value !== current) {
				let [lo, hi] = [probe, next];
				while (hi - lo > 1) {
					const mid = Math.floor((lo + hi) / 2);
					if (extra(mid) === current) lo = mid;
					else hi = mid;
				}
				close(hi);
				pieceStart = hi;
				current = extra(hi);
				probe = hi;
				continue;
			}
			probe = next;
		}
		close(to.getTime());
		return pieces;
	}

	for (const [days, first, last, timeZone] of [
		[60, '2025-11', '2026-11', CASABLANCA_TIME_ZONE],
		[15, '2026-12', '2027-12', CASABLANCA_TIME_ZONE],
		[30, '2027-06', '2028-06', CASABLANCA_TIME_ZONE],
		[1, '2024-01', '2024-12', CASABLANCA_TIME_ZONE],
		[0, '2026-01', '2026-04', CASABLANCA_TIME_ZONE],
		[60, '2025-11', '2026-11', 'Europe/Paris'],
	] as const) {
		it(`gives the pieces of probing every 15 minutes, ${days} days over ${first} … ${last} (${timeZone})`, () => {
			const from = monthWindow(first, timeZone).start;
			const to = monthWindow(last, timeZone).end;
			expect(calendarDayShifts(from, to, days, timeZone)).toEqual(probedEverywhere(from, to, days, timeZone));
		});
	}

	it('is kept: the same span again costs nothing and cannot be altered by a caller', () => {
		const from = monthWindow('2025-10').start;
		const to = monthWindow('2026-10').end;
		const first = calendarDayShifts(from, to, 60);
		first[0].extraMs = 42;
		const started = performance.now();
		const again = calendarDayShifts(from, to, 60);
		expect(performance.now() - started).toBeLessThan(5);
		expect(again[0].extraMs).not.toBe(42);
	});
});

describe('offsetChanges', () => {
	it('finds the first millisecond of each new UTC offset (Ramadan 2026 in Casablanca)', () => {
		const changes = offsetChanges(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-05-01T00:00:00Z'));
		expect(changes).toHaveLength(2);
		// UTC+1 → UTC+0 before Ramadan, back to UTC+1 after
		expect(
			changes.map((change) => [
				tzOffset(CASABLANCA_TIME_ZONE, new Date(change - 1)),
				tzOffset(CASABLANCA_TIME_ZONE, new Date(change)),
			]),
		).toEqual([
			[60, 0],
			[0, 60],
		]);
		expect(offsetChanges(Date.parse('2026-05-01T00:00:00Z'), Date.parse('2026-07-01T00:00:00Z'))).toEqual([]);
	});
});
