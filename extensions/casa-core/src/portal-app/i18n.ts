// One i18next instance per app (the embed must not touch the host page's
// i18next). `t` reads the reactive language, so render functions re-run when
// the citizen switches language and nothing typed is lost.
import i18next from 'i18next';
import { type Ref, computed, ref } from 'vue';
import ar from './locales/ar.json';
import fr from './locales/fr.json';

export type Lang = 'fr' | 'ar';
export const LANGUAGES: Lang[] = ['fr', 'ar'];

export function normaliseLang(value: unknown): Lang | null {
	if (typeof value !== 'string') return null;
	const short = value.trim().toLowerCase().slice(0, 2);
	return short === 'ar' ? 'ar' : short === 'fr' ? 'fr' : null;
}

export interface I18n {
	lang: Ref<Lang>;
	dir: Readonly<Ref<'rtl' | 'ltr'>>;
	t: (key: string, options?: Record<string, unknown>) => string;
	setLang: (lang: Lang) => void;
	/** a date in the Casablanca zone, in the chosen language */
	formatDate: (value: string | null | undefined, withTime?: boolean) => string;
	formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}

export function createI18n(initial: Lang): I18n {
	const instance = i18next.createInstance();
	void instance.init({
		resources: { fr: { translation: fr }, ar: { translation: ar } },
		lng: initial,
		fallbackLng: 'fr',
		initAsync: false,
		interpolation: { escapeValue: false },
	});
	const lang = ref<Lang>(initial);
	const locale = () => (lang.value === 'ar' ? 'ar-MA' : 'fr-MA');
	return {
		lang,
		dir: computed(() => (lang.value === 'ar' ? 'rtl' : 'ltr')),
		t: (key, options) => String(instance.t(key, { ...options, lng: lang.value })),
		setLang: (next) => {
			lang.value = next;
			void instance.changeLanguage(next);
		},
		formatDate: (value, withTime = false) => {
			if (!value) return '';
			const date = new Date(value);
			if (Number.isNaN(date.getTime())) return '';
			return new Intl.DateTimeFormat(locale(), {
				dateStyle: 'long',
				...(withTime ? { timeStyle: 'short' } : {}),
				timeZone: 'Africa/Casablanca',
				numberingSystem: 'latn',
			}).format(date);
		},
		formatNumber: (value, options) =>
			new Intl.NumberFormat(locale(), { numberingSystem: 'latn', ...options }).format(value),
	};
}
