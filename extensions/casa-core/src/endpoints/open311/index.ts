// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), mounted at
// /open311/v2. Every route answers in JSON (default, or `.json`) or XML (`.xml`):
//   GET  /open311/v2/discovery            service discovery
//   GET  /open311/v2/services             categories as services (fr, or ar with lang=ar / Accept-Language)
//   GET  /open311/v2/services/:code       service definition (404 if unknown)
//   GET  /open311/v2/requests             service_request_id, service_code, start_date, end_date, status
//   GET  /open311/v2/requests/:id         one request by reference
//   GET  /open311/v2/tokens/:token        intake is synchronous: the token is the reference
//   POST /open311/v2/requests             form-encoded, api_key of an active open311_clients row
// Reads are public: they go to the database with explicit column lists, never
// the citizen's personal data, internal notes or free text. Writes go through
// the shared intake (validation, routing, reference, deadlines, history).
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { type Language, pickLanguage } from '../../domain/i18n/messages';
import { type Open311Error, fromFieldErrors, open311Error } from '../../domain/open311/errors';
import {
	type ComplaintRow,
	type Open311PostParameters,
	REQUEST_COLUMNS,
	intakeBodyFromPost,
	parseRequestsQuery,
	postResponse,
	requestView,
	tokenResponse,
} from '../../domain/open311/requests';
import { discoveryDocument, serviceDefinition, serviceList } from '../../domain/open311/services';
import { type Open311Format, type Open311Root, renderOpen311 } from '../../domain/open311/xml';
import { intakeComplaint } from '../../adapters/intake';
import { requestSchema } from '../../adapters/request-schema';

interface Open311Request {
	method: string;
	path: string;
	params: Record<string, string | undefined>;
	query: Record<string, unknown>;
	body: unknown;
	get(name: string): string | undefined;
	readableEnded?: boolean;
	[Symbol.asyncIterator](): AsyncIterableIterator<Buffer | string>;
}

interface Open311Response {
	status(code: number): Open311Response;
	set(name: string, value: string): Open311Response;
	send(body: string): void;
}

/** A failure with its Open311 errors and HTTP status. */
class Open311Failure extends Error {
	constructor(
		readonly status: number,
		readonly errors: Open311Error[],
	) {
		super(errors.map((error) => error.description).join(' '));
	}
}

/** Width of intake_requests.key: the scoped key `open311:<client id>:<Idempotency-Key>` must fit. */
/** Form bodies: a description of 5,000 Arabic characters percent-encoded is about 30 kB. */
const MAX_FORM_BYTES = 256 * 1024;

const FORMAT = '(?:\\.(json|xml))?';
const route = (path: string) => new RegExp(`^/v2/${path}${FORMAT}/?$`);

function formatOf(req: Open311Request, index: number): Open311Format {
	return req.params[index] === 'xml' ? 'xml' : 'json';
}

/** The format a path asks for, for routes that matched nothing. */
function formatOfPath(path: string): Open311Format {
	return /\.xml\/?$/i.test(path) ? 'xml' : 'json';
}

function text(value: unknown): string | undefined {
	if (Array.isArray(value)) return text(value[0]);
	return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function languageOf(req: Open311Request, form?: Open311PostParameters): Language {
	return pickLanguage(form?.lang, text(req.query.lang), req.get('accept-language'));
}

function send(res: Open311Response, format: Open311Format, status: number, root: Open311Root, value: object) {
	const { contentType, body } = renderOpen311(format, root, value);
	res.status(status).set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
}

function sendErrors(res: Open311Response, format: Open311Format, status: number, errors: Open311Error[]) {
	const { contentType, body } = renderOpen311(format, 'errors', errors);
	res.status(status).set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
}

/** The form of a POST: urlencoded (read here: Directus parses only JSON bodies), or JSON already parsed. */
async function readForm(req: Open311Request, language: Language): Promise<Open311PostParameters> {
	const type = (req.get('content-type') ?? '').toLowerCase();
	const parameters: Open311PostParameters = {};
	if (type.startsWith('application/json')) {
		if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
			for (const [key, value] of Object.entries(req.body as Record<string, unknown>)) {
				const asText = text(value);
				if (asText !== undefined) parameters[key] = asText;
			}
		}
		return parameters;
	}
	if (type && !type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('text/plain')) throw new Open311Failure(400, [open311Error(400, language, 'invalid_body')]);
	if (req.readableEnded) return parameters;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		size += buffer.length;
		if (size > MAX_FORM_BYTES) throw new Open311Failure(400, [open311Error(400, language, 'invalid_body')]);
		chunks.push(buffer);
	}
	for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
		if (!(key in parameters)) parameters[key] = value;
	}
	return parameters;
}

function bool(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}

/** Directus errors (one or a list, as the intake throws them) → Open311 errors; null for unexpected failures. */
function asOpen311Failure(error: unknown): Open311Failure | null {
	if (error instanceof Open311Failure) return error;
	const list = Array.isArray(error) ? error : [error];
	const known = list.filter((item): item is { status: number; message: string; extensions?: { field?: unknown } } => {
		const status = (item as { status?: unknown } | null)?.status;
		return typeof status === 'number' && status >= 400 && status < 500;
	});
	if (known.length === 0 || known.length !== list.length) return null;
	const errors = known.flatMap((item) => fromFieldErrors([item], item.status));
	return new Open311Failure(errors[0].code, errors);
}

export default defineEndpoint({
	id: 'open311',
	handler: (router, { services, database, getSchema, env, logger }) => {
		type Handler = (req: Open311Request, res: Open311Response, format: Open311Format) => Promise<void>;

		/** Runs a route; whatever fails is answered as Open311 errors in the asked format and language. */
		function handle(formatIndex: number, handler: Handler) {
			return async (rawReq: unknown, rawRes: unknown) => {
				const req = rawReq as Open311Request;
				const res = rawRes as Open311Response;
				const format = formatOf(req, formatIndex);
				try {
					await handler(req, res, format);
				} catch (error) {
					const failure = asOpen311Failure(error);
					if (failure) return sendErrors(res, format, failure.status, failure.errors);
					logger.error(error, '[open311] unexpected failure');
					sendErrors(res, format, 500, [open311Error(500, languageOf(req), 'server_error')]);
				}
			};
		}

		const requestsQuery = (knex: Knex) =>
			knex('complaints')
				.leftJoin('categories', 'categories.code', 'complaints.category')
				.leftJoin('services', 'services.code', 'complaints.service')
				.select(
					...REQUEST_COLUMNS.map((column) => `complaints.${column}`),
					'categories.name_fr as category_name_fr',
					'categories.name_ar as category_name_ar',
					'categories.resolve_in as resolve_in',
					'categories.resolve_unit as resolve_unit',
					'services.name_fr as service_name_fr',
					'services.name_ar as service_name_ar',
				);

		async function findByReference(reference: string): Promise<ComplaintRow | undefined> {
			return (await requestsQuery(database).where('complaints.reference', reference.trim().toUpperCase()).first()) as ComplaintRow | undefined;
		}

		router.get(
			route('discovery'),
			handle(0, async (req, res, format) => {
				const document = discoveryDocument({ publicUrl: String(env.PUBLIC_URL ?? ''), production: env.CASA_ENV === 'production', language: languageOf(req) });
				send(res, format, 200, 'discovery', document);
			}),
		);

		router.get(
			route('services'),
			handle(0, async (req, res, format) => {
				const [serviceRows, categoryRows] = await Promise.all([
					database('services').select('code', 'name_fr', 'name_ar').where({ active: true }).orderBy('sort').orderBy('code'),
					database('categories').select('code', 'service', 'name_fr', 'name_ar', 'keywords', 'resolve_in', 'resolve_unit').where({ active: true }).orderBy('sort').orderBy('code'),
				]);
				send(res, format, 200, 'services', serviceList(serviceRows, categoryRows, languageOf(req)));
			}),
		);

		router.get(
			route('services/([^/]+?)'),
			handle(1, async (req, res, format) => {
				const code = String(req.params[0] ?? '');
				const row = await database('categories')
					.join('services', 'services.code', 'categories.service')
					.select('categories.code', 'categories.active', 'services.active as service_active')
					.where('categories.code', code)
					.first();
				if (!row || !bool(row.active) || !bool(row.service_active)) throw new Open311Failure(404, [open311Error(404, languageOf(req), 'service_not_found', code)]);
				send(res, format, 200, 'service_definition', serviceDefinition(row));
			}),
		);

		router.get(
			route('requests'),
			handle(0, async (req, res, format) => {
				const language = languageOf(req);
				const parsed = parseRequestsQuery(req.query, language, new Date());
				if (!parsed.ok) throw new Open311Failure(400, parsed.errors);
				const query = parsed.value;
				const rows = requestsQuery(database);
				if (query.references) rows.whereIn('complaints.reference', query.references);
				else {
					rows.whereBetween('complaints.received_at', [query.start!, query.end!]);
					if (query.serviceCodes) rows.whereIn('complaints.category', query.serviceCodes);
					if (query.statuses) rows.whereIn('complaints.status', query.statuses as string[]);
				}
				const found = (await rows.orderBy('complaints.received_at', 'desc').orderBy('complaints.reference', 'desc').limit(query.limit)) as ComplaintRow[];
				send(res, format, 200, 'service_requests', found.map((row) => requestView(row, language)));
			}),
		);

		router.get(
			route('requests/([^/]+?)'),
			handle(1, async (req, res, format) => {
				const language = languageOf(req);
				const reference = String(req.params[0] ?? '');
				const row = await findByReference(reference);
				if (!row) throw new Open311Failure(404, [open311Error(404, language, 'request_not_found', reference)]);
				send(res, format, 200, 'service_requests', [requestView(row, language)]);
			}),
		);

		router.get(
			route('tokens/([^/]+?)'),
			handle(1, async (req, res, format) => {
				const token = String(req.params[0] ?? '');
				const row = await database('complaints').select('reference').where('reference', token.trim().toUpperCase()).first();
				if (!row) throw new Open311Failure(404, [open311Error(404, languageOf(req), 'token_not_found', token)]);
				send(res, format, 200, 'service_requests', tokenResponse(token, row.reference));
			}),
		);

		router.post(
			route('requests'),
			handle(0, async (req, res, format) => {
				let language = languageOf(req);
				const form = await readForm(req, language);
				language = languageOf(req, form);

				const apiKey = form.api_key?.trim();
				if (!apiKey) throw new Open311Failure(400, [open311Error(400, language, 'api_key_missing')]);
				const client = await database('open311_clients').select('id', 'active').where({ api_key: apiKey }).first();
				if (!client || !bool(client.active)) throw new Open311Failure(403, [open311Error(403, language, 'api_key_invalid')]);

				const source = `open311:${client.id}`;
				const idempotencyKey = req.get('idempotency-key')?.trim() || null;

				const { body, errors } = intakeBodyFromPost(form);
				const result = await intakeComplaint(
					{ ItemsService: services.ItemsService, schema: await requestSchema(req, getSchema), database, secret: String(env.SECRET), publicUrl: String(env.PUBLIC_URL ?? '') },
					{ body, channel: 'open311', language, idempotencyKey, source, earlierErrors: errors },
				);
				send(res, format, 200, 'service_requests', postResponse(result, form.account_id, language));
			}),
		);

		// anything else below /v2 answers as Open311 does, in the asked format
		router.all(/^\/v2(?:\/.*)?$/, (rawReq: unknown, rawRes: unknown) => {
			const req = rawReq as Open311Request;
			sendErrors(rawRes as Open311Response, formatOfPath(req.path), 404, [open311Error(404, languageOf(req), 'route_not_found')]);
		});
	},
});
