// The retention job (loi 09-08): anonymises what the settings say has expired
// (adapters/privacy/anonymise.ts), every hour by default (CASA_PRIVACY_SCHEDULE,
// cron with seconds; "off" disables it). Safe with several instances: each
// batch takes a PostgreSQL advisory lock and stamps what it did in the same
// transaction, so a second instance, a manual run or a run after a kill never
// does a batch twice.
import { defineHook } from '@directus/extensions-sdk';
import { runRetention } from '../../adapters/privacy/anonymise';
import { readSettings } from '../../config/settings';

export default defineHook(({ schedule }, { services, database, getSchema, env, logger }) => {
	const cron = readSettings(env).jobs.privacySchedule;
	if (cron === null) return;
	let running = false;
	schedule(cron, async () => {
		if (running) return;
		running = true;
		try {
			const totals = await runRetention({
				database,
				deleteFiles: async (ids) => {
					await new services.FilesService({
						schema: await getSchema(),
						knex: database,
						accountability: null,
					}).deleteMany(ids);
				},
			});
			if (totals.skipped) logger.info('[casa-core] retention job skipped: another instance holds the lock');
			else if (
				totals.complaints +
					totals.mail +
					totals.conversations +
					totals.outbox +
					totals.journal +
					totals.exports +
					totals.files_deleted >
				0
			)
				logger.info(`[casa-core] retention job: ${JSON.stringify(totals)}`);
		} catch (error) {
			logger.error(error, '[casa-core] retention job failed');
		} finally {
			running = false;
		}
	});
});
