// Creates what schema/ describes and is missing, and brings field metadata
// (labels, notes, interfaces) up to date. Never drops a column or data.
import {
	createCollection,
	createField,
	customEndpoint,
	createItems,
	createRelation,
	deleteField,
	readCollections,
	readFields,
	readItems,
	readRelations,
	updateCollection,
	updateField,
	updateRelation,
} from '@directus/sdk';
import { collections, fileFields, relations, userFields } from '../../schema/collections';
import type { FieldSpec } from '../../schema/dsl';
import type { AdminClient } from './client';

type Meta = Record<string, unknown> | null;

/** JSON with sorted keys, so two metas compare by content. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
			.join(',')}}`;
	return JSON.stringify(value ?? null);
}

/** Every key schema/ sets already has that value: nothing to send. */
function metaIsCurrent(wanted: Record<string, unknown>, current: Meta): boolean {
	return !!current && Object.entries(wanted).every(([key, value]) => canonical(value) === canonical(current[key]));
}

interface FieldState {
	meta: Meta;
	maxLength: number | null;
}

export async function applySchema(client: AdminClient, log: (message: string) => void): Promise<void> {
	const collectionMetas = new Map(
		((await client.request(readCollections())) as { collection: string; meta: Meta }[]).map((row) => [
			row.collection,
			row.meta,
		]),
	);
	const fieldRows = (await client.request(readFields())) as {
		collection: string;
		field: string;
		meta: Meta;
		schema: { max_length?: number | null } | null;
	}[];
	const fieldStates = new Map<string, FieldState>(
		fieldRows.map((row) => [
			`${row.collection}.${row.field}`,
			{ meta: row.meta, maxLength: row.schema?.max_length ?? null },
		]),
	);

	// complaints.sla_next_check_at added to an existing table: backfilled below
	const nextCheckMissing = collectionMetas.has('complaints') && !fieldStates.has('complaints.sla_next_check_at');
	for (const spec of collections) {
		if (!collectionMetas.has(spec.collection)) {
			log(`creating collection ${spec.collection}`);
			await client.request(
				createCollection({
					collection: spec.collection,
					meta: spec.meta,
					schema: spec.schema,
					fields: spec.fields,
				} as never),
			);
			continue;
		}
		if (!metaIsCurrent(spec.meta, collectionMetas.get(spec.collection) ?? null))
			await client.request(updateCollection(spec.collection, { meta: spec.meta }));
		await syncFields(client, spec.collection, spec.fields, fieldStates, log);
	}
	await syncFields(client, 'directus_users', userFields, fieldStates, log);
	await syncFields(client, 'directus_files', fileFields, fieldStates, log);

	const relationMetas = new Map(
		((await client.request(readRelations())) as { collection: string; field: string; meta: Meta }[]).map((row) => [
			`${row.collection}.${row.field}`,
			row.meta,
		]),
	);
	for (const spec of relations) {
		const key = `${spec.collection}.${spec.field}`;
		if (relationMetas.has(key)) {
			// keeps one_field/junction_field in step with schema/ (adds the way back from a newer alias)
			if (!metaIsCurrent(spec.meta, relationMetas.get(key) ?? null))
				await client.request(updateRelation(spec.collection, spec.field, { meta: spec.meta } as never));
			continue;
		}
		log(`creating relation ${spec.collection}.${spec.field} → ${spec.related_collection}`);
		await client.request(createRelation(spec as never));
	}
	await moveContactsOutOfComplaints(client, fieldStates, log);
	if (nextCheckMissing) {
		// the open complaints are checked by the next SLA sweep, which gives each its next instant
		const { marked } = (await client.request(
			customEndpoint({ path: '/casa-schema/sla-next-check', method: 'POST' }),
		)) as { marked: number };
		log(`sla_next_check_at: ${marked} open complaints marked for the next SLA sweep`);
	}
}

const LEGACY_CONTACT_FIELDS = { citizen_name: 'name', citizen_phone: 'phone', citizen_email: 'email' } as const;

/**
 * Installs from before the access redesign kept the citizen's contact details
 * on the complaint. They move to citizen_contacts (one row per complaint), then
 * the complaint's columns go: the one place this provisioning drops columns,
 * once their data is safely copied.
 */
async function moveContactsOutOfComplaints(
	client: AdminClient,
	fieldStates: Map<string, FieldState>,
	log: (message: string) => void,
) {
	const legacy = Object.keys(LEGACY_CONTACT_FIELDS).filter((field) =>
		fieldStates.has(`complaints.${field}`),
	) as (keyof typeof LEGACY_CONTACT_FIELDS)[];
	if (legacy.length === 0) return;
	log(`moving the citizens' contact details from complaints to citizen_contacts (${legacy.join(', ')})`);
	const done = new Set(
		(
			(await client.request(readItems('citizen_contacts' as never, { fields: ['complaint'], limit: -1 } as never))) as {
				complaint: string;
			}[]
		).map((row) => row.complaint),
	);
	for (let page = 1; ; page++) {
		const rows = (await client.request(
			readItems(
				'complaints' as never,
				{
					fields: ['id', ...legacy],
					filter: { _or: legacy.map((field) => ({ [field]: { _nnull: true } })) },
					sort: ['id'],
					limit: 500,
					page,
				} as never,
			),
		)) as Record<string, string | null>[];
		const missing = rows.filter((row) => !done.has(String(row.id)));
		if (missing.length > 0)
			await client.request(
				createItems(
					'citizen_contacts' as never,
					missing.map((row) => ({
						complaint: row.id,
						...Object.fromEntries(legacy.map((field) => [LEGACY_CONTACT_FIELDS[field], row[field]])),
					})) as never,
				),
			);
		if (rows.length < 500) break;
	}
	for (const field of legacy) await client.request(deleteField('complaints', field));
}

async function syncFields(
	client: AdminClient,
	collection: string,
	fields: FieldSpec[],
	states: Map<string, FieldState>,
	log: (message: string) => void,
) {
	for (const field of fields) {
		const state = states.get(`${collection}.${field.field}`);
		if (state) {
			const wanted = field.schema?.max_length as number | undefined;
			// a wider text column is the one column change applied in place (never narrower: data could be cut)
			if (wanted && state.maxLength && wanted > state.maxLength) {
				log(`widening ${collection}.${field.field} to ${wanted}`);
				await client.request(
					updateField(collection, field.field, { meta: field.meta, schema: { max_length: wanted } } as never),
				);
				continue;
			}
			if (!metaIsCurrent(field.meta, state.meta))
				await client.request(updateField(collection, field.field, { meta: field.meta }));
		} else {
			log(`adding field ${collection}.${field.field}`);
			await client.request(createField(collection, field as never));
		}
	}
}
