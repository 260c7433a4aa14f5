// Losing the database or Redis for a moment must neither crash the instance
// nor answer an opaque 500:
// - every route (core and ours) answers a 503 in the caller's language with
//   Retry-After: registered after the custom endpoints and before Directus's
//   own error handler;
// - Directus 12's synchronized schedules (SYNCHRONIZATION_STORE=redis: its own
//   jobs, our outbox worker, flows) leave a rejected promise unhandled when
//   Redis is unreachable for about ten seconds (ioredis MaxRetriesPerRequestError),
//   which ends the Node process: such rejections are logged, any other one
//   still ends it as before.
import { defineHook } from '@directus/extensions-sdk';
import type { NextFunction, Request, Response } from 'express';
import { pickLanguage } from '../../domain/i18n/messages';
import { RETRY_AFTER_SECONDS, unavailableError, unavailableService } from '../../adapters/service-unavailable';
import { boundPgQueries } from '../../adapters/database-bounds';
import { readSettings } from '../../config/settings';

const GUARD = Symbol.for('casa-core.transient-rejection-guard');

export default defineHook(({ init }, { logger, database, env }) => {
	// a frozen PostgreSQL must not hold requests: the client bounds each statement too
	boundPgQueries(database as never, readSettings(env).database.queryTimeoutMs);
	const processWithGuard = process as NodeJS.Process & { [GUARD]?: boolean };
	if (!processWithGuard[GUARD]) {
		processWithGuard[GUARD] = true;
		process.on('unhandledRejection', (reason) => {
			const service = unavailableService(reason);
			if (!service) throw reason; // as without this listener: the process ends
			logger.warn(`[casa-core] ${service} unavailable in a background task: ${(reason as Error)?.message ?? reason}`);
		});
	}

	init('routes.custom.after', ({ app }) => {
		app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
			const service = (Array.isArray(error) ? error : [error]).map((entry) => unavailableService(entry)).find(Boolean);
			if (!service) return next(error);
			logger.warn(
				`[casa-core] ${req.method} ${req.path}: ${service} unavailable (${(error as Error)?.message ?? error})`,
			);
			const body = req.body as { lang?: unknown } | undefined;
			const language = pickLanguage(
				typeof body?.lang === 'string' ? body.lang : undefined,
				typeof req.query.lang === 'string' ? req.query.lang : undefined,
				req.get('accept-language'),
			);
			res.set('Retry-After', String(RETRY_AFTER_SECONDS));
			next(unavailableError(service, language));
		});
	});
});
