// Strings of the staff screens (the desk module, the Insights panels): the
// platform's i18next resources, in the Directus user's language.
import { useStores } from '@directus/extensions-sdk';
import i18next from 'i18next';
import { computed } from 'vue';
import { ar, fr } from '../domain/i18n/locales/index';

export type DeskLanguage = 'fr' | 'ar';

const instance = i18next.createInstance();
void instance.init({
	resources: { fr: { translation: fr }, ar: { translation: ar } },
	lng: 'fr',
	fallbackLng: 'fr',
	initAsync: false,
	interpolation: { escapeValue: false },
} as never);

export function languageOf(directusLanguage: string | null | undefined): DeskLanguage {
	return String(directusLanguage ?? '')
		.toLowerCase()
		.startsWith('ar')
		? 'ar'
		: 'fr';
}

export function translator(language: DeskLanguage) {
	return (key: string, values: Record<string, unknown> = {}) =>
		instance.t(key, { lng: language, replace: values }) as string;
}

/** The signed-in user's language, its direction and a translator, for a module or panel component. */
export function useStaffLanguage() {
	const { useUserStore } = useStores();
	const userStore = useUserStore();
	const language = computed(() => languageOf(userStore.currentUser?.language));
	const dir = computed(() => (language.value === 'ar' ? 'rtl' : 'ltr'));
	const t = (key: string, values: Record<string, unknown> = {}) => translator(language.value)(key, values);
	return { userStore, language, dir, t };
}
