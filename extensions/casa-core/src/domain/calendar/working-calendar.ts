// Working time on the Moroccan administration calendar: schedules (the normal
// week, Ramadan hours) and public holidays are data; arithmetic is done in the
// Africa/Casablanca zone, whose UTC offset itself changes during Ramadan.
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

export type IsoDate = string;

export interface WorkSchedule {
	name: string;
	validFrom: IsoDate | null;
	validTo: IsoDate | null;
	/** ISO weekday numbers, 1 = Monday … 7 = Sunday */
	weekdays: number[];
	startTime: string;
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

/** A calendar with no working day in this many days is a configuration error. */
const MAX_SCAN_DAYS = 3 * 366;
const EPSILON = 1e-9;

function parseTime(value: string): [number, number] {
	const [hours, minutes] = value.split(':').map(Number);
	return [hours, minutes ?? 0];
}

function rangeLength(schedule: WorkSchedule): number {
	if (!schedule.validFrom || !schedule.validTo) return Number.POSITIVE_INFINITY;
	return Date.parse(schedule.validTo) - Date.parse(schedule.validFrom);
}

export class WorkingCalendar {
	private readonly timeZone: string;
	private readonly holidays: Set<string>;
	private readonly schedules: WorkSchedule[];
	private readonly windows = new Map<IsoDate, { start: Date; end: Date } | null>();

	constructor(data: CalendarData) {
		this.timeZone = data.timeZone;
		this.holidays = new Set(data.holidays.map((holiday) => holiday.date));
		// dated schedules first, the narrowest range first; undated defaults last
		this.schedules = [...data.schedules].sort((a, b) => rangeLength(a) - rangeLength(b));
	}

	localDate(instant: Date): IsoDate {
		return format(new TZDate(instant.getTime(), this.timeZone), 'yyyy-MM-dd');
	}

	private nextDate(date: IsoDate): IsoDate {
		const [year, month, day] = date.split('-').map(Number);
		return format(addDays(new Date(Date.UTC(year, month - 1, day, 12)), 1), 'yyyy-MM-dd');
	}

	private scheduleFor(date: IsoDate): WorkSchedule | null {
		return (
			this.schedules.find((schedule) => (schedule.validFrom === null || schedule.validFrom <= date) && (schedule.validTo === null || date <= schedule.validTo)) ?? null
		);
	}

	workingWindow(date: IsoDate): { start: Date; end: Date } | null {
		if (this.windows.has(date)) return this.windows.get(date)!;
		let window: { start: Date; end: Date } | null = null;
		if (!this.holidays.has(date)) {
			const schedule = this.scheduleFor(date);
			const [year, month, day] = date.split('-').map(Number);
			const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
			if (schedule && schedule.weekdays.includes(weekday)) {
				const [startHours, startMinutes] = parseTime(schedule.startTime);
				const [endHours, endMinutes] = parseTime(schedule.endTime);
				const start = new Date(new TZDate(year, month - 1, day, startHours, startMinutes, this.timeZone).getTime());
				const end = new Date(new TZDate(year, month - 1, day, endHours, endMinutes, this.timeZone).getTime());
				if (end > start) window = { start, end };
			}
		}
		this.windows.set(date, window);
		return window;
	}

	isWorkingTime(instant: Date): boolean {
		const window = this.workingWindow(this.localDate(instant));
		return !!window && instant >= window.start && instant < window.end;
	}

	/**
	 * Adds working days; a working day is one unit whatever its length, so time
	 * left in a day counts as that day's share. Adding 1 from a window's opening
	 * ends at that window's close.
	 */
	addWorkingDays(start: Date, days: number): Date {
		if (days < 0) throw new RangeError('addWorkingDays takes a non-negative number of days');
		let remaining = days;
		let date = this.localDate(start);
		let from = start.getTime();
		for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++) {
			const window = this.workingWindow(date);
			if (window && from < window.end.getTime()) {
				const length = window.end.getTime() - window.start.getTime();
				const begin = Math.max(from, window.start.getTime());
				const available = (window.end.getTime() - begin) / length;
				if (remaining <= available + EPSILON) return new Date(begin + Math.min(remaining, available) * length);
				remaining -= available;
			}
			date = this.nextDate(date);
			from = Number.NEGATIVE_INFINITY;
		}
		throw new Error(`The working calendar has no working day within ${MAX_SCAN_DAYS} days of ${start.toISOString()}: check the work schedules`);
	}

	/** Working days between two instants (fractional); 0 when b is not after a. */
	workingDaysBetween(a: Date, b: Date): number {
		if (b <= a) return 0;
		let total = 0;
		let date = this.localDate(a);
		const last = this.localDate(b);
		for (let scanned = 0; scanned <= MAX_SCAN_DAYS * 20; scanned++) {
			const window = this.workingWindow(date);
			if (window) {
				const begin = Math.max(a.getTime(), window.start.getTime());
				const end = Math.min(b.getTime(), window.end.getTime());
				if (end > begin) total += (end - begin) / (window.end.getTime() - window.start.getTime());
			}
			if (date >= last) return total;
			date = this.nextDate(date);
		}
		return total;
	}

	/** Calendar days in local time: the wall-clock time is kept across offset changes. */
	addCalendarDays(start: Date, days: number): Date {
		return new Date(addDays(new TZDate(start.getTime(), this.timeZone), days).getTime());
	}
}
