// Report months on the Casablanca clock, and calendar-day deadlines that SQL
// can compare without knowing the time zone.
import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { CASABLANCA_TIME_ZONE } from '../calendar/working-calendar';

/** 'YYYY-MM' */
export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

export function isMonthKey(value: unknown): value is MonthKey {
	return (
		typeof value === 'string' &&
		MONTH.test(value) &&
		Number(value.slice(0, 4)) >= 2000 &&
		Number(value.slice(0, 4)) <= 2100
	);
}

export interface MonthWindow {
	month: MonthKey;
	/** first instant of the month (local midnight of day 1) */
	start: Date;
	/** first instant of the next month: the window is [start, end) */
	end: Date;
}

export function monthWindow(month: MonthKey, timeZone = CASABLANCA_TIME_ZONE): MonthWindow {
	if (!isMonthKey(month)) throw new RangeError(`'${month}' is not a YYYY-MM month`);
	const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1];
	const startOf = (y: number, m: number) => new Date(new TZDate(y, m, 1, 0, 0, 0, 0, timeZone).getTime());
	// (addMonths on a TZDate lands an hour off across the new year: build both ends the same way)
	return { month, start: startOf(year, index), end: index === 11 ? startOf(year + 1, 0) : startOf(year, index + 1) };
}

export function shiftMonth(month: MonthKey, months: number): MonthKey {
	const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1];
	const date = new Date(Date.UTC(year, index + months, 1));
	return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month an instant falls in, on the Casablanca clock. */
export function monthOf(instant: Date, timeZone = CASABLANCA_TIME_ZONE): MonthKey {
	return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM');
}

/** The last complete month before `now`: the default report. */
export function lastCompleteMonth(now: Date, timeZone = CASABLANCA_TIME_ZONE): MonthKey {
	return shiftMonth(monthOf(now, timeZone), -1);
}

/** Same local wall-clock time `days` later (what WorkingCalendar.addCalendarDays does). */
export function addLocalDays(instant: Date, days: number, timeZone = CASABLANCA_TIME_ZONE): Date {
	return new Date(addDays(new TZDate(instant.getTime(), timeZone), days).getTime());
}

export interface ShiftPiece {
	/** for instants t in [from, to): addLocalDays(t, days) = t + days × 24 h + extraMs */
	from: Date;
	to: Date;
	extraMs: number;
}

/** how far around a change of UTC offset calendar-day arithmetic can move (changes are of an hour or two) */
const SHIFT_MARGIN_MS = 12 * 3_600_000;
/** the step that finds changes of UTC offset (the zone never changes twice within it) */
const OFFSET_PROBE_MS = 6 * 3_600_000;

/** The instants in [from, to) at which the zone's UTC offset changes (the first millisecond of the new offset). */
export function offsetChanges(from: number, to: number, timeZone = CASABLANCA_TIME_ZONE): number[] {
	const offset = (ms: number) => tzOffset(timeZone, new Date(ms));
	const changes: number[] = [];
	let before = offset(from);
	for (let probe = from; probe < to;) {
		const next = Math.min(probe + OFFSET_PROBE_MS, to);
		const after = offset(next);
		if (after !== before) {
			let [lo, hi] = [probe, next];
			while (hi - lo > 1) {
				const mid = Math.floor((lo + hi) / 2);
				if (offset(mid) === before) lo = mid;
				else hi = mid;
			}
			if (hi < to) changes.push(hi);
		}
		before = after;
		probe = next;
	}
	return changes;
}

const shiftsMemo = new Map<string, ShiftPiece[]>();

/**
 * `days` calendar days on the Casablanca clock are `days` × 24 h except around
 * a change of UTC offset (Ramadan): the pieces of [from, to) where the
 * difference is not zero, so that SQL adds a fixed CASE to a plain sum and
 * counts exactly what WorkingCalendar.addCalendarDays would.
 *
 * The difference can only change where t or t + days × 24 h is near a change
 * of offset: those stretches are probed every 15 minutes (offsets change on
 * whole quarter hours, so a step cannot jump over a piece), the rest is
 * crossed in one step. (Probing the whole span every 15 minutes, as this did
 * first, took 0.6 s for the thirteen months of the officials' figures.)
 * Results are kept: the same spans come back with every figure computed.
 */
export function calendarDayShifts(from: Date, to: Date, days: number, timeZone = CASABLANCA_TIME_ZONE): ShiftPiece[] {
	if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0 (got ${days})`);
	const key = `${from.getTime()}:${to.getTime()}:${days}:${timeZone}`;
	let pieces = shiftsMemo.get(key);
	if (!pieces) {
		pieces = computeShifts(from.getTime(), to.getTime(), days, timeZone);
		shiftsMemo.set(key, pieces);
		if (shiftsMemo.size > 256) shiftsMemo.delete(shiftsMemo.keys().next().value as string);
	}
	return pieces.map((piece) => ({ from: new Date(piece.from), to: new Date(piece.to), extraMs: piece.extraMs }));
}

function computeShifts(fromMs: number, toMs: number, days: number, timeZone: string): ShiftPiece[] {
	const extra = (ms: number) => addLocalDays(new Date(ms), days, timeZone).getTime() - ms - days * DAY_MS;
	// where extra may vary: around each change of offset met by t, and by t + days
	const span = days * DAY_MS;
	const windows = offsetChanges(fromMs - SHIFT_MARGIN_MS, toMs + span + SHIFT_MARGIN_MS, timeZone)
		.flatMap((change) => [change, change - span])
		.map((at) => [Math.max(fromMs, at - SHIFT_MARGIN_MS), Math.min(toMs, at + SHIFT_MARGIN_MS)] as const)
		.filter(([start, end]) => start < end)
		.sort((a, b) => a[0] - b[0]);
	const nextStep = (probe: number) => {
		for (const [start, end] of windows) {
			if (probe < start) return start;
			if (probe < end) return probe + STEP;
		}
		return toMs;
	};
	// offsets change on whole quarter hours; a 15-minute step cannot jump over a piece
	const STEP = 15 * 60_000;
	const pieces: ShiftPiece[] = [];
	let pieceStart = fromMs;
	let current = extra(pieceStart);
	const close = (end: number) => {
		if (current !== 0 && end > pieceStart)
			pieces.push({ from: new Date(pieceStart), to: new Date(end), extraMs: current });
	};
	for (let probe = fromMs; probe < toMs;) {
		const next = Math.min(nextStep(probe), toMs);
		const value = next < toMs ? extra(next) : current;
		if (value !== current) {
			// the first millisecond of the new value
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
	close(toMs);
	return pieces;
}
