import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ar, fr } from '../../domain/i18n/locales/index';
import {
	type UiLanguage,
	countdown,
	countdownFromHours,
	firstWords,
	formatAge,
	formatCountdown,
	formatDate,
	formatDateTime,
	formatNumber,
	pluralKey,
	slaStateOf,
} from './format';

const instance = i18next.createInstance();
void instance.init({
	resources: { fr: { translation: fr }, ar: { translation: ar } },
	lng: 'fr',
	fallbackLng: false,
	initAsync: false,
	interpolation: { escapeValue: false },
} as never);
const tr =
	(language: UiLanguage) =>
	(key: string, values: Record<string, unknown> = {}) =>
		instance.t(key, { lng: language, replace: values }) as string;

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/;

describe('numbers and dates', () => {
	it('writes Latin digits in both languages', () => {
		expect(formatNumber(1234, 'fr')).toMatch(/^1\D?234$/);
		expect(formatNumber(2.5, 'fr')).toBe('2,5');
		expect(formatNumber(1234, 'ar')).not.toMatch(ARABIC_INDIC);
		expect(formatNumber(1234, 'ar')).toMatch(/1.?234/);
	});
	it('names months in the language, in Casablanca time', () => {
		expect(formatDate('2026-12-31T12:00:00Z', 'fr')).toBe('31 décembre 2026');
		expect(formatDate('2026-03-05T10:00:00Z', 'ar')).toBe('5 مارس 2026');
		expect(formatDate('2026-12-06T10:00:00Z', 'ar')).toContain('دجنبر');
		expect(formatDate('2026-12-06T10:00:00Z', 'ar')).not.toMatch(ARABIC_INDIC);
		expect(formatDateTime('2026-12-06T13:05:00Z', 'fr')).toMatch(/6 décembre 2026.*\d{2}:05/);
		expect(formatDateTime('2026-12-06T13:05:00Z', 'ar')).toMatch(/\d{2}:05/);
		expect(formatDateTime('2026-12-06T13:05:00Z', 'ar')).not.toMatch(ARABIC_INDIC);
	});
	it('gives nothing for no date', () => {
		expect(formatDate(null, 'fr')).toBe('');
		expect(formatDate('not a date', 'ar')).toBe('');
	});
});

describe('countdown', () => {
	const now = new Date('2026-12-06T10:00:00Z');
	it('splits the time left into days, hours and minutes', () => {
		expect(countdown('2026-12-09T14:30:00Z', now)).toMatchObject({ overdue: false, days: 3, hours: 4, minutes: 30 });
		expect(countdown('2026-12-06T08:50:00Z', now)).toMatchObject({ overdue: true, days: 0, hours: 1, minutes: 10 });
		expect(countdown(null, now)).toBeNull();
		expect(countdownFromHours(-5.5)).toMatchObject({ overdue: true, days: 0, hours: 5, minutes: 30, totalHours: -5.5 });
		expect(countdownFromHours(Number.NaN)).toBeNull();
	});
	it('reads in French', () => {
		const t = tr('fr');
		expect(formatCountdown(countdownFromHours(76.5), t, 'fr')).toBe('Encore 3 j 4 h');
		expect(formatCountdown(countdownFromHours(48), t, 'fr')).toBe('Encore 2 j');
		expect(formatCountdown(countdownFromHours(-2.25), t, 'fr')).toBe('En retard de 2 h 15 min');
		expect(formatCountdown(countdownFromHours(0.01), t, 'fr')).toBe('Encore 1 min');
		expect(formatCountdown(null, t, 'fr')).toBe('Pas d’échéance');
	});
	it('reads in Arabic with the right plural forms', () => {
		const t = tr('ar');
		expect(formatCountdown(countdownFromHours(24 * 3 + 4), t, 'ar')).toBe('يتبقى 3 أيام و4 ساعات');
		expect(formatCountdown(countdownFromHours(24 + 2), t, 'ar')).toBe('يتبقى يوم واحد وساعتان');
		expect(formatCountdown(countdownFromHours(-24 * 11), t, 'ar')).toBe('متأخرة بـ11 يومًا');
		expect(formatCountdown(countdownFromHours(-0.5), t, 'ar')).toBe('متأخرة بـ30 دقيقة');
	});
	it('colours by the server state, else by the time left', () => {
		expect(slaStateOf(countdownFromHours(100), 'breached')).toBe('breached');
		expect(slaStateOf(countdownFromHours(-1))).toBe('breached');
		expect(slaStateOf(countdownFromHours(10))).toBe('at_risk');
		expect(slaStateOf(countdownFromHours(100))).toBe('on_track');
		expect(slaStateOf(null)).toBe('on_track');
	});
});

describe('age and excerpts', () => {
	it('says how long ago a complaint came', () => {
		expect(formatAge(0, tr('fr'), 'fr')).toBe('Reçue aujourd’hui');
		expect(formatAge(3, tr('fr'), 'fr')).toBe('Reçue il y a 3 j');
		expect(formatAge(2, tr('ar'), 'ar')).toBe('وردت منذ يومان');
		expect(formatAge(null, tr('fr'), 'fr')).toBe('');
	});
	it('picks plural categories per language', () => {
		expect(pluralKey('k', 1, 'ar')).toBe('k_one');
		expect(pluralKey('k', 2, 'ar')).toBe('k_two');
		expect(pluralKey('k', 5, 'ar')).toBe('k_few');
		expect(pluralKey('k', 15, 'ar')).toBe('k_many');
		expect(pluralKey('k', 0, 'fr')).toBe('k_one');
		expect(pluralKey('k', 2, 'fr')).toBe('k_other');
	});
	it('cuts a text on a word', () => {
		expect(firstWords('Bac   débordant\n devant le n° 12', 90)).toBe('Bac débordant devant le n° 12');
		const long =
			'Les ordures ne sont plus ramassées depuis une semaine dans notre rue, les chats les éventrent chaque nuit.';
		const cut = firstWords(long, 60);
		expect(cut.endsWith('…')).toBe(true);
		expect(cut.length).toBeLessThanOrEqual(61);
		expect(long.startsWith(cut.slice(0, -1))).toBe(true);
		expect(firstWords(null)).toBe('');
	});
});
