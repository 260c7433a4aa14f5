// SQL of the staff workspace: the queue, one complaint with its files and
// history, the facts the access matrix decides on. Every read is narrowed by
// the caller's scope here, in SQL, and the endpoint asks the matrix again per
// complaint: Directus gives scoped roles no permission on these tables.
import { TZDate } from '@date-fns/tz';
import type { Knex } from 'knex';
import type { StaffProfile } from '../../domain/access/roles';
import type { ComplaintFacts } from '../../domain/access/capabilities';
import { complaintScope } from '../../domain/access/scope';
import { CASABLANCA_TIME_ZONE } from '../../domain/calendar';
import type { QueueQuery } from '../../domain/workspace/queue-query';
import { applyScope, dialectOf, instantBinding } from '../scope-sql';

export const FACT_COLUMNS = [
	'id',
	'status',
	'team',
	'service',
	'arrondissement',
	'assignee',
	'category',
	'user_created',
] as const;

export async function loadFacts(knex: Knex, id: string): Promise<(ComplaintFacts & { id: string }) | null> {
	const row = await knex('complaints')
		.select(FACT_COLUMNS as unknown as string[])
		.where({ id })
		.first();
	return row ? ({ ...row, id: String(row.id) } as ComplaintFacts & { id: string }) : null;
}

export async function loadFactsMany(knex: Knex, ids: string[]): Promise<(ComplaintFacts & { id: string })[]> {
	if (ids.length === 0) return [];
	const rows = await knex('complaints')
		.select(FACT_COLUMNS as unknown as string[])
		.whereIn('id', ids);
	return rows.map((row) => ({ ...row, id: String(row.id) }));
}

function startOfDay(day: string): Date {
	const [year, month, date] = day.split('-').map(Number);
	return new Date(new TZDate(year, month - 1, date, CASABLANCA_TIME_ZONE).getTime());
}

export interface QueueRow {
	id: string;
	reference: string;
	status: string;
	description: string | null;
	category: string | null;
	category_fr: string | null;
	category_ar: string | null;
	service_fr: string | null;
	service_ar: string | null;
	arrondissement_fr: string | null;
	arrondissement_ar: string | null;
	channel: string;
	received_at: unknown;
	resolve_due_at: unknown;
	sla_state: string | null;
	assignee: string | null;
	assignee_first: string | null;
	assignee_last: string | null;
	latitude: number | null;
	longitude: number | null;
}

/** The queue of a staff member: their scope, the filters, one page, and the total. */
export async function readQueue(
	knex: Knex,
	profile: StaffProfile,
	query: QueueQuery,
): Promise<{ rows: QueueRow[]; total: number; thumbnails: Map<string, string> }> {
	const base = knex('complaints as c');
	const scope = complaintScope(profile);
	if (scope) applyScope(base, scope, 'c');
	if (query.statuses.length > 0) base.whereIn('c.status', query.statuses);
	if (query.slaStates.length > 0) base.whereIn('c.sla_state', query.slaStates);
	if (query.categories.length > 0) base.whereIn('c.category', query.categories);
	if (query.arrondissements.length > 0) base.whereIn('c.arrondissement', query.arrondissements);
	if (query.channels.length > 0) base.whereIn('c.channel', query.channels);
	if (query.assignees.length > 0) {
		const ids = query.assignees
			.map((value) => (value === 'me' ? profile.userId : value))
			.filter((value) => value !== 'none');
		const none = query.assignees.includes('none');
		base.where((group) => {
			if (ids.length > 0) group.orWhereIn('c.assignee', ids);
			if (none) group.orWhereNull('c.assignee');
		});
	}
	const dialect = dialectOf(knex);
	if (query.from) base.where('c.received_at', '>=', instantBinding(dialect, startOfDay(query.from)));
	if (query.to)
		base.where('c.received_at', '<', instantBinding(dialect, new Date(startOfDay(query.to).getTime() + 86_400_000)));
	if (query.reference) base.where('c.reference', query.reference);
	for (const word of query.words)
		base.whereRaw('lower(c.description) like ?', [`%${word.toLowerCase().replace(/[%_\\]/g, '')}%`]);

	const counted = await base.clone().count({ total: '*' }).first();
	const page = base
		.clone()
		.leftJoin('categories as cat', 'cat.code', 'c.category')
		.leftJoin('services as s', 's.code', 'c.service')
		.leftJoin('arrondissements as a', 'a.code', 'c.arrondissement')
		.leftJoin('directus_users as u', 'u.id', 'c.assignee')
		.select(
			'c.id',
			'c.reference',
			'c.status',
			'c.description',
			'c.category',
			'cat.name_fr as category_fr',
			'cat.name_ar as category_ar',
			's.name_fr as service_fr',
			's.name_ar as service_ar',
			'a.name_fr as arrondissement_fr',
			'a.name_ar as arrondissement_ar',
			'c.channel',
			'c.received_at',
			'c.resolve_due_at',
			'c.sla_state',
			'c.assignee',
			'u.first_name as assignee_first',
			'u.last_name as assignee_last',
			'c.latitude',
			'c.longitude',
		)
		.limit(query.limit)
		.offset((query.page - 1) * query.limit);
	switch (query.sort) {
		case 'due':
			page.orderBy([
				{ column: 'c.resolve_due_at', order: 'asc', nulls: 'last' },
				{ column: 'c.received_at', order: 'asc' },
				{ column: 'c.id', order: 'asc' },
			]);
			break;
		case '-received_at':
			page.orderBy([
				{ column: 'c.received_at', order: 'desc' },
				{ column: 'c.id', order: 'asc' },
			]);
			break;
		case 'received_at':
			page.orderBy([
				{ column: 'c.received_at', order: 'asc' },
				{ column: 'c.id', order: 'asc' },
			]);
			break;
		case 'reference':
			page.orderBy([{ column: 'c.reference', order: 'asc' }]);
			break;
	}
	const rows = (await page) as QueueRow[];
	return {
		rows,
		total: Number(counted?.total ?? 0),
		thumbnails: await firstPhotos(
			knex,
			rows.map((row) => String(row.id)),
		),
	};
}

/** The first citizen photo of each complaint (an image, not a scanned PDF). */
export async function firstPhotos(knex: Knex, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await knex('complaint_files as cf')
		.join('directus_files as f', 'f.id', 'cf.directus_files_id')
		.select('cf.complaints_id', 'cf.directus_files_id', 'cf.id')
		.whereIn('cf.complaints_id', ids)
		.andWhere('cf.kind', 'photo')
		.andWhere('f.type', 'like', 'image/%')
		.orderBy('cf.id', 'asc');
	const first = new Map<string, string>();
	for (const row of rows)
		if (!first.has(String(row.complaints_id))) first.set(String(row.complaints_id), String(row.directus_files_id));
	return first;
}

export async function readComplaint(knex: Knex, id: string) {
	return knex('complaints as c')
		.leftJoin('categories as cat', 'cat.code', 'c.category')
		.leftJoin('services as s', 's.code', 'c.service')
		.leftJoin('arrondissements as a', 'a.code', 'c.arrondissement')
		.leftJoin('teams as t', 't.id', 'c.team')
		.leftJoin('directus_users as u', 'u.id', 'c.assignee')
		.select(
			'c.id',
			'c.reference',
			'c.status',
			'c.type',
			'c.channel',
			'c.priority',
			'c.category',
			'cat.name_fr as category_fr',
			'cat.name_ar as category_ar',
			'cat.reply_templates',
			'c.service',
			's.name_fr as service_fr',
			's.name_ar as service_ar',
			'c.arrondissement',
			'a.name_fr as arrondissement_fr',
			'a.name_ar as arrondissement_ar',
			'c.team',
			't.name_fr as team_fr',
			't.name_ar as team_ar',
			'c.assignee',
			'u.first_name as assignee_first',
			'u.last_name as assignee_last',
			'c.description',
			'c.address',
			'c.latitude',
			'c.longitude',
			'c.received_at',
			'c.acknowledge_due_at',
			'c.resolve_due_at',
			'c.legal_due_at',
			'c.sla_state',
			'c.public_reply',
			'c.rejection_reason',
			'c.redirected_to',
			'cc.id as contact_id',
			'c.attributes',
			'c.user_created',
		)
		.leftJoin('citizen_contacts as cc', 'cc.complaint', 'c.id')
		.where('c.id', id)
		.first();
}

export async function readFiles(knex: Knex, id: string) {
	return knex('complaint_files as cf')
		.join('directus_files as f', 'f.id', 'cf.directus_files_id')
		.select('cf.id as link', 'cf.kind', 'f.id', 'f.type', 'f.filename_download', 'f.width', 'f.height')
		.where('cf.complaints_id', id)
		.orderBy('cf.id', 'asc');
}

export async function readHistory(knex: Knex, id: string) {
	return knex('complaint_events as e')
		.leftJoin('directus_users as actor', 'actor.id', 'e.actor')
		.leftJoin('directus_users as agent', 'agent.id', 'e.assignee')
		.leftJoin('teams as t', 't.id', 'e.team')
		.select(
			'e.id',
			'e.type',
			'e.from_status',
			'e.to_status',
			'e.body',
			'e.visibility',
			'e.actor_kind',
			'e.date_created',
			'e.actor',
			'actor.first_name as actor_first',
			'actor.last_name as actor_last',
			'e.assignee',
			'agent.first_name as agent_first',
			'agent.last_name as agent_last',
			't.name_fr as team_fr',
			't.name_ar as team_ar',
		)
		.where('e.complaint', id)
		.orderBy([
			{ column: 'e.date_created', order: 'asc' },
			{ column: 'e.id', order: 'asc' },
		]);
}

/** Is this file one of this complaint's attachments? Nothing is served by a file's id alone. */
export async function fileOfComplaint(
	knex: Knex,
	complaint: string,
	file: string,
): Promise<{ id: string; type: string | null; kind: string } | null> {
	const row = await knex('complaint_files as cf')
		.join('directus_files as f', 'f.id', 'cf.directus_files_id')
		.select('f.id', 'f.type', 'cf.kind')
		.where('cf.complaints_id', complaint)
		.andWhere('cf.directus_files_id', file)
		.first();
	return row ? { id: String(row.id), type: row.type ?? null, kind: row.kind } : null;
}

/** One row per read of a citizen's contact details (loi 09-08), in the caller's own transaction or alone. */
export async function journalAccess(
	knex: Knex,
	entry: { user: string; complaint: string; screen: string; data: string },
): Promise<void> {
	await knex('access_journal').insert({ ...entry, date_created: new Date() });
}
