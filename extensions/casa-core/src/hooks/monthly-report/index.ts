// The monthly report reaches the officials by e-mail on the first working day
// of the month (adapters/officials/monthly-dispatch): checked every hour by
// default (CASA_MONTHLY_REPORT_SCHEDULE, cron with seconds; "off" disables it).
// Safe with several instances (advisory lock, one message per person and month).
import { defineHook } from '@directus/extensions-sdk';
import { dispatchMonthlyReports } from '../../adapters/officials/monthly-dispatch';

export default defineHook(({ schedule }, { database, env, logger }) => {
	const cron = String(env.CASA_MONTHLY_REPORT_SCHEDULE ?? '0 23 * * * *');
	if (cron === 'off') return;
	let running = false;
	schedule(cron, async () => {
		if (running) return;
		running = true;
		try {
			const result = await dispatchMonthlyReports(database, { now: new Date(), secret: String(env.SECRET ?? ''), publicUrl: String(env.PUBLIC_URL ?? '') });
			if (result.queued > 0) logger.info(`[casa-core] monthly report of ${result.month}: ${result.queued} e-mail(s) queued`);
		} catch (error) {
			logger.error(error, '[casa-core] monthly report e-mails not queued');
		} finally {
			running = false;
		}
	});
});
