// The mail_messages ledger: one row per message identity, written before the
// message is imported. A row is claimed by incrementing its attempts (the
// count is the claim's token), and finished only by the claim that still holds
// it, in the transaction that stores the complaint: two pollers (instances,
// or a manual poll beside the schedule) never import one message twice.
import type { Knex } from 'knex';
import { IMPORT_LEASE_MS } from '../../domain/mail/message-rules';

export type LedgerStatus = 'received' | 'processing' | 'processed' | 'ignored' | 'failed';

export interface LedgerRow {
	id: number;
	message_key: string;
	message_id: string | null;
	status: LedgerStatus;
	attempts: number;
	raw: string | null;
	complaint: string | null;
	mailbox_done: boolean | number | null;
}

export interface NewLedgerRow {
	message_key: string;
	message_id: string | null;
	content_hash: string | null;
	mailbox: string;
	uid: number;
	uid_validity: string;
	from_address: string | null;
	subject: string | null;
	raw: string | null;
	status: LedgerStatus;
	reason?: string | null;
}

const COLUMNS = ['id', 'message_key', 'message_id', 'status', 'attempts', 'raw', 'complaint', 'mailbox_done'];

export async function findByKey(knex: Knex, key: string): Promise<LedgerRow | null> {
	const row = await knex('mail_messages').select(COLUMNS).where({ message_key: key }).first();
	return row ? normalise(row) : null;
}

function normalise(row: Record<string, unknown>): LedgerRow {
	// PostgreSQL returns integers from some drivers as strings
	return { ...(row as unknown as LedgerRow), id: Number(row.id), attempts: Number(row.attempts ?? 0) };
}

/** Records a message; when another poller recorded it first, returns that row. */
export async function recordMessage(knex: Knex, row: NewLedgerRow): Promise<{ row: LedgerRow; created: boolean }> {
	const existing = await findByKey(knex, row.message_key);
	if (existing) return { row: existing, created: false };
	try {
		await knex('mail_messages').insert({
			...row,
			subject: row.subject?.slice(0, 998) ?? null,
			from_address: row.from_address?.slice(0, 255) ?? null,
			attempts: 0,
			mailbox_done: false,
			date_created: new Date(),
		});
	} catch (error) {
		// the unique key: a concurrent poller won the race
		const raced = await findByKey(knex, row.message_key);
		if (raced) return { row: raced, created: false };
		throw error;
	}
	const created = await findByKey(knex, row.message_key);
	if (!created) throw new Error(`ledger row ${row.message_key} vanished`);
	return { row: created, created: true };
}

/** Rows to import: never tried, retried, or left by a poller that crashed (lease expired). */
export async function unfinished(knex: Knex, now: Date, limit = 50): Promise<LedgerRow[]> {
	const rows = await knex('mail_messages')
		.select(COLUMNS)
		.whereNotNull('raw')
		.andWhere((query) =>
			query
				.where('status', 'received')
				.orWhere((inner) => inner.where('status', 'processing').andWhere('lease_until', '<', now)),
		)
		.orderBy('id')
		.limit(limit);
	return rows.map(normalise);
}

/** Takes the row for this poller; null when another one holds it or it is finished. */
export async function claim(knex: Knex, row: LedgerRow, now: Date): Promise<LedgerRow | null> {
	const attempts = row.attempts + 1;
	const updated = await knex('mail_messages')
		.where({ id: row.id, attempts: row.attempts })
		.andWhere((query) =>
			query
				.where('status', 'received')
				.orWhere((inner) => inner.where('status', 'processing').andWhere('lease_until', '<', now)),
		)
		.update({ status: 'processing', attempts, lease_until: new Date(now.getTime() + IMPORT_LEASE_MS) });
	return updated === 1 ? { ...row, status: 'processing', attempts } : null;
}

export class LostClaimError extends Error {
	constructor(id: number) {
		super(`mail message ${id} was taken over by another poller`);
	}
}

/** Ends the claim, inside the caller's transaction; throws (rolling it back) if the claim was lost. */
export async function finish(
	trx: Knex,
	claimed: LedgerRow,
	values: {
		status: 'processed' | 'ignored' | 'failed' | 'received';
		outcome?: string | null;
		complaint?: string | null;
		reason?: string | null;
		keepRaw?: boolean;
	},
): Promise<void> {
	const patch: Record<string, unknown> = { status: values.status, reason: values.reason ?? null, lease_until: null };
	if (values.outcome !== undefined) patch.outcome = values.outcome;
	if (values.complaint !== undefined) patch.complaint = values.complaint;
	if (values.status !== 'received') patch.processed_at = new Date();
	// the message's text lives on in the complaint; failed ones keep it for an administrator
	if (values.status === 'processed' && !values.keepRaw) patch.raw = null;
	const updated = await trx('mail_messages')
		.where({ id: claimed.id, attempts: claimed.attempts, status: 'processing' })
		.update(patch);
	if (updated !== 1) throw new LostClaimError(claimed.id);
}

export async function markMailboxDone(knex: Knex, id: number): Promise<void> {
	await knex('mail_messages').where({ id }).update({ mailbox_done: true });
}
