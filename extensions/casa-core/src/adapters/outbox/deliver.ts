// One pass of the outbox worker: claim due messages, render them in the
// citizen's language, send each through its channel, record the outcome.
// A failing channel only delays its own messages; the workflow never waits.
import type { Knex } from 'knex';
import { type Language, pickLanguage } from '../../domain/i18n/messages';
import { type Outcome, outcomeOfFailure, renderMessage } from '../../domain/notifications/delivery';
import { SENDING_LEASE_MS } from '../../domain/notifications/delivery';
import { type OutboxMessage, claimBatch, releaseClaims, renewClaim, settle } from './outbox-store';
import type { Sender } from './senders';

export interface DeliveryContext {
	database: Knex;
	senders: Record<string, Sender>;
	publicUrl: string;
	now?: () => Date;
	/** a graceful stop asked: finish the sends under way, give the rest back */
	stopping?: () => boolean;
	/** a pass claims batch after batch until nothing is due or this long has gone (ms) */
	budgetMs?: number;
	/** sends at once (an SMTP pool, a gateway) */
	concurrency?: number;
	leaseMs?: number;
	batchSize?: number;
}

export interface DeliveryTotals {
	sent: number;
	failed: number;
	retried: number;
	/** claimed, then given back by a graceful stop */
	released: number;
}

function formatDate(value: unknown, language: Language): string {
	if (!value) return '—';
	const date = new Date(String(value));
	return new Intl.DateTimeFormat(language === 'ar' ? 'ar-MA' : 'fr-MA', {
		timeZone: 'Africa/Casablanca',
		dateStyle: 'long',
		timeStyle: 'short',
	}).format(date);
}

/** A send that takes longer than this is a failure to retry (well inside the lease). */
const sendBound = (leaseMs: number) => Math.max(1000, Math.floor(leaseMs / 3));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	return Promise.race([
		promise,
		new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no answer from the channel within ${ms} ms`)), ms);
		}),
	]).finally(() => clearTimeout(timer));
}

/**
 * One pass of the worker. Effectively once: each message carries its
 * idempotency key (`casa-outbox-<id>`: the e-mail's Message-ID, the SMS
 * gateway's Idempotency-Key), its lease is renewed under its claim just
 * before the send and outlasts the send's own bound, and the sent-mark is
 * written as soon as the channel accepted it — nothing can claim it again
 * before. Only a crash between the channel's acceptance and that mark (a few
 * milliseconds) sends it again, with the same key, after the lease.
 */
export async function deliverOutbox(context: DeliveryContext): Promise<DeliveryTotals> {
	const now = context.now ?? (() => new Date());
	const stopping = context.stopping ?? (() => false);
	const leaseMs = context.leaseMs ?? SENDING_LEASE_MS;
	const started = Date.now();
	const totals: DeliveryTotals = { sent: 0, failed: 0, retried: 0, released: 0 };
	while (!stopping()) {
		const batch = await claimBatch(context.database, now(), context.batchSize ?? 20, leaseMs);
		if (batch.length === 0) break;
		const unsent: OutboxMessage[] = [];
		let next = 0;
		const worker = async () => {
			while (next < batch.length) {
				const message = batch[next++];
				if (stopping() || !(await renewClaim(context.database, message, now(), leaseMs))) {
					if (stopping()) unsent.push(message);
					continue;
				}
				await deliverOne(context, message, now, leaseMs, totals);
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, context.concurrency ?? 1) }, worker));
		if (unsent.length > 0) totals.released += await releaseClaims(context.database, unsent);
		// without a budget, one batch per pass (as before)
		if (context.budgetMs === undefined || Date.now() - started >= context.budgetMs) break;
	}
	return totals;
}

async function deliverOne(
	context: DeliveryContext,
	message: OutboxMessage,
	now: () => Date,
	leaseMs: number,
	totals: DeliveryTotals,
): Promise<void> {
	let outcome: Outcome;
	let payload: Record<string, unknown> = {};
	const sender = context.senders[message.channel];
	try {
		payload = (typeof message.payload === 'string' ? JSON.parse(message.payload) : (message.payload ?? {})) as Record<
			string,
			unknown
		>;
		const language = pickLanguage(message.language);
		const reference = String(payload.reference ?? '');
		const values = {
			...payload,
			reference,
			due: formatDate(payload.resolve_due_at, language),
			trackingUrl: String(payload.tracking_url ?? `${context.publicUrl.replace(/\/$/, '')}/portal/suivi/${reference}`),
		};
		const rendered = renderMessage(message.event, language, values);
		// a channel nobody sends on here (e.g. WhatsApp without its sender) fails at once with the reason, other messages go on
		if (!sender) throw new Error(`no sender for channel "${message.channel}" on this platform`);
		await withTimeout(
			sender.send(message.recipient, rendered, {
				event: message.event,
				language,
				values,
				idempotencyKey: `casa-outbox-${message.id}`,
			}),
			sendBound(leaseMs),
		);
		outcome = { status: 'sent' };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		outcome = sender ? outcomeOfFailure(message.attempts, reason, now()) : { status: 'failed', error: reason };
	}
	await settle(context.database, message, outcome, now());
	if (outcome.status === 'sent') {
		totals.sent++;
		// the tracking secret travels in the message only: not kept once delivered
		if ('tracking_url' in payload) {
			const { tracking_url: _secretUrl, ...rest } = payload;
			await context
				.database('outbox')
				.where({ id: message.id })
				.update({ payload: JSON.stringify(rest) });
		}
	} else if (outcome.status === 'retry') totals.retried++;
	else totals.failed++;
}
