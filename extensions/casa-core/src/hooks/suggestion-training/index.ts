// Retrains the category suggestion (adapters/suggestion/model-store.ts) when the
// server starts and then on a schedule (CASA_SUGGESTION_SCHEDULE, cron with
// seconds, every 15 minutes by default; "off" disables the schedule, not the
// training at start). Every instance trains its own in-memory model from the
// same database; one at a time records the held-out accuracy.
import { defineHook } from '@directus/extensions-sdk';
import { retrain } from '../../adapters/suggestion/model-store';
import { readSettings } from '../../config/settings';

export default defineHook(({ schedule, action }, { database, env, logger }) => {
	const run = async (when: string) => {
		try {
			const record = await retrain(database);
			logger.info(
				`[casa-core] category suggestion trained (${when}): ${record.examples} examples, ${record.history_examples} from agents; held-out top-1 ${record.held_out.top1}, top-3 ${record.held_out.top3}`,
			);
		} catch (error) {
			// a fresh database before provisioning has no tables yet: the next tick (or the first suggestion) trains
			const missingTables = /no such table|does not exist|42P01/.test(
				`${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`,
			);
			if (missingTables)
				logger.warn(`[casa-core] category suggestion not trained yet (${when}): the platform is not provisioned`);
			else logger.error(error, `[casa-core] category suggestion training failed (${when})`);
		}
	};
	action('server.start', () => void run('start'));
	const cron = readSettings(env).jobs.suggestionSchedule;
	if (cron !== null) schedule(cron, () => run('schedule'));
});
