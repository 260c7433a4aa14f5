// Sends what the outbox holds, every few seconds (CASA_OUTBOX_SCHEDULE, cron
// with seconds). With SYNCHRONIZATION_STORE=redis one instance runs each tick;
// SKIP LOCKED keeps two senders off the same message anyway.
import { defineHook } from '@directus/extensions-sdk';
import { deliverOutbox } from '../../adapters/outbox/deliver';
import { emailSender, smsConfigFromEnv, smsSender, whatsappSender } from '../../adapters/outbox/senders';
import { whatsappConfigFromEnv } from '../../adapters/chat/whatsapp-client';

export default defineHook(({ schedule }, { services, database, getSchema, env, logger }) => {
	const cron = String(env.CASA_OUTBOX_SCHEDULE ?? '*/15 * * * * *');
	let running = false;
	// WhatsApp's 24-hour window runs from the citizen's last message in the conversation
	const whatsapp = whatsappSender(whatsappConfigFromEnv(env), async (waId) => {
		const row = await database('conversations').select('last_inbound_at').where({ contact_key: `whatsapp:${waId}` }).first();
		return row?.last_inbound_at ? new Date(typeof row.last_inbound_at === 'number' ? row.last_inbound_at : String(row.last_inbound_at)) : null;
	});
	schedule(cron, async () => {
		if (running) return;
		running = true;
		try {
			const mail = new services.MailService({ schema: await getSchema(), knex: database });
			const totals = await deliverOutbox({
				database,
				senders: { email: emailSender(mail), sms: smsSender(smsConfigFromEnv(env)), whatsapp },
				publicUrl: String(env.PUBLIC_URL ?? ''),
			});
			if (totals.sent + totals.failed + totals.retried > 0) logger.info(`[casa-core] outbox: ${totals.sent} sent, ${totals.retried} to retry, ${totals.failed} failed`);
		} catch (error) {
			logger.error(error, '[casa-core] outbox pass failed');
		} finally {
			running = false;
		}
	});
});
