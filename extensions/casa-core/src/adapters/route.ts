// The endpoints' async route: a handler's rejection goes to Express's `next`,
// where Directus's error handler (and hooks/service-unavailable before it)
// answers it. The portal and chat endpoints wrap it with their body checks.
import type { Response } from 'express';

export function asyncRoute<R>(handler: (request: R, res: Response) => Promise<void>) {
	return (req: unknown, res: Response, next: (error: unknown) => void): void => {
		handler(req as R, res).catch(next);
	};
}
