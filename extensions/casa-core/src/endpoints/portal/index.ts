// The citizens' API, mounted at /portal/api. Citizens never touch Directus
// collections: every public read and write goes through these routes, with a
// field whitelist, per-IP rate limits and answers in French or Arabic.
//   GET  /portal/api/categories                         (with each category's questions)
//   GET  /portal/api/categories/suggest?text=…&lang=fr|ar  best categories for a free text (code, label, score)
//   GET  /portal/api/embed-check                        may the calling site embed the form? (any origin)
//   POST /portal/api/complaints                         (Idempotency-Key and X-Casa-Device headers)
//   GET  /portal/api/complaints/:reference              (X-Tracking-Secret header; never ?secret=)
//   POST /portal/api/complaints/:reference/support      once per device (X-Casa-Device)
//   POST /portal/api/complaints/:reference/rating       { rating 1–5, comment }, once per complaint
//   POST /portal/api/complaints/:reference/reopen       { reason }
//   POST /portal/api/complaints/:reference/erase        erase my contact details (loi 09-08), once closed
//   GET  /portal/chiffres, /portal/chiffres.csv|json    the city's figures (./figures-routes.ts)
// Bodies: JSON is parsed by the public-surface hook (limits, strict UTF-8,
// shape); multipart here (adapters/body.ts). A body that cannot be read is a
// 4xx in the caller's language and nothing is stored.
import { ForbiddenError, createError } from '@directus/errors';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Response } from 'express';
import { type Language, pickLanguage } from '../../domain/i18n/messages';
import { publicView } from '../../domain/tracking/public-view';
import { toIsoTimestamp } from '../../domain/calendar/instant';
import { InvalidFieldError, invalid, surfaceError } from '../../adapters/errors';
import { intakeComplaint, secretMatches, trackingUrl } from '../../adapters/intake';
import { INTAKE_MARKER } from '../../adapters/intake-marker';
import { type CleanPhoto, cleanPhotos, decodePhotosAtOnce, publicJpeg } from '../../adapters/photos';
import { readSettings } from '../../config/settings';
import { publicPhotos } from '../../adapters/proof-of-closure';
import { isUuid } from '../../domain/workspace/queue-query';
import { BodyProblem, bodyError, discardRest, parseMultipart } from '../../adapters/body';
import { configureUploadBudget } from '../../adapters/upload-budget';
import { portalAttributes, readAttributeDefinitions } from '../../domain/intake/attributes';
import { cleanText } from '../../domain/text/sanitize';
import type { FieldError } from '../../domain/complaint/complaint-plan';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../../domain/intake/image-type';
import { isOpen } from '../../domain/workflow/transitions';
import { translate } from '../../domain/i18n/messages';
import { referenceData } from '../../adapters/platform-context';
import { registerStaticRoutes } from './static-routes';
import { registerFiguresRoutes } from './figures-routes';
import { eraseComplaints } from '../../adapters/privacy/anonymise';
import { erasureVerdict, periodKey, readRetention } from '../../domain/privacy/retention';
import { consume, createLimiter } from '../../adapters/rate-limit';
import { requestSchema } from '../../adapters/request-schema';
import { suggestCategories } from '../../adapters/suggestion/suggest';
import { rankedNearby } from '../../adapters/suggestion/nearby';

interface PortalRequest {
	body: Record<string, unknown> | undefined;
	params: Record<string, string>;
	query: Record<string, unknown>;
	ip: string;
	headers: Record<string, string | undefined>;
	get(name: string): string | undefined;
}

/** Unknown reference and wrong secret give this same answer. */
const NotFoundError = createError(
	'CASA_NOT_FOUND',
	'Réclamation introuvable ou code de suivi incorrect · شكاية غير موجودة أو رمز التتبع غير صحيح',
	404,
);

function languageOf(req: PortalRequest): Language {
	return pickLanguage(
		req.body?.lang as string | undefined,
		req.query.lang as string | undefined,
		req.get('accept-language'),
	);
}

/**
 * Express 4 does not pass a rejected promise to the error handler: forward it.
 * A body the public-surface hook could not read, and a tracking secret put in
 * the address, are refused here for every route, in the caller's language.
 */
function route(handler: (request: PortalRequest, res: Response) => Promise<void>) {
	return (req: unknown, res: Response, next: (error: unknown) => void) => {
		const request = req as PortalRequest & { casaBodyProblem?: BodyProblem; casaSecretInUrl?: boolean };
		const language = () => pickLanguage(request.query.lang as string | undefined, request.get('accept-language'));
		if (request.casaBodyProblem) return next(bodyError(request.casaBodyProblem, language()));
		if (request.casaSecretInUrl) return next(surfaceError(400, 'secret', 'surface.secret.in_url', language()));
		handler(request, res).catch((error) => {
			// refused before its body was read (a limit, a bad device id): drained first, so the answer reaches the client
			void discardRest(request as never).then(() =>
				next(error instanceof BodyProblem ? bodyError(error, language()) : error),
			);
		});
	};
}

const DEVICE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The device a request comes from (X-Casa-Device header, or the device_id
 * field of a form sent without custom headers): its hash, which binds
 * idempotency keys and supports; null when none was sent; throws when malformed.
 */
function deviceOf(request: PortalRequest, body: Record<string, unknown>, language: Language): string | null {
	const raw = request.get('x-casa-device') ?? (typeof body.device_id === 'string' ? body.device_id : undefined);
	if (raw === undefined || raw === '') return null;
	if (!DEVICE.test(raw)) throw surfaceError(400, 'device_id', 'surface.device.invalid', language);
	return createHash('sha256').update(`device:${raw}`).digest('hex').slice(0, 32);
}

/** Multipart limits of the complaint form: 5 photos of 10 MB, 40 text fields (answers included). */
const FORM_LIMITS = {
	fileField: 'photos',
	maxFiles: MAX_PHOTOS,
	maxFileBytes: MAX_PHOTO_BYTES,
	maxFields: 60,
	maxFieldBytes: 20_000,
	maxTotalBytes: MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024,
};

/** A complaint reference's characters (CAS-2026-000123), checked before any query. */
const REFERENCE_SHAPE = /^[A-Z0-9_.-]{1,64}$/;

const ATTRIBUTE_FIELD = /^attribute\[([^\]]*)\](\[\])?$/;

/** The answers of a JSON body ({ attributes: { code: value } }) or of form fields (attribute[code], attribute[code][]). */
function splitAnswers(
	body: Record<string, unknown>,
	entries: [string, string][] | null,
): { body: Record<string, unknown>; answers: Record<string, unknown> } {
	const rest: Record<string, unknown> = {};
	const answers: Record<string, unknown> = Object.create(null);
	for (const [key, value] of Object.entries(body))
		if (key !== 'attributes' && !ATTRIBUTE_FIELD.test(key)) rest[key] = value;
	if (body.attributes && typeof body.attributes === 'object' && !Array.isArray(body.attributes))
		Object.assign(answers, body.attributes);
	else if (body.attributes !== undefined) answers[''] = body.attributes;
	for (const [name, value] of entries ?? []) {
		const match = ATTRIBUTE_FIELD.exec(name);
		if (!match) continue;
		const current = answers[match[1]];
		answers[match[1]] =
			match[2] || current !== undefined
				? [...(current === undefined ? [] : Array.isArray(current) ? current : [current]), value]
				: value;
	}
	return { body: rest, answers };
}

export default defineEndpoint({
	id: 'portal',
	handler: (router, { services, database, getSchema, env, logger }) => {
		// the citizens' web app (dist/portal, built by scripts/build-portal.mjs): /portal/ and /portal/suivi/<reference>
		registerStaticRoutes(router, fileURLToPath(new URL('./portal/', import.meta.url)));
		const config = readSettings(env);
		const { publicUrl, secret } = config.platform;
		decodePhotosAtOnce(config.uploads.photoDecodeConcurrency);
		configureUploadBudget(config.uploads);
		registerFiguresRoutes(router as never, database as never, config);
		const intakeLimiter = createLimiter(config.redis.url, config.rateLimits.intake);
		const trackingLimiter = createLimiter(config.redis.url, config.rateLimits.tracking);

		router.get(
			'/api/categories',
			route(async (_request, res) => {
				const [serviceRows, categoryRows] = await Promise.all([
					database('services')
						.select('code', 'name_fr', 'name_ar', 'icon', 'color', 'sort')
						.where({ active: true })
						.orderBy('sort'),
					database('categories')
						.select('code', 'service', 'name_fr', 'name_ar', 'keywords', 'sort', 'attributes')
						.where({ active: true })
						.orderBy('sort'),
				]);
				const categories = categoryRows.map(({ attributes, ...category }) => ({
					...category,
					attributes: portalAttributes(readAttributeDefinitions(attributes)),
				}));
				res.json({
					data: serviceRows.map((service) => ({
						...service,
						categories: categories.filter((category) => category.service === service.code),
					})),
				});
			}),
		);

		// category suggestion as the citizen types (domain/suggestion): best categories with their label in the asked language
		const suggestLimiter = createLimiter(config.redis.url, config.rateLimits.suggest);
		router.get(
			'/api/categories/suggest',
			route(async (request, res) => {
				await consume(suggestLimiter, request.ip);
				const language = languageOf(request);
				const text = typeof request.query.text === 'string' ? request.query.text.slice(0, 600) : '';
				const limit = Math.min(Math.max(Number(request.query.limit) || 3, 1), 5);
				if (!text.trim()) return void res.json({ data: [] });
				res.json({ data: await suggestCategories(database, text, language, limit) });
			}),
		);

		// the embedded form asks first whether the site it runs on may embed it (answered to any origin:
		// it says nothing but yes or no), so the citizen reads why instead of "check your connection"
		const embedOrigins = new Set(
			[publicUrl, ...config.portal.embedOrigins].map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean),
		);
		const reportedOrigins = new Map<string, number>();
		router.get(
			'/api/embed-check',
			route(async (request, res) => {
				const origin = request.get('origin') ?? null;
				const allowed = !origin || embedOrigins.has(origin);
				if (!allowed) {
					// once an hour per origin: the administrator sees which site tried, the log is not flooded
					const last = reportedOrigins.get(origin) ?? 0;
					if (Date.now() - last > 3_600_000 && reportedOrigins.size < 1000) {
						reportedOrigins.set(origin, Date.now());
						logger.warn(
							`[casa-core] the citizens' form is embedded on ${JSON.stringify(origin.slice(0, 200))}, which is not in PORTAL_EMBED_ORIGINS: its visitors are told the site is not allowed`,
						);
					}
				}
				res.set('Access-Control-Allow-Origin', '*');
				res.set('Cache-Control', 'no-store');
				res.json({ data: { allowed, origin } });
			}),
		);

		async function retentionNotice(): Promise<Record<Language, string>> {
			const { contactDays } = readRetention(await database('platform_settings').first());
			const period = periodKey(contactDays);
			const sentence = (language: Language) =>
				translate(language, 'privacy.retention_notice', { period: translate(language, period.key, period.values) });
			return { fr: sentence('fr'), ar: sentence('ar') };
		}

		router.get(
			'/api/config',
			route(async (_request, res) => {
				const { settings } = await referenceData(database);
				res.json({
					data: {
						tileUrl: config.portal.tileUrl,
						tileAttribution: config.portal.tileAttribution,
						center: [33.5731, -7.5898],
						zoom: 12,
						maxPhotos: MAX_PHOTOS,
						maxPhotoBytes: MAX_PHOTO_BYTES,
						reopenPeriodDays: settings.reopenPeriodDays,
						duplicateRadiusM: settings.duplicateRadiusM,
						// loi 09-08 notice: the real retention period from the settings, in both languages
						retentionNotice: await retentionNotice(),
					},
				});
			}),
		);

		router.get(
			'/api/arrondissements',
			route(async (_request, res) => {
				const rows = await database('arrondissements')
					.select('code', 'name_fr', 'name_ar', 'prefecture', 'boundary')
					.orderBy('code');
				res.set('Cache-Control', 'public, max-age=3600');
				res.json({
					data: rows.map((row) => ({
						...row,
						boundary: typeof row.boundary === 'string' ? JSON.parse(row.boundary) : row.boundary,
					})),
				});
			}),
		);

		// open complaints nearby that may be the same problem, ranked by meaning and place (domain/suggestion/duplicates.ts):
		// the citizen may follow one instead of filing a duplicate; descriptions are never shown, only used to rank
		router.get(
			'/api/nearby',
			route(async (request, res) => {
				await consume(trackingLimiter, request.ip);
				const language = languageOf(request);
				const lat = Number(request.query.lat);
				const lng = Number(request.query.lng);
				const category = String(request.query.category ?? '');
				const text = typeof request.query.text === 'string' ? request.query.text.slice(0, 2000) : '';
				if (!Number.isFinite(lat) || !Number.isFinite(lng)) throw invalid('latitude', 'field.coordinates', language);
				const { settings } = await referenceData(database);
				const ranked = await rankedNearby(database, {
					lat,
					lng,
					category,
					text,
					radiusM: settings.duplicateRadiusM,
					periodDays: settings.duplicatePeriodDays,
				});
				const nearby = ranked.map(({ item }) => ({
					reference: item.reference,
					status_label: translate(language, `status.${item.status}`),
					category: language === 'ar' ? item.name_ar : item.name_fr,
					distance_m: Math.round(item.distanceM),
					received_at: toIsoTimestamp(item.received_at),
					supporters: Number(item.supporters_count ?? 0),
				}));
				res.json({ data: nearby });
			}),
		);

		// once per device and complaint: the pair is a row of intake_requests (its primary key is unique), then the count moves
		router.post(
			'/api/complaints/:reference/support',
			route(async (request, res) => {
				await consume(intakeLimiter, request.ip);
				const language = languageOf(request);
				const device = deviceOf(request, request.body ?? {}, language);
				if (!device) throw surfaceError(400, 'device_id', 'surface.device.required', language);
				const reference = String(request.params.reference ?? '').toUpperCase();
				const row = REFERENCE_SHAPE.test(reference)
					? await database('complaints').select('id', 'status').where({ reference }).first()
					: undefined;
				if (!row || !isOpen(row.status)) throw new NotFoundError();
				let counted = false;
				try {
					await database('intake_requests').insert({
						key: `support:${device}:${row.id}`,
						complaint: row.id,
						source: 'support',
						date_created: new Date(),
					});
					counted = true;
				} catch (error) {
					// the same device again (or twice at once): the unique key refuses the second row
					const exists = await database('intake_requests')
						.select('key')
						.where({ key: `support:${device}:${row.id}` })
						.first();
					if (!exists) throw error;
				}
				if (counted) await database('complaints').where({ id: row.id }).increment('supporters_count', 1);
				const updated = await database('complaints').select('supporters_count').where({ id: row.id }).first();
				res.json({ data: { reference, supporters: Number(updated.supporters_count), already: !counted } });
			}),
		);

		router.post(
			'/api/complaints',
			route(async (request, res) => {
				await consume(intakeLimiter, request.ip);
				const type = String(request.get('content-type') ?? '').toLowerCase();
				let raw: Record<string, unknown> = { ...(request.body ?? {}) };
				let entries: [string, string][] | null = null;
				let photos: CleanPhoto[] = [];
				const earlierErrors: FieldError[] = [];
				if (type.startsWith('multipart/form-data')) {
					const parsed = await parseMultipart(request as never, FORM_LIMITS);
					raw = { ...parsed.fields };
					entries = parsed.entries;
					earlierErrors.push(...parsed.errors);
					photos = await cleanPhotos(parsed.files, earlierErrors);
				} else if (type && !type.startsWith('application/json') && Number(request.get('content-length') ?? 0) !== 0) {
					await discardRest(request as never);
					throw surfaceError(415, 'body', 'surface.body.type', languageOf(request), {
						type: type.split(';')[0].slice(0, 100),
					});
				}
				const { body, answers } = splitAnswers(raw, entries);
				const language = pickLanguage(
					body.lang as string | undefined,
					request.query.lang as string | undefined,
					request.get('accept-language'),
				);
				const device = deviceOf(request, body, language);
				const idempotencyKey =
					request.get('idempotency-key') ??
					(typeof body.idempotency_key === 'string' ? body.idempotency_key : undefined) ??
					null;
				const channel = request.get('x-casa-channel') === 'mobile' ? 'mobile' : 'web';
				const result = await intakeComplaint(
					{
						ItemsService: services.ItemsService,
						FilesService: services.FilesService,
						schema: await requestSchema(request, getSchema),
						database,
						secret,
						publicUrl,
					},
					{
						body,
						channel,
						language,
						idempotencyKey,
						source: 'portal',
						// a key is the device's own; without a device header, the address's
						caller: device ?? `ip-${createHash('sha256').update(String(request.ip)).digest('hex').slice(0, 16)}`,
						photos,
						earlierErrors,
						attributes: answers,
						attributeField: entries ? (code) => `attribute[${code}]` : (code) => `attributes.${code}`,
					},
				);
				res.status(result.replayed ? 200 : 201).json({
					data: {
						reference: result.reference,
						tracking_secret: result.trackingSecret,
						tracking_url: trackingUrl({ publicUrl }, result.reference, result.trackingSecret),
						expected_resolution_at: result.resolveDueAt,
						replayed: result.replayed,
					},
				});
			}),
		);

		async function tracked(req: PortalRequest) {
			await consume(trackingLimiter, req.ip);
			// only from the header: a secret in a query string ends up in logs and browser history (the route wrapper refuses it)
			const secret = req.get('x-tracking-secret');
			const reference = String(req.params.reference ?? '').toUpperCase();
			// what cannot be a reference never reaches the database (PostgreSQL refuses a NUL byte with an error)
			const row = !REFERENCE_SHAPE.test(reference)
				? undefined
				: await database('complaints')
						.leftJoin('categories', 'categories.code', 'complaints.category')
						.leftJoin('services', 'services.code', 'complaints.service')
						.leftJoin('arrondissements', 'arrondissements.code', 'complaints.arrondissement')
						.where('complaints.reference', reference)
						.select(
							'complaints.id',
							'complaints.reference',
							'complaints.status',
							'complaints.type',
							'complaints.channel',
							'complaints.received_at',
							'complaints.resolve_due_at',
							'complaints.resolved_at',
							'complaints.public_reply',
							'complaints.rejection_reason',
							'complaints.redirected_to',
							'complaints.citizen_rating',
							'complaints.supporters_count',
							'complaints.tracking_secret_hash',
							'complaints.personal_data_erased_at',
							'categories.name_fr as category_name_fr',
							'categories.name_ar as category_name_ar',
							'services.name_fr as service_name_fr',
							'services.name_ar as service_name_ar',
							'arrondissements.name_fr as arrondissement_name_fr',
							'arrondissements.name_ar as arrondissement_name_ar',
						)
						.first();
			// the hash is compared even when the reference is unknown, so both cases take as long
			const matches = secretMatches(secret, row?.tracking_secret_hash ?? '0'.repeat(64));
			if (!row || !matches) throw new NotFoundError();
			return row;
		}

		async function view(row: Record<string, unknown>, language: Language) {
			const events = await database('complaint_events')
				.select('type', 'to_status', 'body', 'visibility', 'date_created')
				.where({ complaint: row.id })
				.orderBy('date_created')
				.orderBy('id');
			const { settings } = await referenceData(database);
			const complaint = {
				...row,
				received_at: toIsoTimestamp(row.received_at),
				resolve_due_at: toIsoTimestamp(row.resolve_due_at),
				resolved_at: toIsoTimestamp(row.resolved_at),
			};
			const shown = publicView(
				complaint as never,
				events.map((event) => ({ ...event, date_created: toIsoTimestamp(event.date_created)! })),
				language,
				new Date(),
				settings.reopenPeriodDays,
			);
			// loi 09-08: once the complaint is finished, the citizen may have their contact details erased
			const erasure = erasureVerdict({
				status: String(row.status),
				personal_data_erased_at: row.personal_data_erased_at ?? null,
			});
			// the citizen's own photos and the after-photos (proof of closure), fetched one by one with the tracking secret
			const photos = (await publicPhotos(database, String(row.id))).map((photo) => ({
				id: photo.id,
				kind: photo.kind,
			}));
			return { ...shown, photos, canErase: erasure.allowed, contactErased: !!row.personal_data_erased_at };
		}

		router.get(
			'/api/complaints/:reference',
			route(async (request, res) => {
				const row = await tracked(request);
				res.json({ data: await view(row, languageOf(request)) });
			}),
		);

		// one photo of a tracked complaint: only with its tracking secret, only its photos and after-photos (never a
		// scan or an attachment), re-encoded without any metadata (EXIF, GPS) whatever the stored file holds
		router.get(
			'/api/complaints/:reference/photos/:file',
			route(async (request, res) => {
				const row = await tracked(request);
				const photo = isUuid(request.params.file)
					? (await publicPhotos(database, String(row.id))).find((item) => item.id === request.params.file)
					: undefined;
				if (!photo) throw new NotFoundError();
				const assets = new services.AssetsService({
					schema: await requestSchema(request, getSchema),
					accountability: null,
				});
				const asset = await assets.getAsset(photo.id);
				const chunks: Buffer[] = [];
				for await (const chunk of asset.stream) chunks.push(Buffer.from(chunk));
				const clean = await publicJpeg(Buffer.concat(chunks));
				if (!clean) throw new NotFoundError();
				res.set('Content-Type', 'image/jpeg');
				res.set('Cache-Control', 'private, no-store');
				res.set('X-Content-Type-Options', 'nosniff');
				res.set('Content-Disposition', 'inline');
				res.send(clean);
			}),
		);

		router.post(
			'/api/complaints/:reference/rating',
			route(async (request, res) => {
				const language = languageOf(request);
				const row = await tracked(request);
				const current = await view(row, language);
				if (!current.canRate)
					throw row.citizen_rating != null
						? surfaceError(403, 'rating', 'surface.rating.already', language)
						: new ForbiddenError();
				const rating = Number(request.body?.rating);
				if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw invalid('rating', 'field.rating', language);
				const comment =
					typeof request.body?.comment === 'string' ? cleanText(request.body.comment).trim().slice(0, 1000) : null;
				// once: the update itself checks that no rating is there yet, so simultaneous ratings give one winner
				const rated = await database.transaction(async (trx) => {
					const changed = await trx('complaints')
						.where({ id: row.id })
						.whereNull('citizen_rating')
						.whereIn('status', ['resolved', 'closed'])
						.update({ citizen_rating: rating, citizen_rating_comment: comment || null });
					if (Number(changed) !== 1) return false;
					await trx('complaint_events').insert({
						complaint: row.id,
						type: 'rated',
						body: comment || null,
						visibility: 'internal',
						actor_kind: 'citizen',
						date_created: new Date(),
					});
					return true;
				});
				if (!rated) throw surfaceError(403, 'rating', 'surface.rating.already', language);
				res.json({ data: await view({ ...row, citizen_rating: rating }, language) });
			}),
		);

		router.post(
			'/api/complaints/:reference/reopen',
			route(async (request, res) => {
				const language = languageOf(request);
				const row = await tracked(request);
				const reason = typeof request.body?.reason === 'string' ? cleanText(request.body.reason).trim() : '';
				if (!reason) throw invalid('reason', 'field.required', language, { field: 'reason' });
				await database.transaction(async (trx) => {
					const complaints = new services.ItemsService('complaints', {
						schema: await requestSchema(request, getSchema),
						knex: trx,
						accountability: null,
					});
					// the workflow table decides: a citizen reopens a resolved complaint within the period
					await complaints.updateOne(row.id, { status: 'reopened', [INTAKE_MARKER]: { actor: 'citizen', language } });
					await trx('complaint_events').insert({
						complaint: row.id,
						type: 'note',
						body: reason.slice(0, 2000),
						visibility: 'internal',
						actor_kind: 'citizen',
						date_created: new Date(),
					});
				});
				const updated = await tracked(request);
				res.json({ data: await view(updated, language) });
			}),
		);

		// the citizen erases their contact details once the complaint is closed (the same anonymisation as the retention job)
		router.post(
			'/api/complaints/:reference/erase',
			route(async (request, res) => {
				const language = languageOf(request);
				const row = await tracked(request);
				const state = await database('complaints')
					.select('status', 'personal_data_erased_at')
					.where({ id: row.id })
					.first();
				const verdict = erasureVerdict(state);
				if (!verdict.allowed)
					throw new InvalidFieldError({
						field: 'status',
						reason: `privacy.${verdict.reason}`,
						message: translate(language, `privacy.errors.${verdict.reason}`),
					});
				await database('access_journal').insert({
					user: null,
					complaint: row.id,
					screen: 'portal_erasure',
					data: 'all',
					date_created: new Date(),
				});
				await eraseComplaints(
					{
						database,
						deleteFiles: async (ids) => {
							await new services.FilesService({
								schema: await requestSchema(request, getSchema),
								knex: database,
								accountability: null,
							}).deleteMany(ids);
						},
					},
					[String(row.id)],
				);
				res.json({ data: { ...(await view(row, language)), contactErased: true, canErase: false } });
			}),
		);
	},
});
