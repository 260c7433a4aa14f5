// Errors the platform returns, in the caller's language, one entry per field.
import { ForbiddenError, createError } from '@directus/errors';
import type { FieldError } from '../domain/complaint/complaint-plan';
import { type Language, translate } from '../domain/i18n/messages';

interface FieldErrorExtensions {
	field: string;
	reason: string;
	message: string;
}

export const InvalidFieldError = createError<FieldErrorExtensions>('CASA_INVALID_FIELD', (extensions) => extensions.message, 400);
export const ForbiddenActionError = createError<FieldErrorExtensions>('CASA_FORBIDDEN_ACTION', (extensions) => extensions.message, 403);

const STATUS_LABELS = new Set(['from', 'to']);

/** Translates domain field errors; status values become their labels in the same language. */
export function fieldErrors(errors: FieldError[], language: Language, forbidden = false) {
	return errors.map((error) => {
		const values: Record<string, unknown> = { ...error.values };
		for (const name of STATUS_LABELS) if (typeof values[name] === 'string') values[`${name}Label`] = translate(language, `status.${values[name]}`);
		const message = translate(language, `errors.${error.key}`, values);
		const extensions = { field: error.field, reason: error.key, message };
		return forbidden ? new ForbiddenActionError(extensions) : new InvalidFieldError(extensions);
	});
}

export function invalid(field: string, key: string, language: Language, values: Record<string, unknown> = {}) {
	return fieldErrors([{ field, key, values }], language);
}

/** The same answer whether the item does not exist or is out of the caller's scope. */
export function forbidden() {
	return new ForbiddenError();
}
