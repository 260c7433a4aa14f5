// The daily quota of an Open311 client counts requests per calendar day in
// Casablanca: the day's key, and how long until it starts again.
import { TZDate } from '@date-fns/tz';
import { CASABLANCA_TIME_ZONE } from '../calendar/working-calendar';

export function quotaDay(now: Date, timeZone: string = CASABLANCA_TIME_ZONE): { day: string; secondsLeft: number } {
	const local = new TZDate(now.getTime(), timeZone);
	const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
	const next = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, 0, timeZone);
	return { day, secondsLeft: Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000)) };
}

/** A client's limits from its row; the defaults when the administrator left them empty. */
export const DEFAULT_RATE_PER_MINUTE = 60;
export const DEFAULT_DAILY_QUOTA = 5000;

export function clientLimits(row: { rate_limit_per_minute?: unknown; daily_quota?: unknown }): {
	perMinute: number;
	perDay: number;
} {
	const positive = (value: unknown, fallback: number) => {
		const number = Number(value);
		return value === null || value === undefined || value === '' || !Number.isFinite(number) || number < 1
			? fallback
			: Math.floor(number);
	};
	return {
		perMinute: positive(row.rate_limit_per_minute, DEFAULT_RATE_PER_MINUTE),
		perDay: positive(row.daily_quota, DEFAULT_DAILY_QUOTA),
	};
}
