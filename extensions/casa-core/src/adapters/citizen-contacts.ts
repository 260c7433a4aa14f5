// The citizen's personal data (loi 09-08) lives in its own collection,
// `citizen_contacts`, one row per complaint, which only administrators reach
// through the generic API. Every channel still speaks of `citizen_name`,
// `citizen_phone`, `citizen_email` in its input; this module is the one place
// that maps them to storage and back.
import type { Knex } from 'knex';

/** Input field → column of citizen_contacts. */
export const CONTACT_COLUMNS = {
	citizen_name: 'name',
	citizen_phone: 'phone',
	citizen_email: 'email',
	citizen_postal_address: 'postal_address',
} as const;
export type ContactInput = keyof typeof CONTACT_COLUMNS;

export interface CitizenContact {
	name: string | null;
	phone: string | null;
	email: string | null;
	postal_address: string | null;
}

/** The payload without the citizen's contact fields, and those fields as a contact row (null when none is given). */
export function splitContact(payload: Record<string, unknown>): {
	rest: Record<string, unknown>;
	contact: Partial<CitizenContact> | null;
} {
	const rest = { ...payload };
	const contact: Partial<CitizenContact> = {};
	for (const [input, column] of Object.entries(CONTACT_COLUMNS)) {
		const value = rest[input];
		delete rest[input];
		if (typeof value === 'string' && value.trim() !== '') contact[column] = value;
	}
	return { rest, contact: Object.keys(contact).length > 0 ? contact : null };
}

export async function contactOf(knex: Knex, complaint: string): Promise<CitizenContact | null> {
	const row = await knex('citizen_contacts')
		.select('name', 'phone', 'email', 'postal_address')
		.where({ complaint })
		.first();
	return row ?? null;
}

/** The same contact with the names every channel uses (citizen_email…), for the domain rules that speak them. */
export function asCitizenFields(contact: CitizenContact | null): {
	citizen_name: string | null;
	citizen_phone: string | null;
	citizen_email: string | null;
} {
	return {
		citizen_name: contact?.name ?? null,
		citizen_phone: contact?.phone ?? null,
		citizen_email: contact?.email ?? null,
	};
}

/** Left-joins a complaint query (table alias `alias`) with its contact, under the alias `cc`. */
export function joinContact(query: Knex.QueryBuilder, alias = 'c'): Knex.QueryBuilder {
	return query.leftJoin('citizen_contacts as cc', 'cc.complaint', `${alias}.id`);
}

/** Sets one column of a complaint's contact, creating the row when the complaint had none. */
export async function writeContactField(
	knex: Knex,
	complaint: string,
	column: CitizenContact extends never ? never : keyof CitizenContact,
	value: string | null,
): Promise<void> {
	const updated = await knex('citizen_contacts')
		.where({ complaint })
		.update({ [column]: value });
	if (updated === 0) await knex('citizen_contacts').insert({ complaint, [column]: value });
}
