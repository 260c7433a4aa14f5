// A small vocabulary to describe Directus collections, fields and relations in
// French and Arabic without repeating Directus's payload shape everywhere.

export type Translated = { fr: string; ar: string };

export interface FieldSpec {
	field: string;
	type: string | null;
	meta: Record<string, unknown>;
	schema: Record<string, unknown> | null;
}

export interface CollectionSpec {
	collection: string;
	meta: Record<string, unknown>;
	schema: Record<string, unknown> | null;
	fields: FieldSpec[];
}

export interface RelationSpec {
	collection: string;
	field: string;
	related_collection: string | null;
	meta: Record<string, unknown>;
	schema: Record<string, unknown> | null;
}

export function fieldTranslations(label: Translated) {
	return [
		{ language: 'fr-FR', translation: label.fr },
		{ language: 'ar-SA', translation: label.ar },
	];
}

export function collectionTranslations(singular: Translated, plural: Translated) {
	return [
		{ language: 'fr-FR', translation: plural.fr, singular: singular.fr, plural: plural.fr },
		{ language: 'ar-SA', translation: plural.ar, singular: singular.ar, plural: plural.ar },
	];
}

/**
 * Choices with both languages in one label, for places of the admin app that
 * do not resolve translation keys (the kanban layout's column titles).
 */
export function bilingualChoices(
	values: readonly string[],
	labels: { fr: Record<string, string>; ar: Record<string, string> },
) {
	return values.map((value) => ({ value, text: `${labels.fr[value]} · ${labels.ar[value]}` }));
}

/** Choices whose labels are translation keys, provisioned as Directus translation strings. */
export function choices(keyPrefix: string, values: readonly string[]) {
	return values.map((value) => ({ value, text: `$t:${keyPrefix}.${value}` }));
}

interface FieldOptions {
	label: Translated;
	note?: string;
	interface?: string;
	options?: Record<string, unknown>;
	display?: string;
	displayOptions?: Record<string, unknown>;
	special?: string[];
	required?: boolean;
	readonly?: boolean;
	hidden?: boolean;
	width?: 'half' | 'full' | 'fill';
	group?: string;
	sort?: number;
	nullable?: boolean;
	defaultValue?: unknown;
	unique?: boolean;
	indexed?: boolean;
	maxLength?: number;
	primary?: boolean;
	autoIncrement?: boolean;
	numericPrecision?: number;
	numericScale?: number;
	conditions?: unknown[];
	validation?: unknown;
}

export function field(name: string, type: string, options: FieldOptions): FieldSpec {
	const meta: Record<string, unknown> = {
		interface: options.interface ?? null,
		options: options.options ?? null,
		display: options.display ?? null,
		display_options: options.displayOptions ?? null,
		special: options.special ?? null,
		required: options.required ?? false,
		readonly: options.readonly ?? false,
		hidden: options.hidden ?? false,
		width: options.width ?? 'full',
		note: options.note ?? null,
		group: options.group ?? null,
		conditions: options.conditions ?? null,
		translations: fieldTranslations(options.label),
	};
	if (options.sort !== undefined) meta.sort = options.sort;
	if (type === 'alias') return { field: name, type: 'alias', meta, schema: null };
	const schema: Record<string, unknown> = {
		is_nullable: options.nullable ?? !options.primary,
		is_unique: options.unique ?? false,
		is_indexed: options.indexed ?? false,
	};
	if (options.defaultValue !== undefined) schema.default_value = options.defaultValue;
	if (options.maxLength !== undefined) schema.max_length = options.maxLength;
	if (options.primary) schema.is_primary_key = true;
	if (options.autoIncrement) schema.has_auto_increment = true;
	if (options.numericPrecision !== undefined) schema.numeric_precision = options.numericPrecision;
	if (options.numericScale !== undefined) schema.numeric_scale = options.numericScale;
	return { field: name, type, meta, schema };
}

export const text = (name: string, label: Translated, extra: Partial<FieldOptions> = {}) =>
	field(name, 'string', { label, interface: 'input', maxLength: 255, ...extra });

export const longText = (name: string, label: Translated, extra: Partial<FieldOptions> = {}) =>
	field(name, 'text', { label, interface: 'input-multiline', ...extra });

export const select = (
	name: string,
	label: Translated,
	keyPrefix: string,
	values: readonly string[],
	extra: Partial<FieldOptions> = {},
) =>
	field(name, 'string', {
		label,
		interface: 'select-dropdown',
		options: { choices: choices(keyPrefix, values) },
		display: 'labels',
		displayOptions: { choices: choices(keyPrefix, values) },
		maxLength: 32,
		width: 'half',
		...extra,
	});

export const timestamp = (name: string, label: Translated, extra: Partial<FieldOptions> = {}) =>
	field(name, 'timestamp', {
		label,
		interface: 'datetime',
		display: 'datetime',
		displayOptions: { relative: true },
		width: 'half',
		...extra,
	});

/** A many-to-one; `keyType` is the type of the related primary key (uuid for users, teams, complaints, files). */
export const manyToOne = (
	name: string,
	label: Translated,
	template: string,
	extra: Partial<FieldOptions> & { keyType?: 'string' | 'uuid' } = {},
) =>
	field(name, extra.keyType ?? 'string', {
		label,
		interface: 'select-dropdown-m2o',
		options: { template },
		display: 'related-values',
		displayOptions: { template },
		special: ['m2o'],
		width: 'half',
		...withoutKeyType(extra),
	});

function withoutKeyType(extra: Partial<FieldOptions> & { keyType?: string }): Partial<FieldOptions> {
	const { keyType: _keyType, ...rest } = extra;
	return rest;
}

export function relation(
	collection: string,
	fieldName: string,
	related: string | null,
	extra: { oneField?: string | null; junctionField?: string | null; onDelete?: string; sortField?: string | null } = {},
): RelationSpec {
	return {
		collection,
		field: fieldName,
		related_collection: related,
		meta: {
			one_field: extra.oneField ?? null,
			junction_field: extra.junctionField ?? null,
			sort_field: extra.sortField ?? null,
			one_deselect_action: 'nullify',
		},
		schema: { on_delete: extra.onDelete ?? 'SET NULL' },
	};
}
