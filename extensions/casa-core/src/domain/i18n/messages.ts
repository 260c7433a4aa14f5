// French and Arabic messages for everything the platform says to a person.
// One i18next instance, resources bundled with the extension.
import i18next, { type i18n } from 'i18next';
import { ar, fr } from './locales/index';

export type Language = 'fr' | 'ar';
export const LANGUAGES: readonly Language[] = ['fr', 'ar'];

const instance: i18n = i18next.createInstance();
void instance.init({
	resources: { fr: { translation: fr }, ar: { translation: ar } },
	lng: 'fr',
	fallbackLng: 'fr',
	initAsync: false,
	interpolation: { escapeValue: false },
	returnNull: false,
} as Parameters<i18n['init']>[0]);

export function translate(language: Language, key: string, values: Record<string, unknown> = {}): string {
	// values go in `replace`, not beside `lng`: a value named like an i18next option
	// (the longitude `lng` of field.outside_commune, `ns`, `context`…) must not change the lookup
	// a numeric `count` also picks the language's plural form (Arabic has six: zero, one, two, few, many, other)
	const plural = typeof values.count === 'number' ? { count: values.count } : {};
	return instance.t(key, { lng: language, replace: values, ...plural }) as string;
}

/**
 * The language of a person from a Directus user language ('ar-SA', 'fr-FR'),
 * an Accept-Language header or a `lang` field; French when unsure.
 */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
	for (const candidate of candidates) {
		// a query or body can hold anything (?lang=a&lang=b, {"lang": {}}): only text names a language
		if (!candidate || typeof candidate !== 'string') continue;
		for (const part of candidate.split(',')) {
			const tag = part.trim().toLowerCase().slice(0, 2);
			if (tag === 'ar' || tag === 'fr') return tag;
		}
	}
	return 'fr';
}
