// Errors the platform returns, in the caller's language, one entry per field.
import { ForbiddenError, createError } from '@directus/errors';
import type { FieldError } from '../domain/complaint/complaint-plan';
import { type Language, translate } from '../domain/i18n/messages';

interface FieldErrorExtensions {
	field: string;
	reason: string;
	message: string;
}

export const InvalidFieldError = createError<FieldErrorExtensions>(
	'CASA_INVALID_FIELD',
	(extensions) => extensions.message,
	400,
);
export const ForbiddenActionError = createError<FieldErrorExtensions>(
	'CASA_FORBIDDEN_ACTION',
	(extensions) => extensions.message,
	403,
);

const STATUS_LABELS = new Set(['from', 'to']);

/** Translates domain field errors; status values become their labels in the same language. */
export function fieldErrors(errors: FieldError[], language: Language, forbidden = false) {
	return errors.map((error) => {
		const values: Record<string, unknown> = { ...error.values };
		// a value given in both languages (question / question_ar): the Arabic one in Arabic
		if (language === 'ar')
			for (const name of Object.keys(values))
				if (name.endsWith('_ar') && typeof values[name] === 'string') values[name.slice(0, -3)] = values[name];
		for (const name of STATUS_LABELS)
			if (typeof values[name] === 'string') values[`${name}Label`] = translate(language, `status.${values[name]}`);
		// keys of the public surface's own area (locales/surface) are full paths
		const message = translate(language, error.key.startsWith('surface.') ? error.key : `errors.${error.key}`, values);
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

/** Errors of the public surface with their own HTTP status (413, 415, 422, 429…), field by field. */
export const PayloadTooLargeError = createError<FieldErrorExtensions>(
	'CASA_PAYLOAD_TOO_LARGE',
	(extensions) => extensions.message,
	413,
);
export const UnsupportedMediaTypeError = createError<FieldErrorExtensions>(
	'CASA_UNSUPPORTED_MEDIA_TYPE',
	(extensions) => extensions.message,
	415,
);
export const UnprocessableError = createError<FieldErrorExtensions>(
	'CASA_UNPROCESSABLE',
	(extensions) => extensions.message,
	422,
);
export const TooManyRequestsError = createError<FieldErrorExtensions & { retry_after: number }>(
	'CASA_TOO_MANY_REQUESTS',
	(extensions) => extensions.message,
	429,
);

export function surfaceError(
	status: 400 | 403 | 413 | 415 | 422,
	field: string,
	key: string,
	language: Language,
	values: Record<string, unknown> = {},
) {
	const extensions = { field, reason: key, message: translate(language, key, values) };
	if (status === 403) return new ForbiddenActionError(extensions);
	if (status === 413) return new PayloadTooLargeError(extensions);
	if (status === 415) return new UnsupportedMediaTypeError(extensions);
	if (status === 422) return new UnprocessableError(extensions);
	return new InvalidFieldError(extensions);
}
