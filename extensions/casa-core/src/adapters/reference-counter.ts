import type { Knex } from 'knex';

/**
 * Next sequence number of the year, inside the caller's transaction: the row
 * lock taken by the increment serialises concurrent creations, and a rolled
 * back creation gives its number back.
 */
export async function nextReferenceSequence(trx: Knex, year: number): Promise<number> {
	await trx('reference_counters').insert({ year, last_value: 0 }).onConflict('year').ignore();
	await trx('reference_counters').where({ year }).increment('last_value', 1);
	const row = await trx('reference_counters').select('last_value').where({ year }).first();
	return Number(row.last_value);
}
