// Creates what schema/ describes and is missing, and brings field metadata
// (labels, notes, interfaces) up to date. Never drops a column or data.
import { createCollection, createField, createRelation, readCollections, readFields, readRelations, updateCollection, updateField, updateRelation } from '@directus/sdk';
import { collections, fileFields, relations, userFields } from '../../schema/collections';
import type { FieldSpec } from '../../schema/dsl';
import type { AdminClient } from './client';

export async function applySchema(client: AdminClient, log: (message: string) => void): Promise<void> {
	const existingCollections = new Set(((await client.request(readCollections())) as { collection: string }[]).map((collection) => collection.collection));
	const fieldRows = (await client.request(readFields())) as { collection: string; field: string; schema: { max_length?: number | null } | null }[];
	const existingFields = new Set(fieldRows.map((entry) => `${entry.collection}.${entry.field}`));
	const lengths = new Map(fieldRows.map((entry) => [`${entry.collection}.${entry.field}`, entry.schema?.max_length ?? null]));

	for (const spec of collections) {
		if (!existingCollections.has(spec.collection)) {
			log(`creating collection ${spec.collection}`);
			await client.request(createCollection({ collection: spec.collection, meta: spec.meta, schema: spec.schema, fields: spec.fields } as never));
			for (const field of spec.fields) existingFields.add(`${spec.collection}.${field.field}`);
			continue;
		}
		await client.request(updateCollection(spec.collection, { meta: spec.meta }));
		await syncFields(client, spec.collection, spec.fields, existingFields, log, lengths);
	}
	await syncFields(client, 'directus_users', userFields, existingFields, log);
	await syncFields(client, 'directus_files', fileFields, existingFields, log);

	const existingRelations = new Set(((await client.request(readRelations())) as { collection: string; field: string }[]).map((entry) => `${entry.collection}.${entry.field}`));
	for (const spec of relations) {
		if (existingRelations.has(`${spec.collection}.${spec.field}`)) {
			// keeps one_field/junction_field in step with schema/ (adds the way back from a newer alias)
			await client.request(updateRelation(spec.collection, spec.field, { meta: spec.meta } as never));
			continue;
		}
		log(`creating relation ${spec.collection}.${spec.field} → ${spec.related_collection}`);
		await client.request(createRelation(spec as never));
	}
}

async function syncFields(client: AdminClient, collection: string, fields: FieldSpec[], existing: Set<string>, log: (message: string) => void, lengths = new Map<string, number | null>()) {
	for (const field of fields) {
		if (existing.has(`${collection}.${field.field}`)) {
			const wanted = field.schema?.max_length as number | undefined;
			const current = lengths.get(`${collection}.${field.field}`);
			// a wider text column is the one column change applied in place (never narrower: data could be cut)
			if (wanted && current && wanted > current) {
				log(`widening ${collection}.${field.field} to ${wanted}`);
				await client.request(updateField(collection, field.field, { meta: field.meta, schema: { max_length: wanted } } as never));
				continue;
			}
			await client.request(updateField(collection, field.field, { meta: field.meta }));
		} else {
			log(`adding field ${collection}.${field.field}`);
			await client.request(createField(collection, field as never));
		}
	}
}
