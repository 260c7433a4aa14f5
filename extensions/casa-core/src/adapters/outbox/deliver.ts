// One pass of the outbox worker: claim due messages, render them in the
// citizen's language, send each through its channel, record the outcome.
// A failing channel only delays its own messages; the workflow never waits.
import type { Knex } from 'knex';
import { type Language, pickLanguage } from '../../domain/i18n/messages';
import { type Outcome, outcomeOfFailure, renderMessage } from '../../domain/notifications/delivery';
import { claimBatch, settle } from './outbox-store';
import type { Sender } from './senders';

export interface DeliveryContext {
	database: Knex;
	senders: Record<string, Sender>;
	publicUrl: string;
	now?: () => Date;
}

function formatDate(value: unknown, language: Language): string {
	if (!value) return '—';
	const date = new Date(String(value));
	return new Intl.DateTimeFormat(language === 'ar' ? 'ar-MA' : 'fr-MA', { timeZone: 'Africa/Casablanca', dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export async function deliverOutbox(context: DeliveryContext): Promise<{ sent: number; failed: number; retried: number }> {
	const now = context.now ?? (() => new Date());
	const batch = await claimBatch(context.database, now());
	const totals = { sent: 0, failed: 0, retried: 0 };
	for (const message of batch) {
		let outcome: Outcome;
		let payload: Record<string, unknown> = {};
		const sender = context.senders[message.channel];
		try {
			payload = (typeof message.payload === 'string' ? JSON.parse(message.payload) : (message.payload ?? {})) as Record<string, unknown>;
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
			await sender.send(message.recipient, rendered, { event: message.event, language, values });
			outcome = { status: 'sent' };
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			outcome = sender ? outcomeOfFailure(message.attempts, reason, now()) : { status: 'failed', error: reason };
		}
		await settle(context.database, message.id, outcome, now());
		if (outcome.status === 'sent') {
			totals.sent++;
			// the tracking secret travels in the message only: not kept once delivered
			if ('tracking_url' in payload) {
				const { tracking_url: _secretUrl, ...rest } = payload;
				await context.database('outbox').where({ id: message.id }).update({ payload: JSON.stringify(rest) });
			}
		} else if (outcome.status === 'retry') totals.retried++;
		else totals.failed++;
	}
	return totals;
}
