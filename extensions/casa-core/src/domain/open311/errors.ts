// Open311 errors: a list of { code, description } (HTTP status and a sentence
// in French or Arabic). The messages of the shared intake come through with the
// intake's field names turned back into Open311 parameter names.
import { type Language, translate } from '../i18n/messages';

export interface Open311Error {
	code: number;
	description: string;
}

/** What only the Open311 API says (locales: open311.*); the intake's own messages come with the errors. */
export type Open311MessageKey =
	| 'api_key_missing'
	| 'api_key_invalid'
	| 'service_not_found'
	| 'request_not_found'
	| 'token_not_found'
	| 'route_not_found'
	| 'invalid_date'
	| 'date_order'
	| 'date_span'
	| 'invalid_status'
	| 'invalid_body'
	| 'server_error';

export function open311Message(language: Language, key: Open311MessageKey, value: string | number = ''): string {
	return translate(language, `open311.${key}`, { value: String(value) });
}

export function open311Error(
	code: number,
	language: Language,
	key: Open311MessageKey,
	value: string | number = '',
): Open311Error {
	return { code, description: open311Message(language, key, value) };
}

/** The intake's field names → the Open311 parameters the partner sent. */
export const OPEN311_PARAMETER_OF_FIELD: Readonly<Record<string, string>> = {
	category: 'service_code',
	latitude: 'lat',
	longitude: 'long',
	address: 'address_string',
	citizen_email: 'email',
	citizen_phone: 'phone',
	citizen_name: 'first_name/last_name',
	idempotency_key: 'Idempotency-Key',
};

/** A field error of the platform (Directus error with extensions.field) as an Open311 error "<parameter>: <message>". */
export function fromFieldErrors(
	errors: readonly { message?: string; extensions?: { field?: unknown } | null }[],
	code = 400,
): Open311Error[] {
	return errors.map((error) => {
		const field = typeof error.extensions?.field === 'string' ? error.extensions.field : null;
		const message = error.message ?? '';
		const parameter = field ? (OPEN311_PARAMETER_OF_FIELD[field] ?? field) : null;
		return { code, description: parameter ? `${parameter}: ${message}` : message };
	});
}
