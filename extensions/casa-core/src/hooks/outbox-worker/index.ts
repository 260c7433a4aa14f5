// Sends what the outbox holds, every few seconds (CASA_OUTBOX_SCHEDULE, cron
// with seconds). With SYNCHRONIZATION_STORE=redis one instance runs each tick;
// SKIP LOCKED keeps two senders off the same message anyway. A pass drains:
// batch after batch, CASA_OUTBOX_CONCURRENCY sends at once, for up to 12 s
// (under the 15 s default schedule). On SIGTERM/SIGINT the pass finishes the
// sends under way and gives its other claims back at once (adapters/outbox/deliver.ts
// states the delivery guarantee).
import { defineHook } from '@directus/extensions-sdk';
import { deliverOutbox } from '../../adapters/outbox/deliver';
import { emailSender, smsSender, whatsappSender } from '../../adapters/outbox/senders';
import { whatsappConfig } from '../../adapters/chat/whatsapp-client';
import { readSettings } from '../../config/settings';

export default defineHook(({ schedule }, { services, database, getSchema, env, logger }) => {
	const config = readSettings(env);
	const { schedule: cron, leaseMs, concurrency, passBudgetMs: budgetMs } = config.outbox;
	const mailDomain = (config.email.from ?? '').split('@')[1] || 'casa-reclamations.local';
	const sms = smsSender(config.sms);
	const publicUrl = config.platform.publicUrl;
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
	const whatsapp = whatsappSender(whatsappConfig(config.whatsapp), async (waId) => {
		const row = await database('conversations')
			.select('last_inbound_at')
			.where({ contact_key: `whatsapp:${waId}` })
			.first();
		return row?.last_inbound_at
			? new Date(typeof row.last_inbound_at === 'number' ? row.last_inbound_at : String(row.last_inbound_at))
			: null;
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
				senders: { email: emailSender(mail, mailDomain), sms, whatsapp },
				publicUrl,
				stopping: () => stopping,
				budgetMs,
				concurrency,
				leaseMs,
			});
			if (totals.sent + totals.failed + totals.retried + totals.released > 0)
				logger.info(
					`[casa-core] outbox: ${totals.sent} sent, ${totals.retried} to retry, ${totals.failed} failed${totals.released ? `, ${totals.released} given back (stopping)` : ''}`,
				);
		} catch (error) {
			logger.error(error, '[casa-core] outbox pass failed');
		} finally {
			running = false;
			done();
		}
	});
});
