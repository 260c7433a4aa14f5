// Panel options as the Insights app hands them over: a plain value, or a
// dashboard variable already interpolated ("{{service}}" becomes the
// variable's value: a string, an array for multi-value variables, null, or
// the text "undefined" when the variable is unset). Normalised to the endpoints' query parameters.
import { addDays, addHours, addMinutes, addMonths, addSeconds, addWeeks, addYears } from 'date-fns';

/** One query value: arrays joined with commas; null, empty and uninterpolated "{{…}}" mean "no filter". */
export function optionValue(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (Array.isArray(value)) return value.map(optionValue).filter(Boolean).join(',');
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	if (typeof value === 'object') return '';
	const text = String(value).trim();
	// an unset variable renders as "undefined" (Directus's mustache rendering of a missing value)
	return text.includes('{{') || text === 'undefined' || text === 'null' ? '' : text;
}

const NOW = /^\$NOW(?:\(\s*([+-]?\d+)\s*(year|month|week|day|hour|minute|second)s?\s*\))?$/i;
const SHIFTS = {
	year: addYears,
	month: addMonths,
	week: addWeeks,
	day: addDays,
	hour: addHours,
	minute: addMinutes,
	second: addSeconds,
} as const;

/**
 * Directus's dynamic date `$NOW`, `$NOW(-30 days)`, `$NOW(+2 hours)` (what the
 * dashboards' period variable holds) as an ISO instant; other text unchanged.
 */
export function resolveDynamicDate(text: string, now: Date): string {
	const match = NOW.exec(text.trim());
	if (!match) return text;
	if (!match[1]) return now.toISOString();
	const unit = match[2].toLowerCase() as keyof typeof SHIFTS;
	return SHIFTS[unit](now, Number(match[1])).toISOString();
}

/** The filter parameters of /insights/clusters and /insights/sla; empty ones are left out. */
export function filterParams(
	options: { service?: unknown; arrondissement?: unknown; from?: unknown; to?: unknown; status?: unknown },
	now: Date = new Date(),
): Record<string, string> {
	const params: Record<string, string> = {};
	for (const key of ['service', 'arrondissement', 'from', 'to', 'status'] as const) {
		const value = optionValue(options[key]);
		if (value) params[key] = key === 'from' || key === 'to' ? resolveDynamicDate(value, now) : value;
	}
	return params;
}

export function choice<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
	const text = optionValue(value);
	return (allowed as readonly string[]).includes(text) ? (text as T) : fallback;
}

/** A percentage option (0–100), the fallback when unset or out of range. */
export function percentOption(value: unknown, fallback: number): number {
	const text = optionValue(value);
	const number = Number(text);
	return text !== '' && Number.isFinite(number) && number >= 0 && number <= 100 ? number : fallback;
}

/** Map west,south,east,north rounded outward to 5 decimals (about a metre): stable query strings. */
export function bboxParam(bounds: { west: number; south: number; east: number; north: number }): string {
	const down = (value: number) => Math.floor(value * 1e5) / 1e5;
	const up = (value: number) => Math.ceil(value * 1e5) / 1e5;
	const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
	return [
		clamp(down(bounds.west), 180),
		clamp(down(bounds.south), 90),
		clamp(up(bounds.east), 180),
		clamp(up(bounds.north), 90),
	].join(',');
}

/** The initial view: "lat,lng" and a zoom level; null (fit the commune) when either is missing or wrong. */
export function initialView(center: unknown, zoom: unknown): { center: [number, number]; zoom: number } | null {
	const parts = optionValue(center)
		.split(',')
		.map((part) => Number(part.trim()));
	const level = Number(optionValue(zoom));
	if (
		parts.length !== 2 ||
		parts.some((part) => !Number.isFinite(part)) ||
		Math.abs(parts[0]) > 90 ||
		Math.abs(parts[1]) > 180
	)
		return null;
	if (!Number.isInteger(level) || level < 0 || level > 20 || optionValue(zoom) === '') return null;
	return { center: [parts[0], parts[1]], zoom: level };
}
