// The public surface's guards that must run before Directus's own middleware
// (init `middlewares.before`: before its request logger and its JSON parser),
// and the hygiene of every text written through Directus:
//   - JSON bodies of the public routes (/portal, /chat, /open311) are parsed
//     here with the project's limits, strict UTF-8 and a shape check (a body
//     nested 100,000 deep is refused, never recursed into); a body that cannot
//     be read is handed to the route as `casaBodyProblem`, which answers a 4xx
//     in the caller's language. The raw bytes stay on `rawBody` (WhatsApp's
//     signature is computed over them).
//   - a tracking secret put in a query string (?secret=) is cut out of the URL
//     before anything logs it; the route then refuses the request.
//   - every create and update of items passes its strings through the domain
//     text-sanitiser (NUL, control and bidi override characters removed), so
//     the admin app, REST, GraphQL and the desk store clean text too.
//   - Directus's own CSV exports (the admin app's "Export", ?export=csv)
//     neutralise formula-looking cells with the same helper as the reports.
import { defineHook } from '@directus/extensions-sdk';
import type { NextFunction, Request, Response } from 'express';
import { BodyProblem, readJsonBody } from '../../adapters/body';
import { neutraliseCsvRecord } from '../../domain/text/csv-cell';
import { cleanDeep } from '../../domain/text/sanitize';

const PUBLIC_JSON: { prefix: string; maxBytes: number; maxDepth: number }[] = [
	{ prefix: '/portal/', maxBytes: 256 * 1024, maxDepth: 6 },
	{ prefix: '/open311/', maxBytes: 256 * 1024, maxDepth: 6 },
	// Meta batches several messages in one webhook call, nested about ten deep
	{ prefix: '/chat/', maxBytes: 1024 * 1024, maxDepth: 16 },
];
const SHAPE = { maxEntries: 2000, maxString: 20_000 };
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

type PublicRequest = Request & {
	casaBodyProblem?: BodyProblem;
	casaSecretInUrl?: boolean;
	rawBody?: Buffer;
	_body?: boolean;
};

/** The URL without its `secret` query parameters, or null when it has none. */
export function withoutSecret(url: string): string | null {
	const question = url.indexOf('?');
	if (question === -1) return null;
	const query = url.slice(question + 1);
	const kept = query.split('&').filter((pair) => {
		const name = pair.split('=')[0];
		try {
			return decodeURIComponent(name.replace(/\+/g, ' ')).trim().toLowerCase() !== 'secret';
		} catch {
			return true;
		}
	});
	if (kept.length === query.split('&').length) return null;
	return kept.length > 0 ? `${url.slice(0, question)}?${kept.join('&')}` : url.slice(0, question);
}

export function publicSurfaceMiddleware() {
	return (req: PublicRequest, _res: Response, next: NextFunction) => {
		const path = req.url.split('?')[0];
		const area = PUBLIC_JSON.find((candidate) => path.startsWith(candidate.prefix));
		if (!area) return next();
		const stripped = withoutSecret(req.url);
		if (stripped !== null) {
			// the request logger reads originalUrl
			req.url = stripped;
			req.originalUrl = stripped;
			req.casaSecretInUrl = true;
		}
		const type = String(req.headers['content-type'] ?? '');
		if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) || !JSON_TYPE.test(type)) return next();
		// body-parser skips a request already read (`_body`): Directus's express.json leaves this one to us
		req._body = true;
		readJsonBody(req as never, { ...SHAPE, maxBytes: area.maxBytes, maxDepth: area.maxDepth }).then(
			({ value, bytes }) => {
				req.body = value;
				req.rawBody = bytes;
				next();
			},
			(error: unknown) => {
				req.body = undefined;
				if ((error as { bytes?: Buffer }).bytes) req.rawBody = (error as { bytes: Buffer }).bytes;
				req.casaBodyProblem = error instanceof BodyProblem ? error : new BodyProblem(400, 'truncated');
				next();
			},
		);
	};
}

export default defineHook(({ init, filter }, { services, logger }) => {
	init('middlewares.before', ({ app }) => {
		app.use(publicSurfaceMiddleware());
	});

	// text hygiene for every write of items (global filters run before the collection's own)
	for (const event of ['items.create', 'items.update']) {
		filter(event, (payload) => cleanDeep(payload));
	}

	// Directus's CSV exports: one shared rule with the reports (domain/text/csv-cell.ts)
	const ExportService = (
		services as {
			ExportService?: { prototype: { transform: (input: unknown, format: string, options?: unknown) => string } };
		}
	).ExportService;
	if (
		ExportService?.prototype?.transform &&
		!(ExportService.prototype.transform as { casaNeutralised?: boolean }).casaNeutralised
	) {
		const original = ExportService.prototype.transform;
		const transform = function (this: unknown, input: unknown, format: string, options?: unknown) {
			return original.call(
				this,
				typeof format === 'string' && format.startsWith('csv') ? neutraliseCsvRecord(input) : input,
				format,
				options,
			);
		};
		(transform as { casaNeutralised?: boolean }).casaNeutralised = true;
		ExportService.prototype.transform = transform;
	} else if (!ExportService)
		logger.warn('[casa-core] ExportService not found: Directus CSV exports are not neutralised');
});
