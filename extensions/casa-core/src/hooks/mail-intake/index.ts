// E-mail intake: polls the mailbox (CASA_MAIL_IMAP_*) on CASA_MAIL_POLL_SCHEDULE
// and turns each new message into a complaint (or a reply to one) exactly once
// (adapters/mail). Off when CASA_MAIL_IMAP_HOST is unset. Safe with several
// instances: each message is claimed in the ledger before it is imported.
// Administrators may also ask for a pass now: POST /casa-mail/poll.
import { defineHook } from '@directus/extensions-sdk';
import { ForbiddenError } from '@directus/errors';
import type { Request, Response, NextFunction, Router } from 'express';
import { type FaultPoint, type ImportContext, SimulatedCrash } from '../../adapters/mail/importer';
import { type MailboxConfig, type PollTotals, pollMailbox } from '../../adapters/mail/poll';
import { readSettings } from '../../config/settings';

export default defineHook(({ schedule, init }, { services, database, getSchema, env, logger }) => {
	const { mail, platform } = readSettings(env);
	if (!mail.host) return;
	const mailbox: MailboxConfig = {
		host: mail.host,
		port: mail.port,
		secure: mail.secure,
		user: mail.user,
		password: mail.password,
		mailbox: mail.mailbox,
	};
	const cron = mail.schedule;

	// the integration tests simulate crashes at chosen points; production refuses the switch
	const faultsOn = mail.testFaults && platform.mode !== 'production';
	const faultsFired = new Set<string>();
	const fault = (point: FaultPoint, key: string, requested: string | null) => {
		if (!faultsOn || requested !== point || faultsFired.has(`${point}:${key}`)) return;
		faultsFired.add(`${point}:${key}`);
		throw new SimulatedCrash(`simulated crash at ${point} (${key})`);
	};

	let running: Promise<PollTotals> | null = null;
	const runPass = async (): Promise<PollTotals> => {
		const context: ImportContext = {
			ItemsService: services.ItemsService,
			FilesService: services.FilesService,
			schema: await getSchema(),
			database,
			publicUrl: platform.publicUrl,
			secret: platform.secret,
			fault,
		};
		return pollMailbox(context, mailbox);
	};
	/** One pass at a time in this process; a caller arriving during a pass gets a fresh pass after it. */
	const passAfterCurrent = async (): Promise<PollTotals> => {
		while (running) await running.catch(() => undefined);
		running = runPass();
		try {
			return await running;
		} finally {
			running = null;
		}
	};

	schedule(cron, async () => {
		if (running) return;
		try {
			const totals = await passAfterCurrent();
			const imported = totals.complaint + totals.reply + totals.failed + totals.ignored;
			if (imported > 0)
				logger.info(
					`[casa-core] mail intake: ${totals.complaint} complaints, ${totals.reply} replies, ${totals.ignored} set aside, ${totals.failed} failed`,
				);
		} catch (error) {
			logger.error(error, '[casa-core] mail intake pass failed');
		}
	});

	init('routes.custom.before', (meta) => {
		const app = meta.app as Router;
		app.post('/casa-mail/poll', async (req: Request, res: Response, next: NextFunction) => {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			const accountability = (req as any).accountability;
			if (!accountability?.admin) return next(new ForbiddenError());
			try {
				res.json({ data: await passAfterCurrent() });
			} catch (error) {
				logger.warn(error, '[casa-core] mail intake pass (on request) failed');
				res.status(500).json({
					errors: [
						{
							message: (error as Error).message,
							extensions: { code: error instanceof SimulatedCrash ? 'SIMULATED_CRASH' : 'INTERNAL' },
						},
					],
				});
			}
		});
	});
});
