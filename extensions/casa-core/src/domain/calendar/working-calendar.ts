// Working time on the Moroccan administration calendar: schedules (the normal
// week, Ramadan hours) and public holidays are data; arithmetic is done in the
// Africa/Casablanca zone, whose UTC offset itself changes during Ramadan.
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

/** 'YYYY-MM-DD' in the local (Casablanca) calendar */
export type IsoDate = string;

export interface WorkSchedule {
	name: string;
	/** null = open-ended (the default schedule has both bounds null) */
	validFrom: IsoDate | null;
	/** inclusive */
	validTo: IsoDate | null;
	/** ISO weekday numbers, 1 = Monday … 7 = Sunday */
	weekdays: number[];
	/** 'HH:mm' local ('HH:mm:ss' is accepted, seconds ignored) */
	startTime: string;
	/** 'HH:mm' local, after startTime (no window across midnight) */
	endTime: string;
}

export interface Holiday {
	date: IsoDate;
	name?: string;
}

export interface CalendarData {
	timeZone: string;
	schedules: WorkSchedule[];
	holidays: Holiday[];
}

export const CASABLANCA_TIME_ZONE = 'Africa/Casablanca';

/** Consecutive days without any window after which the calendar is deemed broken. */
const MAX_DAYS_WITHOUT_WINDOW = 3 * 366;
/** Tolerance on day fractions (1e-9 day is well under a millisecond). */
const EPSILON = 1e-9;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

interface Window {
	start: number;
	end: number;
}

interface ParsedSchedule {
	schedule: WorkSchedule;
	weekdays: Set<number>;
	start: [number, number];
	end: [number, number];
}

function parseIsoDate(value: string, what: string): [number, number, number] {
	const match = ISO_DATE.exec(value);
	if (match) {
		const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
		const check = new Date(Date.UTC(year, month - 1, day));
		if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day)
			return [year, month, day];
	}
	throw new RangeError(`${what}: '${value}' is not a valid YYYY-MM-DD date`);
}

function parseTime(value: string, what: string): [number, number] {
	const match = TIME.exec(value);
	if (!match) throw new RangeError(`${what}: '${value}' is not a valid HH:mm time`);
	return [Number(match[1]), Number(match[2])];
}

// Plain calendar arithmetic on a date label (no time zone involved).
function nextIsoDate(date: IsoDate): IsoDate {
	const [year, month, day] = parseIsoDate(date, 'date');
	return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function isoWeekday(year: number, month: number, day: number): number {
	return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** Lower sorts first: bounded ranges by length, then half-open ones (latest start first), then undated defaults. */
function precedence(schedule: WorkSchedule): [number, number] {
	const from = schedule.validFrom === null ? null : Date.parse(schedule.validFrom);
	const to = schedule.validTo === null ? null : Date.parse(schedule.validTo);
	if (from !== null && to !== null) return [0, to - from];
	if (from !== null) return [1, -from];
	if (to !== null) return [2, to];
	return [3, 0];
}

export class WorkingCalendar {
	private readonly timeZone: string;
	private readonly holidays: Set<IsoDate>;
	private readonly schedules: ParsedSchedule[];
	private readonly windows = new Map<IsoDate, Window | null>();

	constructor(data: CalendarData) {
		if (Number.isNaN(new TZDate(0, data.timeZone).getTime()))
			throw new RangeError(`Unknown time zone '${data.timeZone}'`);
		this.timeZone = data.timeZone;
		this.holidays = new Set(
			data.holidays.map((holiday) => {
				parseIsoDate(holiday.date, `holiday ${holiday.name ?? ''}`.trim());
				return holiday.date;
			}),
		);
		this.schedules = data.schedules
			.map((schedule): ParsedSchedule => {
				const what = `work schedule '${schedule.name}'`;
				if (schedule.validFrom !== null) parseIsoDate(schedule.validFrom, `${what} validFrom`);
				if (schedule.validTo !== null) parseIsoDate(schedule.validTo, `${what} validTo`);
				if (schedule.validFrom !== null && schedule.validTo !== null && schedule.validFrom > schedule.validTo) {
					throw new RangeError(`${what}: validFrom ${schedule.validFrom} is after validTo ${schedule.validTo}`);
				}
				for (const weekday of schedule.weekdays) {
					if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7)
						throw new RangeError(`${what}: weekday ${weekday} is not in 1 (Monday) … 7 (Sunday)`);
				}
				const start = parseTime(schedule.startTime, `${what} startTime`);
				const end = parseTime(schedule.endTime, `${what} endTime`);
				if (end[0] * 60 + end[1] <= start[0] * 60 + start[1])
					throw new RangeError(`${what}: endTime ${schedule.endTime} is not after startTime ${schedule.startTime}`);
				return { schedule, weekdays: new Set(schedule.weekdays), start, end };
			})
			// stable sort: equal precedence keeps the input order
			.sort((a, b) => {
				const [tierA, keyA] = precedence(a.schedule);
				const [tierB, keyB] = precedence(b.schedule);
				return tierA - tierB || keyA - keyB;
			});
	}

	localDate(instant: Date): IsoDate {
		return format(new TZDate(instant.getTime(), this.timeZone), 'yyyy-MM-dd');
	}

	private scheduleFor(date: IsoDate): ParsedSchedule | null {
		return (
			this.schedules.find(
				({ schedule }) =>
					(schedule.validFrom === null || schedule.validFrom <= date) &&
					(schedule.validTo === null || date <= schedule.validTo),
			) ?? null
		);
	}

	private window(date: IsoDate): Window | null {
		const cached = this.windows.get(date);
		if (cached !== undefined) return cached;
		const [year, month, day] = parseIsoDate(date, 'date');
		let window: Window | null = null;
		// the schedule in force decides even when it has no hours that weekday (Ramadan Saturday: closed)
		const parsed = this.holidays.has(date) ? null : this.scheduleFor(date);
		if (parsed && parsed.weekdays.has(isoWeekday(year, month, day))) {
			window = {
				start: new TZDate(year, month - 1, day, parsed.start[0], parsed.start[1], this.timeZone).getTime(),
				end: new TZDate(year, month - 1, day, parsed.end[0], parsed.end[1], this.timeZone).getTime(),
			};
		}
		this.windows.set(date, window);
		return window;
	}

	/** The working window of a local date, or null (weekend, holiday, no schedule). The most specific schedule whose range contains the date applies. */
	workingWindow(date: IsoDate): { start: Date; end: Date } | null {
		const window = this.window(date);
		return window && { start: new Date(window.start), end: new Date(window.end) };
	}

	/** Inside a window: opening included, closing excluded. */
	isWorkingTime(instant: Date): boolean {
		const window = this.window(this.localDate(instant));
		const time = instant.getTime();
		return !!window && time >= window.start && time < window.end;
	}

	/**
	 * Adds working days (fractional allowed). A working day is one unit whatever
	 * its length, so the time left in a window counts as that share of a day and
	 * carries over as the same share of the next windows (8 h and 6 h Ramadan
	 * days alike). A start outside working time (closing instant included)
	 * counts from the next opening; adding 0 returns that opening. A result that
	 * exhausts a window exactly is that window's closing, never the next opening:
	 * adding 1 from an opening returns the same day's closing. Results are
	 * rounded to the millisecond.
	 */
	addWorkingDays(start: Date, days: number): Date {
		if (!Number.isFinite(days) || days < 0)
			throw new RangeError(`addWorkingDays takes a finite, non-negative number of days (got ${days})`);
		if (Number.isNaN(start.getTime())) throw new RangeError('addWorkingDays: invalid start date');
		let remaining = days;
		let date = this.localDate(start);
		let from = start.getTime();
		let withoutWindow = 0;
		for (;;) {
			const window = this.window(date);
			if (window && from < window.end) {
				withoutWindow = 0;
				const length = window.end - window.start;
				const begin = Math.max(from, window.start);
				const available = (window.end - begin) / length;
				// round, not truncate: 13/24 of 8 h is 15599999.999… ms in floating point
				if (remaining <= available + EPSILON)
					return new Date(Math.min(window.end, Math.round(begin + remaining * length)));
				remaining -= available;
			} else if (!window && ++withoutWindow > MAX_DAYS_WITHOUT_WINDOW) {
				throw new Error(
					`The working calendar has no working day in the ${MAX_DAYS_WITHOUT_WINDOW} days after ${date}: check the work schedules and holidays`,
				);
			}
			date = nextIsoDate(date);
			from = Number.NEGATIVE_INFINITY;
		}
	}

	/**
	 * Working days (fractional) between two instants; 0 when b is not after a.
	 * Inverse of addWorkingDays: workingDaysBetween(a, addWorkingDays(a, d)) = d,
	 * and addWorkingDays(a, workingDaysBetween(a, b)) = b when b is working time
	 * (otherwise the closing of the last window before b).
	 */
	workingDaysBetween(a: Date, b: Date): number {
		if (!(b.getTime() > a.getTime())) return 0;
		let total = 0;
		let date = this.localDate(a);
		const last = this.localDate(b);
		for (;;) {
			const window = this.window(date);
			if (window) {
				const begin = Math.max(a.getTime(), window.start);
				const end = Math.min(b.getTime(), window.end);
				if (end > begin) total += (end - begin) / (window.end - window.start);
			}
			if (date >= last) return total;
			date = nextIsoDate(date);
		}
	}

	/**
	 * Adds calendar days in local time: the wall-clock time is kept across UTC
	 * offset changes (Ramadan). A fractional part is added as elapsed time
	 * (0.5 = 12 hours) after the whole days. Negative amounts go back.
	 */
	addCalendarDays(start: Date, days: number): Date {
		if (!Number.isFinite(days)) throw new RangeError(`addCalendarDays takes a finite number of days (got ${days})`);
		const whole = Math.trunc(days);
		const moved = addDays(new TZDate(start.getTime(), this.timeZone), whole).getTime();
		return new Date(Math.round(moved + (days - whole) * 86_400_000));
	}
}
