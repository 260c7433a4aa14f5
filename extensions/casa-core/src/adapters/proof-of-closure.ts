// Proof of closure (issue #13): the after-photos of a complaint, counted for the
// workflow (resolving a complaint of a category that asks for one) and listed
// for the citizen's tracking page. The rule itself is in domain/workflow/transitions.ts.
import type { Knex } from 'knex';

/** After-photos attached to a complaint. */
export async function afterPhotoCount(knex: Knex, complaint: string): Promise<number> {
	const row = await knex('complaint_files')
		.count({ count: '*' })
		.where({ complaints_id: complaint, kind: 'after_photo' })
		.first();
	return Number(row?.count ?? 0);
}

/** Whether a category asks for an after-photo before resolving (false for an unknown category). */
export async function categoryNeedsProof(knex: Knex, category: string | null): Promise<boolean> {
	if (!category) return false;
	const row = await knex('categories').select('*').where({ code: category }).first();
	return row?.proof_of_closure === true || row?.proof_of_closure === 1 || row?.proof_of_closure === '1';
}

/** The images a citizen may see on the tracking page: their own photos and the after-photos, never scans or attachments. */
export async function publicPhotos(
	knex: Knex,
	complaint: string,
): Promise<{ id: string; kind: 'photo' | 'after_photo' }[]> {
	const rows = await knex('complaint_files as cf')
		.join('directus_files as f', 'f.id', 'cf.directus_files_id')
		.select('f.id', 'cf.kind')
		.where('cf.complaints_id', complaint)
		.whereIn('cf.kind', ['photo', 'after_photo'])
		.andWhere('f.type', 'like', 'image/%')
		.orderBy('cf.id');
	return rows.map((row: { id: string; kind: 'photo' | 'after_photo' }) => ({ id: String(row.id), kind: row.kind }));
}
