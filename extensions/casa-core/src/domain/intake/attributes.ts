// Questions per category ("attributes" in Open311 GeoReport v2): an
// administrator writes them in the admin app, in French and Arabic, on the
// category's `attributes` JSON field; the portal form asks them for the chosen
// category, Open311 serves them in the service definition and takes the
// answers as attribute[code]; the answers are stored with the complaint, with
// the question and the answer's label in both languages, for agents to read.
import type { FieldError } from '../complaint/complaint-plan';
import type { Language } from '../i18n/messages';
import { parseOpen311DateTime, formatOpen311DateTime } from '../open311/dates';
import { cleanText } from '../text/sanitize';

export const ATTRIBUTE_DATATYPES = [
	'string',
	'text',
	'number',
	'datetime',
	'singlevaluelist',
	'multivaluelist',
] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

export interface AttributeValue {
	key: string;
	name_fr: string;
	name_ar: string;
}

export interface AttributeDefinition {
	code: string;
	datatype: AttributeDatatype;
	required: boolean;
	order: number;
	question_fr: string;
	question_ar: string;
	/** help under the question (Open311 datatype_description) */
	help_fr: string | null;
	help_ar: string | null;
	values: AttributeValue[];
}

/** One answer as stored on the complaint (complaints.attributes). */
export interface StoredAnswer {
	code: string;
	question_fr: string;
	question_ar: string;
	/** the value: text, number, ISO date-time, a key, or a list of keys */
	value: string | number | string[];
	answer_fr: string;
	answer_ar: string;
}

export const ATTRIBUTE_CODE = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_ATTRIBUTES = 30;
const TEXT_LIMITS: Record<'string' | 'text', number> = { string: 255, text: 2000 };
const LIST_DATATYPES: readonly AttributeDatatype[] = ['singlevaluelist', 'multivaluelist'];

const str = (value: unknown): string =>
	typeof value === 'string' ? cleanText(value).trim() : typeof value === 'number' ? String(value) : '';

/**
 * The definitions of a category, from the JSON an administrator edited. What
 * cannot be used is left out (no code, an unknown type, a list without
 * values, a repeated code) rather than breaking the category's intake.
 */
export function readAttributeDefinitions(raw: unknown): AttributeDefinition[] {
	let list: unknown = raw;
	if (typeof raw === 'string') {
		try {
			list = JSON.parse(raw);
		} catch {
			return [];
		}
	}
	if (!Array.isArray(list)) return [];
	const seen = new Set<string>();
	const definitions: AttributeDefinition[] = [];
	for (const [index, item] of list.slice(0, MAX_ATTRIBUTES).entries()) {
		if (!item || typeof item !== 'object') continue;
		const entry = item as Record<string, unknown>;
		const code = str(entry.code);
		const datatype = str(entry.datatype) as AttributeDatatype;
		if (!ATTRIBUTE_CODE.test(code) || seen.has(code) || !ATTRIBUTE_DATATYPES.includes(datatype)) continue;
		const values = (Array.isArray(entry.values) ? entry.values : [])
			.filter((value): value is Record<string, unknown> => !!value && typeof value === 'object')
			.map((value) => ({
				key: str(value.key),
				name_fr: str(value.name_fr) || str(value.name_ar) || str(value.key),
				name_ar: str(value.name_ar) || str(value.name_fr) || str(value.key),
			}))
			.filter(
				(value, position, all) => value.key !== '' && all.findIndex((other) => other.key === value.key) === position,
			);
		if (LIST_DATATYPES.includes(datatype) && values.length === 0) continue;
		const questionFr = str(entry.question_fr) || str(entry.question_ar) || code;
		const order = Number(entry.order);
		seen.add(code);
		definitions.push({
			code,
			datatype,
			required: entry.required === true || entry.required === 'true' || entry.required === 1,
			order: Number.isFinite(order) ? order : index + 1,
			question_fr: questionFr,
			question_ar: str(entry.question_ar) || questionFr,
			help_fr: str(entry.help_fr) || null,
			help_ar: str(entry.help_ar) || str(entry.help_fr) || null,
			values: LIST_DATATYPES.includes(datatype) ? values : [],
		});
	}
	return definitions.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
}

/** An attribute of a GeoReport v2 service definition. */
export interface Open311AttributeView {
	variable: boolean;
	code: string;
	datatype: AttributeDatatype;
	required: boolean;
	datatype_description: string | null;
	order: number;
	description: string;
	values?: { key: string; name: string }[];
}

export function open311Attributes(
	definitions: readonly AttributeDefinition[],
	language: Language,
): Open311AttributeView[] {
	return definitions.map((definition, index) => ({
		variable: true,
		code: definition.code,
		datatype: definition.datatype,
		required: definition.required,
		datatype_description: language === 'ar' ? definition.help_ar : definition.help_fr,
		// GeoReport v2: the order attributes are shown in, from 1
		order: index + 1,
		description: language === 'ar' ? definition.question_ar : definition.question_fr,
		...(definition.values.length > 0
			? {
					values: definition.values.map((value) => ({
						key: value.key,
						name: language === 'ar' ? value.name_ar : value.name_fr,
					})),
				}
			: {}),
	}));
}

/** How the portal shows the questions (both languages, the app switches). */
export function portalAttributes(definitions: readonly AttributeDefinition[]) {
	return definitions.map(({ code, datatype, required, question_fr, question_ar, help_fr, help_ar, values }) => ({
		code,
		datatype,
		required,
		question_fr,
		question_ar,
		help_fr,
		help_ar,
		values,
	}));
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.every((item) => isEmpty(item)))
	);
}

/**
 * Checks the answers a citizen or a partner sent (code → value; a list for a
 * multivaluelist) against the category's questions. Errors name the field as
 * the caller wrote it: `fieldName(code)` (attribute[code] for Open311).
 */
export function readAnswers(
	definitions: readonly AttributeDefinition[],
	answers: Record<string, unknown>,
	fieldName: (code: string) => string = (code) => `attribute[${code}]`,
): { answers: StoredAnswer[]; errors: FieldError[] } {
	const errors: FieldError[] = [];
	const stored: StoredAnswer[] = [];
	const byCode = new Map(definitions.map((definition) => [definition.code, definition]));
	for (const code of Object.keys(answers)) {
		if (!byCode.has(code)) errors.push({ field: fieldName(code), key: 'surface.attribute.unknown', values: { code } });
	}
	for (const definition of definitions) {
		const field = fieldName(definition.code);
		const raw = answers[definition.code];
		if (isEmpty(raw)) {
			if (definition.required)
				errors.push({
					field,
					key: 'surface.attribute.required',
					values: { question: definition.question_fr, question_ar: definition.question_ar },
				});
			continue;
		}
		const question = {
			code: definition.code,
			question_fr: definition.question_fr,
			question_ar: definition.question_ar,
		};
		const many = Array.isArray(raw) ? raw : [raw];
		if (definition.datatype !== 'multivaluelist' && many.length > 1) {
			errors.push({
				field,
				key: 'surface.attribute.single',
				values: { question: definition.question_fr, question_ar: definition.question_ar },
			});
			continue;
		}
		if (many.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
			errors.push({
				field,
				key: 'surface.attribute.invalid',
				values: { question: definition.question_fr, question_ar: definition.question_ar },
			});
			continue;
		}
		const texts = many.map((item) => str(item)).filter((item) => item !== '');
		switch (definition.datatype) {
			case 'string':
			case 'text': {
				const text = texts[0];
				if (text.length > TEXT_LIMITS[definition.datatype])
					errors.push({
						field,
						key: 'surface.attribute.too_long',
						values: { limit: TEXT_LIMITS[definition.datatype] },
					});
				else stored.push({ ...question, value: text, answer_fr: text, answer_ar: text });
				break;
			}
			case 'number': {
				const number = Number(texts[0].replace(',', '.'));
				if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(texts[0]) || !Number.isFinite(number))
					errors.push({ field, key: 'surface.attribute.number', values: {} });
				else
					stored.push({
						...question,
						value: number,
						answer_fr: String(number).replace('.', ','),
						answer_ar: String(number),
					});
				break;
			}
			case 'datetime': {
				const instant = parseOpen311DateTime(texts[0]);
				if (!instant) errors.push({ field, key: 'surface.attribute.datetime', values: {} });
				else {
					const iso = formatOpen311DateTime(instant)!;
					stored.push({ ...question, value: iso, answer_fr: iso, answer_ar: iso });
				}
				break;
			}
			case 'singlevaluelist':
			case 'multivaluelist': {
				const keys = [...new Set(texts)];
				const unknown = keys.filter((key) => !definition.values.some((value) => value.key === key));
				if (unknown.length > 0) {
					errors.push({
						field,
						key: 'surface.attribute.choice',
						values: { value: unknown.join(', '), allowed: definition.values.map((value) => value.key).join(', ') },
					});
					break;
				}
				const chosen = definition.values.filter((value) => keys.includes(value.key));
				stored.push({
					...question,
					value: definition.datatype === 'multivaluelist' ? chosen.map((value) => value.key) : chosen[0].key,
					answer_fr: chosen.map((value) => value.name_fr).join(', '),
					answer_ar: chosen.map((value) => value.name_ar).join('، '),
				});
				break;
			}
		}
	}
	return { answers: stored, errors };
}

/**
 * attribute[code]=v and attribute[code][]=v parameters (Open311 POST, the
 * portal's multipart form) as code → value or list of values.
 */
export function answersFromParameters(parameters: Iterable<readonly [string, string]>): {
	answers: Record<string, string | string[]>;
	rest: [string, string][];
} {
	const answers: Record<string, string | string[]> = Object.create(null);
	const rest: [string, string][] = [];
	for (const [name, value] of parameters) {
		const match = /^attribute\[([^\]]*)\](\[\])?$/.exec(name);
		if (!match) {
			rest.push([name, value]);
			continue;
		}
		const code = match[1];
		const current = answers[code];
		if (match[2] || current !== undefined)
			answers[code] = [...(current === undefined ? [] : Array.isArray(current) ? current : [current]), value];
		else answers[code] = value;
	}
	return { answers, rest };
}
