// The registry-office desk's API, mounted at /desk. Agents record complaints
// on a citizen's behalf (phone, counter, paper mail) through the same complaint
// hooks as every other road in: ItemsService with the agent's accountability,
// so validation, routing, reference, deadlines, history and scope all apply.
//   GET  /desk/search?q=                 earlier complaints of a caller (phone or name), in the agent's scope
//   GET  /desk/nearby?category=&lat=&lng= open complaints of the same category nearby
//   POST /desk/complaints                 record a complaint (Idempotency-Key header)
//   POST /desk/complaints/:id/follow      "the citizen called again": a note on an existing complaint
//   GET  /desk/receipts/:id?lang=ar       the acknowledgment receipt, a print-ready A4 page
//   POST /desk/scans                      a scanned letter (multipart `file`), stored and read by OCR (field ocr=0: not read)
import { periodKey, readRetention } from '../../domain/privacy/retention';
import { createHash } from 'node:crypto';
import { rankedNearby } from '../../adapters/suggestion/nearby';
import { suggestCategories } from '../../adapters/suggestion/suggest';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import QRCode from 'qrcode';
import { type Language, pickLanguage, translate } from '../../domain/i18n/messages';
import type { FieldError } from '../../domain/complaint/complaint-plan';
import { readDeskInput } from '../../domain/desk/desk-input';
import { readAnswers, readAttributeDefinitions } from '../../domain/intake/attributes';
import { rankCallerMatches, readCallerQuery } from '../../domain/desk/caller-search';
import { AUTO_PRINT_SCRIPT, PRINT_SCRIPT, receiptHtml, receiptModel } from '../../domain/desk/receipt';
import { OPEN_STATUSES } from '../../domain/workflow/transitions';
import { toInstant, toIsoTimestamp } from '../../domain/calendar/instant';
import { ForbiddenActionError, InvalidFieldError } from '../../adapters/errors';
import {
	IDEMPOTENCY_KEY,
	contentHash,
	hashSecret,
	perComplaintSecret,
	registerComplaint,
	trackingUrl,
} from '../../adapters/registration/register-complaint';
import { actingAs, loadCaller, referenceData } from '../../adapters/platform-context';
import { hasGlobal, inScope } from '../../domain/access/capabilities';
import { complaintScope } from '../../domain/access/scope';
import { applyScope } from '../../adapters/scope-sql';
import { journalAccess, loadFacts } from '../../adapters/workspace/queries';
import { isUuid } from '../../domain/workspace/queue-query';
import { Readable } from 'node:stream';
import { BodyProblem, bodyError, parseMultipart } from '../../adapters/body';
import { configureUploadBudget } from '../../adapters/upload-budget';
import { requestSchema } from '../../adapters/request-schema';
import { descriptionFromScan, scanLanguage, scanType } from '../../domain/desk/scan-text';
import { ScanReadError, ScanReader } from '../../adapters/ocr/read-scan';
import { readSettings } from '../../config/settings';
import { asyncRoute } from '../../adapters/route';

interface DeskRequest {
	body: Record<string, unknown> | undefined;
	params: Record<string, string>;
	query: Record<string, unknown>;
	accountability: Accountability | null;
	get(name: string): string | undefined;
}

const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];
const SCAN_MAX_BYTES = 15 * 1024 * 1024;
const NOTE_LIMIT = 2000;

const route = asyncRoute<DeskRequest>;

/** A complaint of the caller search, as its query selects it. */
interface CallerRow {
	id: string;
	reference: string;
	status: string;
	channel: string;
	received_at: unknown;
	resolve_due_at: unknown;
	citizen_name: string | null;
	citizen_phone: string | null;
	address: string | null;
	description: unknown;
	category_code: string | null;
	category_name_fr: string | null;
	category_name_ar: string | null;
}

/** The complaint a receipt prints, as its query selects it. */
interface ReceiptRow {
	id: string;
	reference: string;
	channel: string;
	received_at: unknown;
	registry_number: string | null;
	citizen_name: string | null;
	citizen_language: string | null;
	resolve_due_at: unknown;
	legal_due_at: unknown;
	category_fr: string | null;
	category_ar: string | null;
	service_fr: string | null;
	service_ar: string | null;
	arrondissement_fr: string | null;
	arrondissement_ar: string | null;
}

/** Field errors in fr/ar: the desk's own keys (desk.errors.*) and the platform's (errors.*). */
function deskErrors(errors: FieldError[], language: Language) {
	return errors.map((error) => {
		const key = error.key.startsWith('desk.') || error.key.startsWith('surface.') ? error.key : `errors.${error.key}`;
		return new InvalidFieldError({
			field: error.field,
			reason: error.key,
			message: translate(language, key, error.values ?? {}),
		});
	});
}

const SCAN_LIMITS = {
	fileField: 'file',
	maxFiles: 1,
	maxFileBytes: SCAN_MAX_BYTES,
	maxFields: 5,
	maxFieldBytes: 1000,
	maxTotalBytes: SCAN_MAX_BYTES + 64 * 1024,
};

export default defineEndpoint({
	id: 'desk',
	handler: (router, { services, database, getSchema, env, logger }) => {
		const config = readSettings(env);
		configureUploadBudget(config.uploads);
		// one OCR pool per process, started at the first letter (tesseract.js workers, French and Arabic)
		const reader = new ScanReader(config.ocr);
		// loi 09-08: the real retention period, from the platform settings
		async function retentionNotice(language: Language): Promise<string> {
			const period = periodKey(readRetention(await database('platform_settings').first()).contactDays);
			return translate(language, 'privacy.retention_notice', {
				period: translate(language, period.key, period.values),
			});
		}
		const { publicUrl, secret } = config.platform;

		/** The agent behind the request and the language they answer in; out-of-role callers stop here. */
		async function agent(request: DeskRequest) {
			const caller = await loadCaller(database, request.accountability);
			const language = pickLanguage(
				request.body?.lang as string | undefined,
				request.query.lang as string | undefined,
				caller.language,
			);
			// the access matrix: the registry office and administrators work at the desk
			if (!hasGlobal(caller.profile, 'use_desk') || !request.accountability?.user)
				throw new ForbiddenActionError({
					field: 'role',
					reason: 'desk.errors.role',
					message: translate(language, 'desk.errors.role'),
				});
			// scoped roles hold no Directus permission on complaints: the desk acts for the agent once the matrix said yes
			return {
				caller,
				language,
				accountability: actingAs(request.accountability, caller),
				userId: request.accountability.user,
			};
		}

		const trackingCode = (complaintId: string) => perComplaintSecret(secret, complaintId);

		router.get(
			'/search',
			route(async (request, res) => {
				const { caller, language } = await agent(request);
				const query = readCallerQuery(request.query.q);
				if (query.kind === 'invalid') throw deskErrors([{ field: 'q', key: 'desk.errors.query_invalid' }], language);
				// the agent's scope in SQL (no generic permission on complaints)
				const rows = await database('complaints as c')
					.join('citizen_contacts as cc', 'cc.complaint', 'c.id')
					.leftJoin('categories as cat', 'cat.code', 'c.category')
					.select(
						'c.id',
						'c.reference',
						'c.status',
						'c.channel',
						'c.received_at',
						'c.resolve_due_at',
						'cc.name as citizen_name',
						'cc.phone as citizen_phone',
						'c.address',
						'c.description',
						'cat.code as category_code',
						'cat.name_fr as category_name_fr',
						'cat.name_ar as category_name_ar',
					)
					.modify((builder) => {
						const scope = complaintScope(caller.profile!);
						if (scope) applyScope(builder, scope, 'c');
						if (query.kind === 'phone') builder.where('cc.phone', query.phone);
						else
							for (const word of query.words)
								builder.whereRaw('lower(cc.name) like ?', [`%${word.toLowerCase().replace(/[%_\\]/g, '')}%`]);
					})
					.orderBy('c.received_at', 'desc')
					.limit(50)
					.then((found: CallerRow[]) =>
						found.map(({ category_code, category_name_fr, category_name_ar, ...row }) => ({
							...row,
							category: category_code
								? { code: category_code, name_fr: category_name_fr, name_ar: category_name_ar }
								: null,
						})),
					);
				const ranked = rankCallerMatches(
					rows.map((row) => ({
						...row,
						received_at: toIsoTimestamp(row.received_at),
						resolve_due_at: toIsoTimestamp(row.resolve_due_at),
					})),
					query,
				);
				const shown = ranked.slice(0, 20);
				// loi 09-08: each complaint whose caller details the agent sees is journalled
				for (const row of shown)
					await journalAccess(database, {
						user: caller.profile!.userId,
						complaint: String(row.id),
						screen: 'desk_search',
						data: 'citizen_name,citizen_phone',
					});
				res.json({
					data: shown.map((row) => ({
						id: row.id,
						reference: row.reference,
						status: row.status,
						status_label: translate(language, `status.${row.status}`),
						open: (OPEN_STATUSES as readonly string[]).includes(row.status),
						channel: row.channel,
						received_at: row.received_at,
						resolve_due_at: row.resolve_due_at,
						citizen_name: row.citizen_name,
						citizen_phone: row.citizen_phone,
						address: row.address,
						description: typeof row.description === 'string' ? row.description.slice(0, 160) : null,
						category: row.category ? (language === 'ar' ? row.category.name_ar : row.category.name_fr) : null,
					})),
					meta: { query: query.kind === 'phone' ? query.phone : query.words.join(' ') },
				});
			}),
		);

		// the portal's nearby rule (same radius and period from the platform settings, ranked by meaning and place), with the id to follow
		router.get(
			'/nearby',
			route(async (request, res) => {
				const { caller, language } = await agent(request);
				const lat = Number(request.query.lat);
				const lng = Number(request.query.lng);
				if (!Number.isFinite(lat) || !Number.isFinite(lng))
					throw deskErrors([{ field: 'latitude', key: 'field.coordinates' }], language);
				const { settings } = await referenceData(database);
				const text = typeof request.query.text === 'string' ? request.query.text.slice(0, 2000) : '';
				const ranked = await rankedNearby(database, {
					lat,
					lng,
					category: String(request.query.category ?? ''),
					text,
					radiusM: settings.duplicateRadiusM,
					periodDays: settings.duplicatePeriodDays,
					// only what the agent may follow: their scope (the portal shows citizens references, never ids)
					scope: (builder) => {
						const scope = complaintScope(caller.profile!);
						if (scope) applyScope(builder, scope);
					},
				});
				res.json({
					data: ranked.map(({ item, similarity }) => ({
						id: item.id,
						reference: item.reference,
						status_label: translate(language, `status.${item.status}`),
						category: language === 'ar' ? item.name_ar : item.name_fr,
						distance_m: Math.round(item.distanceM),
						received_at: toIsoTimestamp(item.received_at),
						supporters: Number(item.supporters_count ?? 0),
						similarity,
					})),
				});
			}),
		);

		router.post(
			'/complaints',
			route(async (request, res) => {
				const { language, accountability, userId } = await agent(request);
				const body = { ...(request.body ?? {}) };
				const now = new Date();
				const input = readDeskInput(body, now);
				const idempotencyKey = request.get('idempotency-key') ?? (body.idempotency_key as string | undefined) ?? null;
				if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey))
					input.errors.push({ field: 'idempotency_key', key: 'field.idempotency_key' });
				if (input.scan && !input.errors.some((error) => error.field === 'scan')) {
					const file = await database('directus_files').select('id', 'uploaded_by').where({ id: input.scan }).first();
					if (!file || (request.accountability?.admin !== true && file.uploaded_by !== userId))
						input.errors.push({ field: 'scan', key: 'desk.errors.scan_invalid' });
				}
				// the category's questions (the same as the portal's and Open311's), answered by the agent for the caller
				if (typeof input.payload.category === 'string') {
					const category = await database('categories')
						.select('attributes')
						.where({ code: input.payload.category })
						.first();
					const given =
						body.attributes && typeof body.attributes === 'object' && !Array.isArray(body.attributes)
							? (body.attributes as Record<string, unknown>)
							: {};
					if (category) {
						const checked = readAnswers(
							readAttributeDefinitions(category.attributes),
							given,
							(code) => `attributes.${code}`,
						);
						input.errors.push(...checked.errors);
						if (checked.answers.length > 0) input.payload.attributes = checked.answers;
					}
				}
				if (input.errors.length > 0) throw deskErrors(input.errors, language);

				// a double Ctrl+Enter or a retry after a lost answer gives back the same complaint
				const registered = await registerComplaint(
					{
						ItemsService: services.ItemsService,
						schema: await requestSchema(request, getSchema),
						database,
						secret,
						publicUrl,
					},
					{
						values: input.payload,
						channel: String(input.payload.channel),
						language,
						// scoped roles hold no Directus permission on complaints: the desk acts for the agent once the matrix said yes
						accountability,
						idempotency: idempotencyKey
							? {
									key: idempotencyKey,
									source: 'desk',
									caller: userId,
									requestHash: contentHash(
										Object.fromEntries(
											Object.entries(body).filter(([field]) => field !== 'idempotency_key' && field !== 'lang'),
										),
									),
								}
							: null,
						files: input.scan ? [{ id: input.scan, kind: 'scan' }] : [],
						// the receipt can be printed again: its code is derived from the complaint
						trackingSecret: 'per-complaint',
					},
				);
				res.status(registered.replayed ? 200 : 201).json({ data: await summary(registered.id, registered.replayed) });
			}),
		);

		async function summary(id: string, replayed: boolean) {
			const row = await database('complaints')
				.select(
					'id',
					'reference',
					'channel',
					'status',
					'received_at',
					'registry_number',
					'arrondissement',
					'team',
					'service',
					'acknowledge_due_at',
					'resolve_due_at',
					'legal_due_at',
				)
				.where({ id })
				.first();
			const secret = trackingCode(id);
			return {
				id: row.id,
				reference: row.reference,
				channel: row.channel,
				status: row.status,
				registry_number: row.registry_number,
				arrondissement: row.arrondissement,
				service: row.service,
				team: row.team,
				received_at: toIsoTimestamp(row.received_at),
				acknowledge_due_at: toIsoTimestamp(row.acknowledge_due_at),
				resolve_due_at: toIsoTimestamp(row.resolve_due_at),
				legal_due_at: toIsoTimestamp(row.legal_due_at),
				tracking_secret: secret,
				tracking_url: trackingUrl({ publicUrl }, row.reference, secret),
				receipt_url: `/desk/receipts/${row.id}`,
				replayed,
			};
		}

		router.post(
			'/complaints/:id/follow',
			route(async (request, res) => {
				const { language, accountability } = await agent(request);
				const note = typeof request.body?.note === 'string' ? request.body.note.trim() : '';
				if (note.length > NOTE_LIMIT)
					throw deskErrors(
						[{ field: 'note', key: 'desk.errors.follow_note_long', values: { limit: NOTE_LIMIT } }],
						language,
					);
				const body = note ? `${translate(language, 'desk.followed')}\n${note}` : translate(language, 'desk.followed');
				// the history hook checks the agent's right and scope (out of scope and absent: the same 403)
				const events = new services.ItemsService('complaint_events', {
					schema: await requestSchema(request, getSchema),
					accountability,
				});
				const eventId = await events.createOne({ complaint: request.params.id, type: 'note', body });
				const complaint = await database('complaints')
					.select('reference', 'status')
					.where({ id: request.params.id })
					.first();
				res
					.status(201)
					.json({ data: { event: eventId, reference: complaint?.reference, status: complaint?.status, body } });
			}),
		);

		// a scanned letter, stored for the complaint about to be recorded (staff hold no permission on directus_files)
		router.post(
			'/scans',
			route(async (request, res) => {
				const { language: callerLanguage, accountability } = await agent(request);
				let parsed;
				try {
					parsed = await parseMultipart(request as never, SCAN_LIMITS);
				} catch (error) {
					if (error instanceof BodyProblem) throw bodyError(error, callerLanguage);
					throw error;
				}
				// a multipart body names the agent's language in its `lang` field
				const language = pickLanguage(parsed.fields.lang, callerLanguage);
				const file = parsed.files[0];
				const type = file ? scanType(file.bytes) : null;
				if (parsed.errors.some((error) => error.key === 'field.photo_too_large'))
					throw deskErrors(
						[{ field: 'scan', key: 'desk.errors.scan_too_large', values: { limit: SCAN_MAX_BYTES / 1024 / 1024 } }],
						language,
					);
				if (!file || !type || !SCAN_TYPES.includes(type))
					throw deskErrors([{ field: 'scan', key: 'desk.errors.scan_invalid' }], language);
				const scan = { bytes: file.bytes, filename: String(file.filename || 'courrier').slice(0, 120), type };
				const files = new services.FilesService({ schema: await requestSchema(request, getSchema), accountability });
				const id = await files.uploadOne(Readable.from(scan.bytes), {
					storage: 'local',
					filename_download: scan.filename,
					type: scan.type,
					title: scan.filename,
				});
				// the letter's text pre-fills the description the agent then reviews; the scan stays the complaint's attachment
				const data: Record<string, unknown> = {
					id,
					ocr: 'skipped',
					text: null,
					language: null,
					pages_read: 0,
					page_count: null,
					confidence: null,
					ms_per_page: null,
				};
				if (parsed.fields.ocr !== '0') {
					try {
						const reading = await reader.read(scan.bytes, scan.type);
						const text = descriptionFromScan(reading.pages);
						Object.assign(data, {
							ocr: text ? 'read' : 'empty',
							text: text || null,
							language: scanLanguage(text),
							pages_read: reading.pages.length,
							page_count: reading.pageCount,
							confidence: reading.confidence,
							ms_per_page: reading.msPerPage,
						});
						// the category suggested from the letter's text (the agent confirms it): the desk form picks the first
						if (text)
							data.suggested = (await suggestCategories(database, text, language)).map(({ code, label, score }) => ({
								code,
								label,
								score,
							}));
					} catch (error) {
						if (!(error instanceof ScanReadError)) throw error;
						if (error.reason === 'unreadable') logger.warn(`desk OCR: ${error.message}`);
						data.ocr = error.reason;
					}
					if (data.ocr !== 'read') data.message = translate(language, `desk.ocr.${data.ocr}`);
				}
				res.status(201).json({ data });
			}),
		);

		router.get(
			'/receipts/:id',
			route(async (request, res) => {
				const { caller } = await agent(request);
				// a complaint out of the agent's scope is refused like an absent one
				const facts = isUuid(request.params.id) ? await loadFacts(database, request.params.id) : null;
				if (!facts || !caller.profile || !inScope(caller.profile, facts))
					throw new ForbiddenActionError({
						field: 'id',
						reason: 'workspace.errors.not_found',
						message: translate(caller.language, 'workspace.errors.not_found'),
					});
				const row = (await database('complaints as c')
					.leftJoin('categories as cat', 'cat.code', 'c.category')
					.leftJoin('services as s', 's.code', 'c.service')
					.leftJoin('arrondissements as a', 'a.code', 'c.arrondissement')
					.leftJoin('citizen_contacts as cc', 'cc.complaint', 'c.id')
					.select(
						'c.id',
						'c.reference',
						'c.channel',
						'c.received_at',
						'c.registry_number',
						'cc.name as citizen_name',
						'c.citizen_language',
						'c.resolve_due_at',
						'c.legal_due_at',
						'cat.name_fr as category_fr',
						'cat.name_ar as category_ar',
						's.name_fr as service_fr',
						's.name_ar as service_ar',
						'a.name_fr as arrondissement_fr',
						'a.name_ar as arrondissement_ar',
					)
					.where('c.id', facts.id)
					.first()) as ReceiptRow;
				const category = row.category_fr ? { name_fr: row.category_fr, name_ar: row.category_ar } : null;
				const service = row.service_fr ? { name_fr: row.service_fr, name_ar: row.service_ar } : null;
				const arrondissement = row.arrondissement_fr
					? { name_fr: row.arrondissement_fr, name_ar: row.arrondissement_ar }
					: null;
				if (row.citizen_name)
					await journalAccess(database, {
						user: caller.profile.userId,
						complaint: facts.id,
						screen: 'desk_receipt',
						data: 'citizen_name',
					});
				const language = pickLanguage(request.query.lang as string | undefined, row.citizen_language, caller.language);
				const t = (key: string, values?: Record<string, unknown>) => translate(language, key, values ?? {});
				const name = (related: { name_fr: string | null; name_ar: string | null } | null) =>
					related ? (language === 'ar' ? related.name_ar : related.name_fr) : null;
				const stored = await database('complaints').select('tracking_secret_hash').where({ id: row.id }).first();
				const code = trackingCode(String(row.id));
				// complaints that came another way have the secret the citizen got then: the receipt cannot print it
				const known = stored?.tracking_secret_hash === hashSecret(code);
				const url = known
					? trackingUrl({ publicUrl }, row.reference, code)
					: trackingUrl({ publicUrl }, row.reference, '').replace(/#$/, '');
				const model = receiptModel(
					{
						reference: row.reference,
						channel: row.channel,
						receivedAt: toInstant(row.received_at) ?? new Date(),
						issuedAt: new Date(),
						registryNumber: row.registry_number ?? null,
						category: name(category) ?? '—',
						service: name(service) ?? '—',
						arrondissement: name(arrondissement),
						resolveDueAt: toInstant(row.resolve_due_at),
						legalDueAt: toInstant(row.legal_due_at),
						trackingUrl: url,
						trackingCode: known ? code : '—',
						citizenName: row.citizen_name ?? null,
						retentionNotice: await retentionNotice(language),
					},
					language,
					t,
				);
				const qr = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
				const autoPrint = request.query.print === '1';
				const scripts = PRINT_SCRIPT + (autoPrint ? AUTO_PRINT_SCRIPT : '');
				res.set(
					'Content-Security-Policy',
					`default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${createHash('sha256').update(scripts).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
				);
				res.set('Cache-Control', 'no-store');
				res.set('Content-Type', 'text/html; charset=utf-8');
				res.send(receiptHtml(model, qr, { printButton: t('desk.receipt.print'), autoPrint }));
			}),
		);
	},
});
