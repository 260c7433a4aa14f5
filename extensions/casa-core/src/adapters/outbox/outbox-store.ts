// Claiming and settling outbox rows. On PostgreSQL several Directus instances
// share the table: FOR UPDATE SKIP LOCKED gives each message to one sender.
// A claimed message is leased; if its sender dies it is picked up again.
import type { Knex } from 'knex';
import { SENDING_LEASE_MS, type Outcome } from '../../domain/notifications/delivery';

export interface OutboxMessage {
	id: number;
	complaint: string | null;
	event: string;
	channel: string;
	recipient: string;
	language: string;
	payload: unknown;
	attempts: number;
}

const COLUMNS = ['id', 'complaint', 'event', 'channel', 'recipient', 'language', 'payload', 'attempts'];

export async function claimBatch(knex: Knex, now: Date, limit = 20): Promise<OutboxMessage[]> {
	const lease = new Date(now.getTime() + SENDING_LEASE_MS);
	return knex.transaction(async (trx) => {
		const due = trx('outbox')
			.select('id')
			.where((query) => query.whereIn('status', ['pending', 'retry', 'sending']))
			.andWhere((query) => query.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now))
			.orderBy('id')
			.limit(limit);
		if (trx.client.config.client === 'pg') due.forUpdate().skipLocked();
		const ids = (await due).map((row: { id: number }) => row.id);
		if (ids.length === 0) return [];
		await trx('outbox').whereIn('id', ids).update({ status: 'sending', next_attempt_at: lease }).increment('attempts', 1);
		return (await trx('outbox').select(COLUMNS).whereIn('id', ids).orderBy('id')) as OutboxMessage[];
	});
}

export async function settle(knex: Knex, id: number, outcome: Outcome, now: Date): Promise<void> {
	if (outcome.status === 'sent') {
		await knex('outbox').where({ id }).update({ status: 'sent', sent_at: now, next_attempt_at: null, last_error: null });
		return;
	}
	await knex('outbox')
		.where({ id })
		.update({ status: outcome.status, last_error: outcome.error.slice(0, 2000), next_attempt_at: outcome.status === 'retry' ? outcome.nextAttemptAt : null });
}
