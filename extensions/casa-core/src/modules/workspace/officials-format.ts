// Figures for the officials' screens, in the user's language: Latin digits in
// both languages (as the rest of the workspace, format.ts), Moroccan month
// names (fr-MA / ar-MA: « décembre », « دجنبر »), percentages without
// decimals, a dash for what cannot be computed. Plain functions.
import { type Translate, type UiLanguage, formatUnit, localeOf } from './format';

export const NO_VALUE = '—';

export type Name = { fr: string; ar: string } | null;

export function nameIn(name: Name, language: UiLanguage, fallback = NO_VALUE): string {
	return name ? name[language] || name.fr : fallback;
}

/** "décembre 2026" / "دجنبر 2026" */
export function formatMonth(month: string, language: UiLanguage): string {
	const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1];
	return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(year, index, 15)),
	);
}

/** "déc." / "دجنبر": the month alone, short, for a chart's axis. */
export function formatShortMonth(month: string, language: UiLanguage): string {
	const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1];
	return new Intl.DateTimeFormat(localeOf(language), { month: 'short', timeZone: 'UTC' }).format(
		new Date(Date.UTC(year, index, 15)),
	);
}

export function formatCount(value: number | null | undefined, language: UiLanguage): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
	return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 }).format(value);
}

/** 0.874 → "87 %" / "87%" */
export function formatRate(value: number | null | undefined, language: UiLanguage): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
	return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatDays(value: number | null | undefined, t: Translate, language: UiLanguage): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
	return formatUnit('day', value, t, language);
}

/** One decimal, e.g. complaints per 10,000 inhabitants. */
export function formatDecimal(value: number | null | undefined, language: UiLanguage): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
	return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
		value,
	);
}

/** A share of late among open, 0 … 1, or null without open complaints. */
export function lateShare(late: number, open: number): number | null {
	return open > 0 ? late / open : null;
}

/** Colour of a late share: green under 10 %, amber under 30 %, red above. */
export function lateTone(share: number | null): 'ok' | 'risk' | 'late' {
	if (share === null || share < 0.1) return 'ok';
	return share < 0.3 ? 'risk' : 'late';
}

/** Bar heights of a trend, 0 … 100 (percent of the highest month). */
export function barHeights(values: number[]): number[] {
	const max = Math.max(0, ...values);
	return values.map((value) => (max > 0 ? Math.round((value / max) * 100) : 0));
}

/** A cluster's pie: the late share as a CSS conic gradient (red share, then green), starting at the top. */
export function pieBackground(late: number, count: number, colours = { late: '#b91c1c', other: '#15803d' }): string {
	const degrees = count > 0 ? Math.round((late / count) * 360) : 0;
	return `conic-gradient(${colours.late} 0deg ${degrees}deg, ${colours.other} ${degrees}deg 360deg)`;
}

/** 'YYYY-MM' moved by a number of months. */
export function shiftMonth(month: string, months: number): string {
	const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1];
	const date = new Date(Date.UTC(year, index + months, 1));
	return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
