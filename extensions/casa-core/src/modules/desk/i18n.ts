// The desk's strings: the platform's i18next resources (desk.* plus the shared
// status and channel labels), in the Directus user's language.
import i18next from 'i18next';
import { ar, fr } from '../../domain/i18n/locales/index';

export type DeskLanguage = 'fr' | 'ar';

const instance = i18next.createInstance();
void instance.init({ resources: { fr: { translation: fr }, ar: { translation: ar } }, lng: 'fr', fallbackLng: 'fr', initAsync: false, interpolation: { escapeValue: false } } as never);

export function languageOf(directusLanguage: string | null | undefined): DeskLanguage {
	return String(directusLanguage ?? '').toLowerCase().startsWith('ar') ? 'ar' : 'fr';
}

export function translator(language: DeskLanguage) {
	return (key: string, values: Record<string, unknown> = {}) => instance.t(key, { lng: language, replace: values }) as string;
}
