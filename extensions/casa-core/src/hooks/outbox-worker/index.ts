// Sends what the outbox holds, every few seconds (CASA_OUTBOX_SCHEDULE, cron
// with seconds). With SYNCHRONIZATION_STORE=redis one instance runs each tick;
// SKIP LOCKED keeps two senders off the same message anyway. A pass drains:
// batch after batch, CASA_OUTBOX_CONCURRENCY sends at once, for up to 12 s
// (under the 15 s default schedule). On SIGTERM/SIGINT the pass finishes the
// sends under way and gives its other claims back at once (adapters/outbox/deliver.ts
// states the delivery guarantee).
import { defineHook } from '@directus/extensions-sdk';
import { deliverOutbox } from '../../adapters/outbox/deliver';
import { emailSender, smsConfigFromEnv, smsSender, whatsappSender } from '../../adapters/outbox/senders';
import { whatsappConfigFromEnv } from '../../adapters/chat/whatsapp-client';
import { SENDING_LEASE_MS } from '../../domain/notifications/delivery';

const positive = (value: unknown, fallback: number) => (Number(value) > 0 ? Number(value) : fallback);

export default defineHook(({ schedule }, { services, database, getSchema, env, logger }) => {
	const cron = String(env.CASA_OUTBOX_SCHEDULE ?? '*/15 * * * * *');
	const leaseMs = positive(env.CASA_OUTBOX_LEASE_MS, SENDING_LEASE_MS);
	const concurrency = positive(env.CASA_OUTBOX_CONCURRENCY, 4);
	const budgetMs = positive(env.CASA_OUTBOX_PASS_BUDGET_MS, 12_000);
	const mailDomain = String(env.EMAIL_FROM ?? '').split('@')[1] || 'casa-reclamations.local';
	let running = false;
	let stopping = false;
	let pass: Promise<unknown> = Promise.resolve();
	for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => (stopping = true));
	// on a stop Directus closes its connection pool once the HTTP requests are done: the pass under way
	// (its sends, their sent-marks, the claims it gives back) finishes first, or a sent message would be sent again
	// (knex's own destroy is read-only: it calls its client's, which is not)
	const client = database.client as { destroy: (...args: unknown[]) => Promise<unknown> };
	const destroy = client.destroy.bind(client);
	client.destroy = (...args: unknown[]) => pass.then(() => destroy(...args));
	// WhatsApp's 24-hour window runs from the citizen's last message in the conversation
	const whatsapp = whatsappSender(whatsappConfigFromEnv(env), async (waId) => {
		const row = await database('conversations').select('last_inbound_at').where({ contact_key: `whatsapp:${waId}` }).first();
		return row?.last_inbound_at ? new Date(typeof row.last_inbound_at === 'number' ? row.last_inbound_at : String(row.last_inbound_at)) : null;
	});
	schedule(cron, async () => {
		if (running || stopping) return;
		running = true;
		let done: () => void = () => {};
		pass = new Promise<void>((resolve) => (done = resolve));
		try {
			const mail = new services.MailService({ schema: await getSchema(), knex: database });
			const totals = await deliverOutbox({
				database,
				senders: { email: emailSender(mail, mailDomain), sms: smsSender(smsConfigFromEnv(env)), whatsapp },
				publicUrl: String(env.PUBLIC_URL ?? ''),
				stopping: () => stopping,
				budgetMs,
				concurrency,
				leaseMs,
			});
			if (totals.sent + totals.failed + totals.retried + totals.released > 0)
				logger.info(`[casa-core] outbox: ${totals.sent} sent, ${totals.retried} to retry, ${totals.failed} failed${totals.released ? `, ${totals.released} given back (stopping)` : ''}`);
		} catch (error) {
			logger.error(error, '[casa-core] outbox pass failed');
		} finally {
			running = false;
			done();
		}
	});
});
