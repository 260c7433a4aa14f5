// Flow operation "sla-sweep" (server side). The platform's flow "Suivi des
// délais (SLA)" runs it every 5 minutes (scripts/provision/flows.ts); a
// schedule calls operations without accountability, and the sweep needs none:
// it works on the database directly, in one transaction (adapters/sla/sla-sweep.ts).
//
// Options (flow editor): at_risk_share, raise_priority, legal_warning_days.
// One more, not shown in the editor: `now` (ISO instant, empty = the current
// time), for tests and replays, e.g. `{{$trigger.body.now}}` in a manual flow.
import { defineOperationApi } from '@directus/extensions-sdk';
import { readSweepOptions } from '../../domain/sla/sweep';
import { runSlaSweep } from '../../adapters/sla/sla-sweep';
import { readSettings } from '../../config/settings';

export default defineOperationApi<Record<string, unknown>>({
	id: 'sla-sweep',
	handler: async (rawOptions, { database, env, logger }) => {
		try {
			const options = readSweepOptions(rawOptions);
			const result = await runSlaSweep({
				database,
				now: options.now ?? new Date(),
				options,
				publicUrl: readSettings(env).platform.publicUrl,
			});
			const { at_risk: atRisk, breached, legal } = result.escalations;
			if (result.skipped) logger.info('[casa-core] SLA sweep skipped: another sweep holds the lock');
			else if (atRisk + breached + legal + result.changed + result.recalibrated > 0)
				logger.info(
					`[casa-core] SLA sweep: ${result.changed} state changes, escalations ${atRisk} at risk / ${breached} breached / ${legal} legal ceiling, ${result.notifications} notifications, ${result.emails} e-mails, ${result.recalibrated} recalibrated (${result.statements} statements)`,
				);
			return result;
		} catch (error) {
			// a schedule has no reject path: say it in the log, then fail the run
			logger.error(error, '[casa-core] SLA sweep failed');
			throw error;
		}
	},
});
