// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), mounted at
// /open311/v2. Every route answers in JSON (default, or `.json`) or XML (`.xml`):
//   GET  /open311/v2/discovery            service discovery
//   GET  /open311/v2/services             categories as services (fr, or ar with lang=ar / Accept-Language)
//   GET  /open311/v2/services/:code       service definition (404 if unknown)
//   GET  /open311/v2/requests             service_request_id, service_code, start_date, end_date, status
//   GET  /open311/v2/requests/:id         one request by reference
//   GET  /open311/v2/tokens/:token        intake is synchronous: the token is the reference
//   GET  /open311/v2/media/:reference     the first photo of a request, once an agent made photos publishable
//   POST /open311/v2/requests             form-encoded, api_key of an active open311_clients row (403 without),
//                                         attribute[code] answers, per-client rate and daily quota (429, Retry-After)
// Reads are public: they go to the database with explicit column lists, never
// the citizen's personal data or internal notes; the free text and photos
// only once marked publishable. Writes go through the shared intake
// (validation, routing, reference, deadlines, history). Bodies are read with
// limits and strict UTF-8 (adapters/body.ts): nothing a client sends can stop
// the process.
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
import { answersFromParameters, open311Attributes, readAttributeDefinitions } from '../../domain/intake/attributes';
import { clientLimits, quotaDay } from '../../domain/open311/quota';
import { translate } from '../../domain/i18n/messages';
import { intakeComplaint } from '../../adapters/intake';
import { requestSchema } from '../../adapters/request-schema';
import { BodyProblem, discardRest, parseUrlencoded, readRawBody } from '../../adapters/body';
import { attempt, createLimiter, limiterFactory } from '../../adapters/rate-limit';
import { readSettings } from '../../config/settings';
import { RETRY_AFTER_SECONDS, unavailableService } from '../../adapters/service-unavailable';

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
	headersSent?: boolean;
}

/** A failure with its Open311 errors and HTTP status (and, for 429, when to come back). */
class Open311Failure extends Error {
	constructor(
		readonly status: number,
		readonly errors: Open311Error[],
		readonly retryAfterSeconds?: number,
	) {
		super(errors.map((error) => error.description).join(' '));
	}
}

const surfaceMessage = (language: Language, key: string, values: Record<string, unknown> = {}) =>
	translate(language, `surface.${key}`, values);

/** A body problem (adapters/body.ts) as Open311 errors. */
function bodyFailure(problem: BodyProblem, language: Language): Open311Failure {
	return new Open311Failure(problem.status, [
		{
			code: problem.status,
			description: surfaceMessage(language, `body.${problem.key}`, {
				type: 'application/x-www-form-urlencoded',
				...problem.values,
			}),
		},
	]);
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

/** A query or body value as text; lists give their first item (never recursing: ?a[][][]… cannot overflow the stack). */
function text(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string'
		? first
		: typeof first === 'number' || typeof first === 'boolean'
			? String(first)
			: undefined;
}

function languageOf(req: Open311Request, form?: Open311PostParameters): Language {
	return pickLanguage(form?.lang, text(req.query?.lang), req.get('accept-language'));
}

function send(res: Open311Response, format: Open311Format, status: number, root: Open311Root, value: object) {
	const { contentType, body } = renderOpen311(format, root, value);
	res.status(status).set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
}

function sendErrors(
	res: Open311Response,
	format: Open311Format,
	status: number,
	errors: Open311Error[],
	retryAfterSeconds?: number,
) {
	const { contentType, body } = renderOpen311(format, 'errors', errors);
	if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
	res.status(status).set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
}

interface PostForm {
	parameters: Open311PostParameters;
	/** attribute[code] answers */
	attributes: Record<string, string | string[]>;
}

/** A JSON body (parsed by the public-surface hook with its limits) as name/value pairs; attribute may be an object. */
function jsonPairs(body: unknown): [string, string][] {
	const pairs: [string, string][] = [];
	if (!body || typeof body !== 'object' || Array.isArray(body)) return pairs;
	for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
		if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
			for (const [code, answer] of Object.entries(value as Record<string, unknown>)) {
				if (Array.isArray(answer)) for (const item of answer) pairs.push([`attribute[${code}][]`, text(item) ?? '']);
				else pairs.push([`attribute[${code}]`, text(answer) ?? '']);
			}
		} else if (Array.isArray(value)) for (const item of value) pairs.push([key, text(item) ?? '']);
		else {
			const asText = text(value);
			if (asText !== undefined) pairs.push([key, asText]);
		}
	}
	return pairs;
}

/** The form of a POST: urlencoded (read here, strictly, with a size limit), or JSON already parsed by the public-surface hook. */
async function readForm(req: Open311Request, language: Language): Promise<PostForm> {
	const problem = (req as { casaBodyProblem?: BodyProblem }).casaBodyProblem;
	if (problem) throw bodyFailure(problem, language);
	const type = (req.get('content-type') ?? '').toLowerCase();
	let pairs: [string, string][];
	if (type.startsWith('application/json')) pairs = jsonPairs(req.body);
	else if (type && !type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('text/plain'))
		throw new Open311Failure(400, [open311Error(400, language, 'invalid_body')]);
	else {
		try {
			pairs = parseUrlencoded(await readRawBody(req as never, MAX_FORM_BYTES));
		} catch (error) {
			if (error instanceof BodyProblem) throw bodyFailure(error, language);
			throw error;
		}
	}
	const { answers, rest } = answersFromParameters(pairs);
	const parameters: Open311PostParameters = Object.create(null);
	for (const [key, value] of rest) if (!(key in parameters)) parameters[key] = value;
	return { parameters, attributes: answers };
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

/**
 * Service codes, request ids and tokens are short codes: anything else (NUL
 * bytes, controls, any script) cannot name one, and never reaches the database
 * (PostgreSQL refuses a NUL in a text parameter with an error).
 */
const LOOKUP_KEY = /^[A-Za-z0-9_.-]{1,64}$/;
const shownKey = (value: string) => value.replace(/[^A-Za-z0-9_.-]/g, '?').slice(0, 64);

export default defineEndpoint({
	id: 'open311',
	handler: (router, { services, database, getSchema, env, logger }) => {
		const config = readSettings(env);
		const limiterFor = limiterFactory(config.redis.url);
		// unknown or missing keys, per address: guessing keys is slowed down
		const keyFailures = createLimiter(config.redis.url, config.rateLimits.open311KeyFailures);
		const publicUrl = () => config.platform.publicUrl.replace(/\/+$/, '');
		const mediaUrl = (reference: string) => `${publicUrl()}/open311/v2/media/${encodeURIComponent(reference)}`;
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
					// refused before its body was read (an unsupported type): drained first, so the answer reaches the client
					await discardRest(req as never);
					if (res.headersSent) return;
					const failure = asOpen311Failure(error);
					if (failure) return sendErrors(res, format, failure.status, failure.errors, failure.retryAfterSeconds);
					// the database or Redis gone for a moment: a transient 503 with Retry-After, as on every other route
					const service = (Array.isArray(error) ? error : [error])
						.map((entry) => unavailableService(entry))
						.find(Boolean);
					if (service) {
						logger.warn(
							`[open311] ${req.method} ${req.path}: ${service} unavailable (${(error as Error)?.message ?? error})`,
						);
						const language = languageOf(req);
						return sendErrors(
							res,
							format,
							503,
							[{ code: 503, description: translate(language, `platform.unavailable.${service}`) }],
							RETRY_AFTER_SECONDS,
						);
					}
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
					// photos are counted only where they are publishable
					knex.raw(
						'(CASE WHEN complaints.photos_public = ? THEN (SELECT COUNT(*) FROM complaint_files WHERE complaint_files.complaints_id = complaints.id AND complaint_files.kind = ?) ELSE 0 END) AS photo_count',
						[true, 'photo'],
					),
					'categories.name_fr as category_name_fr',
					'categories.name_ar as category_name_ar',
					'categories.resolve_in as resolve_in',
					'categories.resolve_unit as resolve_unit',
					'services.name_fr as service_name_fr',
					'services.name_ar as service_name_ar',
				);

		async function findByReference(reference: string): Promise<ComplaintRow | undefined> {
			return (await requestsQuery(database).where('complaints.reference', reference.trim().toUpperCase()).first()) as
				ComplaintRow | undefined;
		}

		router.get(
			route('discovery'),
			handle(0, async (req, res, format) => {
				const document = discoveryDocument({
					publicUrl: config.platform.publicUrl,
					production: config.platform.mode === 'production',
					language: languageOf(req),
				});
				send(res, format, 200, 'discovery', document);
			}),
		);

		router.get(
			route('services'),
			handle(0, async (req, res, format) => {
				const language = languageOf(req);
				const [serviceRows, categoryRows] = await Promise.all([
					database('services')
						.select('code', 'name_fr', 'name_ar')
						.where({ active: true })
						.orderBy('sort')
						.orderBy('code'),
					database('categories')
						.select('code', 'service', 'name_fr', 'name_ar', 'keywords', 'resolve_in', 'resolve_unit', 'attributes')
						.where({ active: true })
						.orderBy('sort')
						.orderBy('code'),
				]);
				const attributes = new Map(
					categoryRows.map((row) => [row.code, open311Attributes(readAttributeDefinitions(row.attributes), language)]),
				);
				send(res, format, 200, 'services', serviceList(serviceRows, categoryRows, language, attributes));
			}),
		);

		router.get(
			route('services/([^/]+?)'),
			handle(1, async (req, res, format) => {
				const code = String(req.params[0] ?? '');
				if (!LOOKUP_KEY.test(code))
					throw new Open311Failure(404, [open311Error(404, languageOf(req), 'service_not_found', shownKey(code))]);
				const row = await database('categories')
					.join('services', 'services.code', 'categories.service')
					.select('categories.code', 'categories.active', 'categories.attributes', 'services.active as service_active')
					.where('categories.code', code)
					.first();
				if (!row || !bool(row.active) || !bool(row.service_active))
					throw new Open311Failure(404, [open311Error(404, languageOf(req), 'service_not_found', code)]);
				send(
					res,
					format,
					200,
					'service_definition',
					serviceDefinition(row, open311Attributes(readAttributeDefinitions(row.attributes), languageOf(req))),
				);
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
				const found = (await rows
					.orderBy('complaints.received_at', 'desc')
					.orderBy('complaints.reference', 'desc')
					.limit(query.limit)) as ComplaintRow[];
				send(
					res,
					format,
					200,
					'service_requests',
					found.map((row) => requestView(row, language, mediaUrl)),
				);
			}),
		);

		router.get(
			route('requests/([^/]+?)'),
			handle(1, async (req, res, format) => {
				const language = languageOf(req);
				const reference = String(req.params[0] ?? '');
				if (!LOOKUP_KEY.test(reference))
					throw new Open311Failure(404, [open311Error(404, language, 'request_not_found', shownKey(reference))]);
				const row = await findByReference(reference);
				if (!row) throw new Open311Failure(404, [open311Error(404, language, 'request_not_found', reference)]);
				send(res, format, 200, 'service_requests', [requestView(row, language, mediaUrl)]);
			}),
		);

		router.get(
			route('tokens/([^/]+?)'),
			handle(1, async (req, res, format) => {
				const token = String(req.params[0] ?? '');
				if (!LOOKUP_KEY.test(token.trim()))
					throw new Open311Failure(404, [open311Error(404, languageOf(req), 'token_not_found', shownKey(token))]);
				const row = await database('complaints')
					.select('reference')
					.where('reference', token.trim().toUpperCase())
					.first();
				if (!row) throw new Open311Failure(404, [open311Error(404, languageOf(req), 'token_not_found', token)]);
				send(res, format, 200, 'service_requests', tokenResponse(token, row.reference));
			}),
		);

		// the first photo of a request whose photos an agent made publishable (media_url)
		router.get(
			/^\/v2\/media\/([^/]+?)\/?$/,
			handle(-1, async (req, res) => {
				const language = languageOf(req);
				const reference = String(req.params[0] ?? '')
					.trim()
					.toUpperCase();
				if (!LOOKUP_KEY.test(reference))
					throw new Open311Failure(404, [open311Error(404, language, 'request_not_found', shownKey(reference))]);
				const file = await database('complaints')
					.join('complaint_files', 'complaint_files.complaints_id', 'complaints.id')
					.where('complaints.reference', reference)
					.where('complaints.photos_public', true)
					.where('complaint_files.kind', 'photo')
					.orderBy('complaint_files.id')
					.select('complaint_files.directus_files_id as id')
					.first();
				if (!file?.id) throw new Open311Failure(404, [open311Error(404, language, 'request_not_found', reference)]);
				const assets = new services.AssetsService({
					schema: await requestSchema(req, getSchema),
					accountability: null,
				});
				const { stream, file: meta } = await assets.getAsset(file.id);
				const raw = res as unknown as { setHeader(name: string, value: string): void; status(code: number): unknown };
				raw.setHeader('Content-Type', String(meta.type ?? 'image/jpeg'));
				raw.setHeader('Cache-Control', 'public, max-age=300');
				raw.setHeader('X-Content-Type-Options', 'nosniff');
				await new Promise<void>((resolve, reject) => {
					stream.on('error', reject);
					stream.on('end', resolve);
					stream.pipe(res as never);
				});
			}),
		);

		router.post(
			route('requests'),
			handle(0, async (req, res, format) => {
				let language = languageOf(req);
				const form = await readForm(req, language);
				language = languageOf(req, form.parameters);
				const ip = (req as { ip?: string }).ip ?? '';

				// GeoReport v2: a missing or invalid api_key is a 403
				const apiKey = form.parameters.api_key?.trim();
				const client = apiKey
					? await database('open311_clients')
							.select('id', 'active', 'rate_limit_per_minute', 'daily_quota')
							.where({ api_key: apiKey })
							.first()
					: undefined;
				if (!client || !bool(client.active)) {
					const guess = await attempt(keyFailures, ip);
					if (!guess.allowed)
						throw new Open311Failure(
							429,
							[
								{
									code: 429,
									description: surfaceMessage(language, 'open311.too_many_requests', {
										seconds: guess.retryAfterSeconds,
									}),
								},
							],
							guess.retryAfterSeconds,
						);
					throw new Open311Failure(403, [
						apiKey
							? open311Error(403, language, 'api_key_invalid')
							: { code: 403, description: surfaceMessage(language, 'open311.api_key_missing') },
					]);
				}

				// the client's own rate and daily quota (open311_clients), counted across instances with Redis
				const limits = clientLimits(client);
				const minute = await attempt(limiterFor('OPEN311_MINUTE', limits.perMinute, 60), String(client.id));
				if (!minute.allowed)
					throw new Open311Failure(
						429,
						[
							{
								code: 429,
								description: surfaceMessage(language, 'open311.rate_limited', {
									limit: limits.perMinute,
									seconds: minute.retryAfterSeconds,
								}),
							},
						],
						minute.retryAfterSeconds,
					);
				const today = quotaDay(new Date());
				const daily = await attempt(limiterFor('OPEN311_DAY', limits.perDay, 26 * 3600), `${client.id}:${today.day}`);
				if (!daily.allowed)
					throw new Open311Failure(
						429,
						[{ code: 429, description: surfaceMessage(language, 'open311.quota_exceeded', { limit: limits.perDay }) }],
						today.secondsLeft,
					);

				const source = `open311:${client.id}`;
				const idempotencyKey = req.get('idempotency-key')?.trim() || null;

				const { body, errors } = intakeBodyFromPost(form.parameters);
				const result = await intakeComplaint(
					{
						ItemsService: services.ItemsService,
						schema: await requestSchema(req, getSchema),
						database,
						secret: config.platform.secret,
						publicUrl: config.platform.publicUrl,
					},
					{
						body,
						channel: 'open311',
						language,
						idempotencyKey,
						source,
						earlierErrors: errors,
						attributes: form.attributes,
						attributeField: (code) => `attribute[${code}]`,
					},
				);
				send(res, format, 200, 'service_requests', postResponse(result, form.parameters.account_id, language));
			}),
		);

		// anything else below /v2 answers as Open311 does, in the asked format
		router.all(/^\/v2(?:\/.*)?$/, (rawReq: unknown, rawRes: unknown) => {
			const req = rawReq as Open311Request;
			sendErrors(rawRes as Open311Response, formatOfPath(req.path), 404, [
				open311Error(404, languageOf(req), 'route_not_found'),
			]);
		});
	},
});
