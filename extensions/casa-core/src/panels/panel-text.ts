// Labels of panel definitions and options: the editor shows them before any
// user language is known, so both languages, from the i18next resources.
import { translate } from '../domain/i18n/messages';

export function bilingual(key: string): string {
	return `${translate('fr', key)} · ${translate('ar', key)}`;
}

/** A text option that takes a value or a dashboard variable ("{{service}}"). */
export function variableOption(field: string, nameKey: string, noteKey = 'insights.map.options.variable_note') {
	return {
		field,
		name: bilingual(nameKey),
		type: 'string' as const,
		meta: { interface: 'input', width: 'half' as const, note: bilingual(noteKey) },
	};
}
