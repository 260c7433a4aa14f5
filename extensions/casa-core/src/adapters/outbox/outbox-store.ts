// Claiming and settling outbox rows. On PostgreSQL several Directus instances
// share the table: FOR UPDATE SKIP LOCKED gives each message to one sender.
// A claimed message is leased (status 'sending', next_attempt_at = end of the
// lease); if its sender dies it is claimed again once the lease is over. The
// attempt number written by the claim fences the claim: a sender renews its
// lease just before sending and settles afterwards only while the row still
// carries its attempt, so a message claimed again elsewhere is not sent twice.
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
	/** this claim's attempt number: the fence of the claim */
	attempts: number;
}

const COLUMNS = ['id', 'complaint', 'event', 'channel', 'recipient', 'language', 'payload', 'attempts'];

export async function claimBatch(
	knex: Knex,
	now: Date,
	limit = 20,
	leaseMs = SENDING_LEASE_MS,
): Promise<OutboxMessage[]> {
	const lease = new Date(now.getTime() + leaseMs);
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
		await trx('outbox')
			.whereIn('id', ids)
			.update({ status: 'sending', next_attempt_at: lease })
			.increment('attempts', 1);
		return (await trx('outbox').select(COLUMNS).whereIn('id', ids).orderBy('id')) as OutboxMessage[];
	});
}

/** Just before sending: a fresh lease, only if the claim is still this sender's. */
export async function renewClaim(
	knex: Knex,
	message: Pick<OutboxMessage, 'id' | 'attempts'>,
	now: Date,
	leaseMs = SENDING_LEASE_MS,
): Promise<boolean> {
	const updated = await knex('outbox')
		.where({ id: message.id, attempts: message.attempts, status: 'sending' })
		.update({ next_attempt_at: new Date(now.getTime() + leaseMs) });
	return Number(updated) === 1;
}

/**
 * Claimed but not sent (a graceful stop): back in the queue, due at once, the
 * attempt not counted. Only rows still under these claims.
 */
export async function releaseClaims(knex: Knex, messages: Pick<OutboxMessage, 'id' | 'attempts'>[]): Promise<number> {
	let released = 0;
	for (const message of messages) {
		released += Number(
			await knex('outbox')
				.where({ id: message.id, attempts: message.attempts, status: 'sending' })
				.update({ status: 'pending', next_attempt_at: null, attempts: message.attempts - 1 }),
		);
	}
	return released;
}

export async function settle(
	knex: Knex,
	message: Pick<OutboxMessage, 'id' | 'attempts'>,
	outcome: Outcome,
	now: Date,
): Promise<void> {
	if (outcome.status === 'sent') {
		// the sent-mark, whoever holds the claim now: it was sent
		await knex('outbox')
			.where({ id: message.id })
			.update({ status: 'sent', sent_at: now, next_attempt_at: null, last_error: null });
		return;
	}
	await knex('outbox')
		.where({ id: message.id, attempts: message.attempts, status: 'sending' })
		.update({
			status: outcome.status,
			last_error: outcome.error.slice(0, 2000),
			next_attempt_at: outcome.status === 'retry' ? outcome.nextAttemptAt : null,
		});
}
