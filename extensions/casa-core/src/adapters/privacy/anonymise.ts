// The retention job and the citizen's erasure: anonymises what has expired
// (domain/privacy/retention.ts) everywhere it lives, in set-based statements.
//
// Complaints are taken in bounded batches (BATCH ids); each batch is one
// transaction of a fixed set of statements (`IN (…ids)`), and the last one
// stamps complaints.personal_data_erased_at: a run killed half-way leaves
// either the whole batch done or none of it, and the next run resumes with
// the complaints not yet stamped. Several instances may run at once: on
// PostgreSQL each batch takes a transaction-level advisory lock (the other
// instance finds it taken and stops); SQLite has a single writer.
//
// What goes, for each complaint whose personal data expires (or is erased):
//   citizen_contacts row (deleted); correction events' values (domain rule);
//   outbox recipient and payload (pending messages cancelled); mail_messages
//   raw text, sender and subject; chat conversations; photo metadata (title,
//   file name, description, tags, EXIF, location); scans and e-mail
//   attachments (files deleted, storage included); Directus revisions (data,
//   delta) and activity request metadata (IP, user agent, origin) of the
//   complaint, its contact and its files.
// And, by age alone: raw e-mails, conversations, outbox addresses, the access
// journal, staff exports (export-… files and their notifications).
import { type Identifiers, redactIdentifiers } from '../../domain/privacy/redact';
import type { Knex } from 'knex';
import { toInstant } from '../../domain/calendar/instant';
import { type RetentionSettings, anonymisedCorrection, cutoffs, readRetention } from '../../domain/privacy/retention';
import { dialectOf } from '../scope-sql';
import { retentionDueExpression } from '../../../../../schema/indexes';

/** pg_try_advisory_xact_lock key: 'CASAPRIV' as a 64-bit integer */
export const PRIVACY_LOCK_KEY = '4846246215240091990';
/** complaints per batch: ids are bindings, SQLite allows 999 per statement */
export const BATCH = 200;
/** batches per run at most (the next run continues) */
const MAX_BATCHES = 50;
const FILE_KINDS_DELETED = ['scan', 'document'];
const OUTBOX_WAITING = ['pending', 'retry'];

export interface RetentionTotals {
	skipped: boolean;
	complaints: number;
	contacts: number;
	revisions: number;
	activity: number;
	corrections: number;
	outbox: number;
	mail: number;
	conversations: number;
	files_scrubbed: number;
	/** descriptions and citizens' own notes from which their identifiers were removed (domain/privacy/redact.ts) */
	free_text: number;
	files_deleted: number;
	journal: number;
	exports: number;
	batches: number;
}

export interface RetentionRunInput {
	database: Knex;
	now?: Date;
	/** default: read from platform_settings */
	settings?: RetentionSettings;
	/** removes Directus files with their storage (FilesService.deleteMany); default: the rows only */
	deleteFiles?: (ids: string[]) => Promise<void>;
	batchSize?: number;
	maxBatches?: number;
	/** called inside each complaint batch's transaction, after its writes and before its commit (the kill test stops the process there) */
	afterBatchWrites?: (batch: number) => Promise<void>;
}

const empty = (): RetentionTotals => ({
	skipped: false,
	complaints: 0,
	contacts: 0,
	free_text: 0,
	revisions: 0,
	activity: 0,
	corrections: 0,
	outbox: 0,
	mail: 0,
	conversations: 0,
	files_scrubbed: 0,
	files_deleted: 0,
	journal: 0,
	exports: 0,
	batches: 0,
});

/** A timestamp binding as the column stores it (SQLite: epoch milliseconds). */
function at(knex: Knex, date: Date): Date | number {
	return dialectOf(knex) === 'pg' ? date : date.getTime();
}

async function lock(trx: Knex.Transaction): Promise<boolean> {
	if (dialectOf(trx) !== 'pg') return true;
	const result = await trx.raw('SELECT pg_try_advisory_xact_lock(CAST(? AS bigint)) AS locked', [PRIVACY_LOCK_KEY]);
	return Boolean(result.rows[0]?.locked);
}

export async function loadRetention(knex: Knex): Promise<RetentionSettings> {
	return readRetention(await knex('platform_settings').first());
}

/**
 * Anonymises the personal data of these complaints, in the caller's
 * transaction: a fixed set of statements whatever their number (≤ BATCH).
 */
export async function scrubComplaints(
	trx: Knex,
	ids: string[],
	now: Date,
): Promise<Omit<RetentionTotals, 'skipped' | 'batches' | 'journal' | 'exports' | 'files_deleted'>> {
	const totals = {
		complaints: 0,
		contacts: 0,
		free_text: 0,
		revisions: 0,
		activity: 0,
		corrections: 0,
		outbox: 0,
		mail: 0,
		conversations: 0,
		files_scrubbed: 0,
	};
	if (ids.length === 0) return totals;
	const contactIds = (await trx('citizen_contacts').select('id').whereIn('complaint', ids)).map((row) =>
		String(row.id),
	);
	const fileIds = (
		await trx('complaint_files')
			.select('directus_files_id')
			.whereIn('complaints_id', ids)
			.whereNotNull('directus_files_id')
	).map((row) => String(row.directus_files_id));
	const items = (query: Knex.QueryBuilder) =>
		query
			.where((q) => q.where('collection', 'complaints').whereIn('item', ids))
			.orWhere((q) =>
				q.where('collection', 'citizen_contacts').whereIn('item', contactIds.length > 0 ? contactIds : ['-']),
			)
			.orWhere((q) => q.where('collection', 'directus_files').whereIn('item', fileIds.length > 0 ? fileIds : ['-']));
	totals.revisions = await items(trx('directus_revisions'))
		.where((q) => q.whereNotNull('data').orWhereNotNull('delta'))
		.update({ data: null, delta: null });
	totals.activity = await items(trx('directus_activity'))
		.where((q) => q.whereNotNull('ip').orWhereNotNull('user_agent').orWhereNotNull('origin'))
		.update({ ip: null, user_agent: null, origin: null });
	totals.free_text = await redactFreeText(trx, ids);
	totals.contacts = await trx('citizen_contacts').whereIn('complaint', ids).delete();
	// corrections of a contact detail keep which field and when, not the values
	const corrections = await trx('complaint_events')
		.select('id', 'body')
		.whereIn('complaint', ids)
		.andWhere('type', 'correction');
	for (const event of corrections) {
		const body = anonymisedCorrection(event.body);
		if (body !== null) totals.corrections += await trx('complaint_events').where({ id: event.id }).update({ body });
	}
	await trx('outbox').whereIn('complaint', ids).whereIn('status', OUTBOX_WAITING).update({ status: 'cancelled' });
	totals.outbox = await trx('outbox')
		.whereIn('complaint', ids)
		.where((q) => q.whereNotNull('recipient').orWhereNotNull('payload'))
		.update({ recipient: null, payload: null });
	const mailIds = (await trx('mail_messages').select('id').whereIn('complaint', ids)).map((row) => String(row.id));
	totals.mail = await trx('mail_messages')
		.whereIn('complaint', ids)
		.where((q) => q.whereNotNull('raw').orWhereNotNull('from_address').orWhereNotNull('subject'))
		.update({ raw: null, from_address: null, subject: null });
	if (mailIds.length > 0) await neutralNotifications(trx, 'mail_messages', mailIds);
	totals.conversations = await trx('conversations').whereIn('complaint', ids).delete();
	if (fileIds.length > 0)
		totals.files_scrubbed = await trx('directus_files')
			.whereIn('id', fileIds)
			.update({
				title: null,
				description: null,
				tags: null,
				metadata: null,
				location: null,
				filename_download: trx.raw('id'),
			});
	totals.complaints = await trx('complaints')
		.whereIn('id', ids)
		.whereNull('personal_data_erased_at')
		.update({ personal_data_erased_at: at(trx, now) });
	return totals;
}

/**
 * The register keeps what the citizen wrote about the problem, not who they
 * are: their name, number, e-mail and postal address, and any e-mail or phone
 * number, are taken out of the description and of their own notes (an e-mailed
 * reply) before the contact row goes.
 */
async function redactFreeText(trx: Knex, ids: string[]): Promise<number> {
	const contacts = new Map<string, Identifiers>(
		(
			(await trx('citizen_contacts')
				.select('complaint', 'name', 'phone', 'email', 'postal_address')
				.whereIn('complaint', ids)) as Record<string, string | null>[]
		).map((row) => [
			String(row.complaint),
			{ name: row.name, phone: row.phone, email: row.email, postalAddress: row.postal_address },
		]),
	);
	const descriptions = (
		(await trx('complaints').select('id', 'description').whereIn('id', ids)) as {
			id: string;
			description: string | null;
		}[]
	)
		.map((row) => ({
			id: String(row.id),
			before: row.description,
			after: redactIdentifiers(row.description, contacts.get(String(row.id)) ?? {}),
		}))
		.filter((row) => row.after !== row.before);
	const notes = (
		(await trx('complaint_events')
			.select('id', 'complaint', 'body')
			.whereIn('complaint', ids)
			.andWhere({ type: 'note', actor_kind: 'citizen' })) as { id: string; complaint: string; body: string | null }[]
	)
		.map((row) => ({
			id: String(row.id),
			before: row.body,
			after: redactIdentifiers(row.body, contacts.get(String(row.complaint)) ?? {}),
		}))
		.filter((row) => row.after !== row.before);
	// one statement per table for the whole batch
	const changed =
		(await updateEach(trx, 'complaints', 'description', descriptions)) +
		(await updateEach(trx, 'complaint_events', 'body', notes));
	return changed;
}

/** One UPDATE … SET column = CASE id … END for rows that each get their own value. */
async function updateEach(
	trx: Knex,
	table: string,
	column: string,
	rows: { id: string; after: string | null }[],
): Promise<number> {
	if (rows.length === 0) return 0;
	const cases = rows.map(() => 'WHEN ? THEN ?').join(' ');
	return trx(table)
		.whereIn(
			'id',
			rows.map((row) => row.id),
		)
		.update({
			[column]: trx.raw(
				`CASE ${trx.raw('??', ['id']).toQuery()} ${cases} END`,
				rows.flatMap((row) => [row.id, row.after]),
			),
		});
}

/** Notifications about an item whose personal data went (e.g. a failed e-mail's sender): the text goes, the link stays. */
async function neutralNotifications(trx: Knex, collection: string, items: string[]): Promise<void> {
	await trx('directus_notifications')
		.where({ collection })
		.whereIn('item', items)
		.update({ subject: 'Données anonymisées (loi 09-08) · معطيات مجهولة الهوية', message: null });
}

function add(totals: RetentionTotals, part: Partial<RetentionTotals>): void {
	for (const [key, value] of Object.entries(part))
		if (typeof value === 'number') (totals as unknown as Record<string, number>)[key] += value;
}

/** Files of erased complaints that hold the citizen's own papers (scans, e-mail attachments): deleted with their storage. */
async function deleteErasedPapers(input: RetentionRunInput, batch: number): Promise<number> {
	const knex = input.database;
	let deleted = 0;
	for (;;) {
		const rows = await knex('complaint_files as cf')
			.join('complaints as c', 'c.id', 'cf.complaints_id')
			.whereNotNull('c.personal_data_erased_at')
			.whereIn('cf.kind', FILE_KINDS_DELETED)
			.whereNotNull('cf.directus_files_id')
			.select('cf.directus_files_id as file')
			.limit(batch);
		if (rows.length === 0) return deleted;
		const ids = rows.map((row) => String(row.file));
		await removeFiles(input, ids);
		await knex('complaint_files').whereIn('directus_files_id', ids).update({ directus_files_id: null });
		deleted += ids.length;
		if (rows.length < batch) return deleted;
	}
}

async function removeFiles(input: RetentionRunInput, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	// activity and revisions of the file itself go too (its title and name were personal)
	await input
		.database('directus_revisions')
		.where('collection', 'directus_files')
		.whereIn('item', ids)
		.update({ data: null, delta: null });
	await input
		.database('directus_activity')
		.where('collection', 'directus_files')
		.whereIn('item', ids)
		.update({ ip: null, user_agent: null, origin: null });
	if (input.deleteFiles) await input.deleteFiles(ids);
	else await input.database('directus_files').whereIn('id', ids).delete();
}

/** Runs the retention rules once: complaints by batches, then what expires by age. */
export async function runRetention(input: RetentionRunInput): Promise<RetentionTotals> {
	const knex = input.database;
	const now = input.now ?? new Date();
	const settings = input.settings ?? (await loadRetention(knex));
	const limits = cutoffs(settings, now);
	const batch = Math.max(1, Math.min(input.batchSize ?? BATCH, BATCH));
	const totals = empty();

	// 1. complaints closed or rejected before the cutoff, not yet anonymised
	for (let index = 0; index < (input.maxBatches ?? MAX_BATCHES); index++) {
		const done = await knex.transaction(async (trx) => {
			if (!(await lock(trx))) {
				totals.skipped = true;
				return true;
			}
			// the expression of schema/indexes.ts's retention index, in its order: a range scan, empty when nothing expired
			const rows = await trx('complaints')
				.select('id')
				.whereRaw(`${retentionDueExpression()} < ?`, [at(trx, limits.contactsClosedBefore)])
				.orderByRaw(retentionDueExpression())
				.limit(batch);
			if (rows.length === 0) return true;
			add(
				totals,
				await scrubComplaints(
					trx,
					rows.map((row) => String(row.id)),
					now,
				),
			);
			await input.afterBatchWrites?.(totals.batches + 1);
			totals.batches++;
			return rows.length < batch;
		});
		if (done) break;
	}
	if (totals.skipped) return totals;

	// 2. scans and attachments of anonymised complaints (storage outside the transaction: idempotent, resumable)
	totals.files_deleted = await deleteErasedPapers(input, batch);

	// 3. by age alone, each statement bounded by a sub-select of `batch` ids
	const bounded = async (
		table: string,
		where: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
		change: (ids: unknown[]) => Promise<number>,
	) => {
		let count = 0;
		for (;;) {
			const ids = (await where(knex(table).select('id')).orderBy('id').limit(batch)).map(
				(row: { id: unknown }) => row.id,
			);
			if (ids.length === 0) return count;
			count += await change(ids);
			if (ids.length < batch) return count;
		}
	};
	totals.mail += await bounded(
		'mail_messages',
		(q) =>
			q
				.whereNotIn('status', ['received', 'processing'])
				.andWhere('date_created', '<', at(knex, limits.mailReceivedBefore))
				.andWhere((w) => w.whereNotNull('raw').orWhereNotNull('from_address').orWhereNotNull('subject')),
		async (ids) => {
			await neutralNotifications(knex as Knex, 'mail_messages', ids.map(String));
			return knex('mail_messages')
				.whereIn('id', ids as number[])
				.update({ raw: null, from_address: null, subject: null });
		},
	);
	totals.conversations += await bounded(
		'conversations',
		(q) =>
			q.where((w) =>
				w
					.where('last_inbound_at', '<', at(knex, limits.chatInactiveBefore))
					.orWhere((v) =>
						v.whereNull('last_inbound_at').andWhere('date_created', '<', at(knex, limits.chatInactiveBefore)),
					),
			),
		(ids) =>
			knex('conversations')
				.whereIn('id', ids as number[])
				.delete(),
	);
	totals.outbox += await bounded(
		'outbox',
		(q) =>
			q
				.whereIn('status', ['sent', 'failed', 'cancelled'])
				.andWhere('date_created', '<', at(knex, limits.outboxCreatedBefore))
				.andWhere((w) => w.whereNotNull('recipient').orWhereNotNull('payload')),
		(ids) =>
			knex('outbox')
				.whereIn('id', ids as number[])
				.update({ recipient: null, payload: null }),
	);
	totals.journal += await bounded(
		'access_journal',
		(q) => q.where('date_created', '<', at(knex, limits.journalBefore)),
		(ids) =>
			knex('access_journal')
				.whereIn('id', ids as number[])
				.delete(),
	);

	// 4. staff exports (Directus's export-<collection>-<date> files), not linked to a complaint; uploaded_on is written
	// by the database on SQLite (text), so the age is compared here
	const candidates = await knex('directus_files as f')
		.leftJoin('complaint_files as cf', 'cf.directus_files_id', 'f.id')
		.whereNull('cf.id')
		.andWhere('f.filename_download', 'like', 'export-%')
		.select('f.id', 'f.uploaded_on')
		.limit(batch * 5);
	const expired = candidates
		.filter((row) => (toInstant(row.uploaded_on)?.getTime() ?? 0) < limits.exportsBefore.getTime())
		.map((row) => String(row.id));
	if (expired.length > 0) {
		await knex('directus_notifications').where('collection', 'directus_files').whereIn('item', expired).delete();
		await removeFiles(input, expired);
		totals.exports = expired.length;
	}
	return totals;
}

/** Anonymises one person's complaints at once (opposition, erasure after closure): the same rules as the job. */
export async function eraseComplaints(
	input: Pick<RetentionRunInput, 'database' | 'deleteFiles'>,
	ids: string[],
	now = new Date(),
): Promise<RetentionTotals> {
	const totals = empty();
	for (let start = 0; start < ids.length; start += BATCH) {
		const slice = ids.slice(start, start + BATCH);
		await input.database.transaction(async (trx) => add(totals, await scrubComplaints(trx, slice, now)));
		totals.batches++;
	}
	totals.files_deleted = await deleteErasedPapers(input, BATCH);
	return totals;
}
