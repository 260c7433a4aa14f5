// Numbers, months and dates for the reports, formatted with Intl for fr-MA and
// ar-MA. Digits are Western (latn) in both languages, as Moroccan
// administrations print them, so figures read the same in either report.
import type { Language } from '../i18n/messages';
import { CASABLANCA_TIME_ZONE } from '../calendar/working-calendar';
import type { MonthKey } from './month-window';

export const NO_VALUE = '—';

const LOCALES: Record<Language, string> = { fr: 'fr-MA-u-nu-latn', ar: 'ar-MA-u-nu-latn' };

export function formatter(language: Language) {
	const locale = LOCALES[language];
	const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	const percent = new Intl.NumberFormat(locale, {
		style: 'percent',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1,
	});
	const signedInteger = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
	const signedDecimal = new Intl.NumberFormat(locale, {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1,
		signDisplay: 'exceptZero',
	});
	const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
	const dateTime = new Intl.DateTimeFormat(locale, {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: CASABLANCA_TIME_ZONE,
	});
	const orDash = <T>(value: T | null, format: (value: T) => string) =>
		value === null || value === undefined ? NO_VALUE : format(value);
	return {
		integer: (value: number) => integer.format(value),
		decimal: (value: number | null) => orDash(value, (number) => oneDecimal.format(number)),
		percent: (value: number | null) => orDash(value, (number) => percent.format(number)),
		signedInteger: (value: number) => signedInteger.format(value),
		signedDecimal: (value: number | null) => orDash(value, (number) => signedDecimal.format(number)),
		/** 'mai 2026', 'ماي 2026' */
		month: (month: MonthKey) =>
			monthName.format(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15))),
		dateTime: (instant: Date) => dateTime.format(instant),
	};
}

/** A rate as a plain number for CSV (percent, one decimal), or empty. */
export function csvPercent(value: number | null): string {
	return value === null ? '' : (Math.round(value * 1000) / 10).toFixed(1);
}

export function csvDecimal(value: number | null): string {
	return value === null ? '' : (Math.round(value * 10) / 10).toFixed(1);
}
