// The monthly report reaches the officials by e-mail on the first working day
// of the month (adapters/officials/monthly-dispatch): checked every hour by
// default (CASA_MONTHLY_REPORT_SCHEDULE, cron with seconds; "off" disables it).
// Safe with several instances (advisory lock, one message per person and month).
import { defineHook } from '@directus/extensions-sdk';
import { dispatchMonthlyReports } from '../../adapters/officials/monthly-dispatch';
import { readSettings } from '../../config/settings';

export default defineHook(({ schedule }, { database, env, logger }) => {
	const { jobs, platform } = readSettings(env);
	const cron = jobs.monthlyReportSchedule;
	if (cron === null) return;
	let running = false;
	schedule(cron, async () => {
		if (running) return;
		running = true;
		try {
			const result = await dispatchMonthlyReports(database, {
				now: new Date(),
				secret: platform.secret,
				publicUrl: platform.publicUrl,
			});
			if (result.queued > 0)
				logger.info(`[casa-core] monthly report of ${result.month}: ${result.queued} e-mail(s) queued`);
		} catch (error) {
			logger.error(error, '[casa-core] monthly report e-mails not queued');
		} finally {
			running = false;
		}
	});
});
