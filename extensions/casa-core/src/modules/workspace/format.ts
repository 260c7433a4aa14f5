// Numbers, dates and deadline countdowns for the workspace screens, in the
// user's language. One digit system per language: Latin digits (0-9) in French
// and in Arabic (as Moroccan administration writes them), Arabic month names
// in Arabic. Plain functions: no Vue, no Directus.
import type { SlaState } from '../../domain/complaint/vocabulary';

export type UiLanguage = 'fr' | 'ar';
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export const TIME_ZONE = 'Africa/Casablanca';

/** The locale tag used for Intl formatting: Moroccan French / Moroccan Arabic, Latin digits forced. */
export function localeOf(language: UiLanguage): string {
	return language === 'ar' ? 'ar-MA-u-nu-latn' : 'fr-MA-u-nu-latn';
}

export function formatNumber(value: number, language: UiLanguage): string {
	return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value);
}

function toDate(value: string | Date | null | undefined): Date | null {
	if (value === null || value === undefined || value === '') return null;
	const date = value instanceof Date ? value : new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** "6 décembre 2026" / "6 دجنبر 2026" */
export function formatDate(value: string | Date | null | undefined, language: UiLanguage): string {
	const date = toDate(value);
	if (!date) return '';
	return new Intl.DateTimeFormat(localeOf(language), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: TIME_ZONE,
	}).format(date);
}

/** "6 décembre 2026, 14:05" (24-hour clock in both languages) */
export function formatDateTime(value: string | Date | null | undefined, language: UiLanguage): string {
	const date = toDate(value);
	if (!date) return '';
	return new Intl.DateTimeFormat(localeOf(language), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TIME_ZONE,
	}).format(date);
}

/** "6 déc." / "6 دجنبر": short day and month for dense lists. */
export function formatShortDate(value: string | Date | null | undefined, language: UiLanguage): string {
	const date = toDate(value);
	if (!date) return '';
	return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short', timeZone: TIME_ZONE }).format(
		date,
	);
}

export type { SlaState } from '../../domain/complaint/vocabulary';

export interface Countdown {
	/** past the deadline */
	overdue: boolean;
	days: number;
	hours: number;
	minutes: number;
	/** signed hours left (negative when overdue) */
	totalHours: number;
}

/** Time left until a deadline (or past it), split into whole days, hours and minutes. */
export function countdown(due: string | Date | null | undefined, now: Date = new Date()): Countdown | null {
	const date = toDate(due);
	if (!date) return null;
	return countdownFromHours((date.getTime() - now.getTime()) / 3_600_000);
}

/** The same from a number of hours left (the queue's `due_in_hours`). */
export function countdownFromHours(hours: number | null | undefined): Countdown | null {
	if (hours === null || hours === undefined || !Number.isFinite(hours)) return null;
	const overdue = hours < 0;
	let minutes = Math.floor(Math.abs(hours) * 60);
	const days = Math.floor(minutes / (24 * 60));
	minutes -= days * 24 * 60;
	const whole = Math.floor(minutes / 60);
	minutes -= whole * 60;
	return { overdue, days, hours: whole, minutes, totalHours: hours };
}

/** The plural category of a number in a language ("one", "few", "many"…), for keys `<key>_<category>`. */
export function pluralKey(key: string, count: number, language: UiLanguage): string {
	return `${key}_${new Intl.PluralRules(language === 'ar' ? 'ar' : 'fr').select(count)}`;
}

/** "3 jours" / "3 أيام", "11 يومًا": a number with its unit, in the language's plural form. */
export function formatUnit(unit: 'day' | 'hour' | 'minute', count: number, t: Translate, language: UiLanguage): string {
	return t(pluralKey(`workspace_ui.units.${unit}`, count, language), { n: formatNumber(count, language) });
}

/**
 * A countdown as words: "Encore 3 j 4 h", "En retard de 2 h 10 min".
 * Days and hours above a day, hours and minutes below, minutes below an hour.
 */
export function formatCountdown(value: Countdown | null, t: Translate, language: UiLanguage): string {
	if (!value) return t('workspace_ui.countdown.none');
	const unit = (name: 'day' | 'hour' | 'minute', count: number) => formatUnit(name, count, t, language);
	let span: string;
	if (value.days > 0)
		span =
			value.hours > 0
				? t('workspace_ui.countdown.pair', { first: unit('day', value.days), second: unit('hour', value.hours) })
				: unit('day', value.days);
	else if (value.hours > 0)
		span =
			value.minutes > 0
				? t('workspace_ui.countdown.pair', { first: unit('hour', value.hours), second: unit('minute', value.minutes) })
				: unit('hour', value.hours);
	else span = unit('minute', Math.max(value.minutes, 1));
	return t(value.overdue ? 'workspace_ui.countdown.overdue' : 'workspace_ui.countdown.left', { span });
}

/** The SLA state to colour a deadline with when the server gave none: overdue is breached, a day or less is at risk. */
export function slaStateOf(value: Countdown | null, given?: string | null): SlaState {
	if (given === 'on_track' || given === 'at_risk' || given === 'breached') return given;
	if (!value) return 'on_track';
	if (value.overdue) return 'breached';
	return value.totalHours <= 24 ? 'at_risk' : 'on_track';
}

/** "il y a 3 jours" / "منذ 3 أيام"; "aujourd'hui" under a day. */
export function formatAge(days: number | null | undefined, t: Translate, language: UiLanguage): string {
	if (days === null || days === undefined || !Number.isFinite(days)) return '';
	const whole = Math.max(0, Math.floor(days));
	if (whole === 0) return t('workspace_ui.age.today');
	return t('workspace_ui.age.ago', { span: formatUnit('day', whole, t, language) });
}

/** The first words of a text, cut on a word boundary, with an ellipsis. */
export function firstWords(text: string | null | undefined, max = 90): string {
	const clean = String(text ?? '')
		.replace(/\s+/g, ' ')
		.trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?،؛-]+$/, '')}…`;
}
