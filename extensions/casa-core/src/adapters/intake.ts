// The one intake path of every public channel (portal form, mobile app,
// Open311): whitelist, the complaint hooks (validation, routing, reference,
// deadlines, history), idempotency, tracking secret and the acknowledgment in
// the outbox — all in one transaction, so nothing is half stored.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { type FieldError } from '../domain/complaint/complaint-plan';
import type { Language } from '../domain/i18n/messages';
import { CONTROL_FIELDS, readPublicIntake } from '../domain/intake/public-intake';
import { readAnswers, readAttributeDefinitions } from '../domain/intake/attributes';
import { toIsoTimestamp } from '../domain/calendar/instant';
import { fieldErrors, surfaceError } from './errors';
import { INTAKE_MARKER } from './intake-marker';
import { contactOf } from './citizen-contacts';
import type { CleanPhoto } from './photos';
import { Readable } from 'node:stream';

export interface IntakeContext {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	ItemsService: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	FilesService?: any;
	schema: SchemaOverview;
	database: Knex;
	/** server secret: tracking secrets of idempotent retries are derived from it */
	secret: string;
	publicUrl?: string;
}

export function trackingUrl(context: Pick<IntakeContext, 'publicUrl'>, reference: string, secret: string): string {
	return `${String(context.publicUrl ?? '').replace(/\/$/, '')}/portal/suivi/${reference}#${secret}`;
}

export interface IntakeRequest {
	body: Record<string, unknown>;
	channel: 'web' | 'mobile' | 'open311' | 'chat' | 'whatsapp';
	language: Language;
	/** client-chosen key: a retry with the same key returns the same complaint */
	idempotencyKey?: string | null;
	/** who sent it (e.g. the Open311 client), kept with the key */
	source: string;
	/**
	 * who holds the idempotency key within the source (the portal's device):
	 * a key is only ever replayed to the caller that chose it
	 */
	caller?: string | null;
	/**
	 * answers to the category's questions (code → value): checked against the
	 * category's attributes; undefined for channels that do not ask them (chat)
	 */
	attributes?: Record<string, unknown>;
	/** how the caller names an answer in errors: attribute[code] (Open311), attributes.code (portal JSON) */
	attributeField?: (code: string) => string;
	/** photos, already re-encoded without metadata (adapters/photos.ts) */
	photos?: CleanPhoto[];
	/** errors found before (multipart limits, unreadable photos), reported with the others */
	earlierErrors?: FieldError[];
	/** files already stored by the channel (a photo received in a chat), linked as photos */
	fileIds?: string[];
	/** the channel itself answers with the reference (a chat): no acknowledgment in the outbox */
	acknowledged?: boolean;
}

export interface IntakeResult {
	id: string;
	reference: string;
	trackingSecret: string;
	replayed: boolean;
	resolveDueAt: string | null;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(presented: unknown, storedHash: string | null | undefined): boolean {
	if (typeof presented !== 'string' || !storedHash || presented.length > 200) return false;
	const a = Buffer.from(hashSecret(presented), 'hex');
	const b = Buffer.from(storedHash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * 144-bit secret. With an idempotency key it is derived from the server secret,
 * so a retry can hand the citizen the same secret although only its hash is stored.
 */
function trackingSecret(context: IntakeContext, scopedKey: string | null): string {
	const bytes = scopedKey ? createHmac('sha256', context.secret).update(`tracking:${scopedKey}`).digest().subarray(0, 18) : randomBytes(18);
	return bytes.toString('base64url');
}

/** JSON with sorted keys: the same request gives the same text whatever the order of its fields. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
	return JSON.stringify(value ?? null);
}

/**
 * What an idempotency key is bound to besides its caller: the request's
 * content (fields but the control ones, answers, photos' bytes, channel).
 */
export function requestHash(request: Pick<IntakeRequest, 'body' | 'channel' | 'attributes' | 'photos' | 'fileIds'>): string {
	const body = Object.fromEntries(Object.entries(request.body).filter(([key]) => !(CONTROL_FIELDS as readonly string[]).includes(key) || key === 'website'));
	const photos = (request.photos ?? []).map((photo) => createHash('sha256').update(photo.bytes).digest('hex'));
	return createHash('sha256')
		.update(canonical({ body, channel: request.channel, attributes: request.attributes ?? null, photos, files: request.fileIds ?? [] }))
		.digest('hex');
}

/** The same key again: the same complaint for the same request, a 422 for another one. */
async function replay(context: IntakeContext, scopedKey: string, bodyHash: string, language: Language): Promise<IntakeResult | null> {
	const row = await context.database('intake_requests')
		.join('complaints', 'complaints.id', 'intake_requests.complaint')
		.where('intake_requests.key', scopedKey)
		.select('complaints.id', 'complaints.reference', 'complaints.resolve_due_at', 'intake_requests.body_hash')
		.first();
	if (!row) return null;
	// keys recorded before requests were hashed (body_hash empty) replay as they always did
	if (row.body_hash && row.body_hash !== bodyHash) throw surfaceError(422, 'idempotency_key', 'surface.idempotency.mismatch', language);
	return { id: row.id, reference: row.reference, trackingSecret: trackingSecret(context, scopedKey), replayed: true, resolveDueAt: toIsoTimestamp(row.resolve_due_at) };
}

/** The category's questions and the answers given, checked; nothing when the channel does not ask them. */
async function readCategoryAnswers(context: IntakeContext, request: IntakeRequest, category: unknown, errors: FieldError[]) {
	if (request.attributes === undefined) return undefined;
	const row = typeof category === 'string' && category ? await context.database('categories').select('attributes').where({ code: category }).first() : undefined;
	// an unknown category is reported by the complaint rules; its answers cannot be checked
	if (!row && typeof category === 'string' && category) return undefined;
	const result = readAnswers(readAttributeDefinitions(row?.attributes), request.attributes, request.attributeField);
	errors.push(...result.errors);
	return result.answers.length > 0 ? result.answers : undefined;
}

export async function intakeComplaint(context: IntakeContext, request: IntakeRequest): Promise<IntakeResult> {
	const { payload, errors, honeypot } = readPublicIntake(request.body);
	errors.push(...(request.earlierErrors ?? []));
	if (request.idempotencyKey != null && !IDEMPOTENCY_KEY.test(request.idempotencyKey)) errors.push({ field: 'idempotency_key', key: 'field.idempotency_key' });
	if (honeypot) throw fieldErrors([{ field: 'website', key: 'field.rejected' }], request.language);
	const answers = await readCategoryAnswers(context, request, payload.category, errors);
	if (errors.length > 0) throw fieldErrors(errors, request.language);
	if (answers) payload.attributes = answers;

	// the key is the caller's: another device (or Open311 client) using the same key is another request
	const scopedKey = request.idempotencyKey ? [request.source, request.caller, request.idempotencyKey].filter(Boolean).join(':') : null;
	const bodyHash = requestHash(request);
	if (scopedKey) {
		const previous = await replay(context, scopedKey, bodyHash, request.language);
		if (previous) return previous;
	}
	const secret = trackingSecret(context, scopedKey);
	// files are stored first (storage is not transactional) and removed again if the complaint is refused
	const storedIds = await storePhotos(context, request.photos ?? []);
	const photoIds = [...storedIds, ...(request.fileIds ?? [])];
	try {
		return await context.database.transaction(async (trx) => {
			const complaints = new context.ItemsService('complaints', { schema: context.schema, knex: trx, accountability: null });
			const id = await complaints.createOne({
				...payload,
				...(photoIds.length > 0 ? { files: photoIds.map((fileId) => ({ directus_files_id: fileId, kind: 'photo' })) } : {}),
				channel: request.channel,
				citizen_language: payload.citizen_language ?? request.language,
				[INTAKE_MARKER]: { actor: 'citizen', language: request.language, trackingSecretHash: hashSecret(secret) },
			});
			if (scopedKey) await trx('intake_requests').insert({ key: scopedKey, complaint: id, source: request.source, body_hash: bodyHash, date_created: new Date() });
			const created = await trx('complaints').select('reference', 'resolve_due_at', 'citizen_language').where({ id }).first();
			const contact = await contactOf(trx, id);
			const recipients = [
				contact?.email ? { channel: 'email', recipient: contact.email } : null,
				contact?.phone ? { channel: 'sms', recipient: contact.phone } : null,
			].filter((recipient) => recipient && !request.acknowledged) as { channel: string; recipient: string }[];
			for (const recipient of recipients) {
				await trx('outbox').insert({
					complaint: id,
					event: 'acknowledgment',
					...recipient,
					language: created.citizen_language ?? request.language,
					// the link with the secret is removed from the row once the message is sent
					payload: JSON.stringify({ reference: created.reference, resolve_due_at: toIsoTimestamp(created.resolve_due_at), tracking_url: trackingUrl(context, created.reference, secret) }),
					status: 'pending',
					attempts: 0,
					date_created: new Date(),
				});
			}
			return { id, reference: created.reference, trackingSecret: secret, replayed: false, resolveDueAt: toIsoTimestamp(created.resolve_due_at) };
		});
	} catch (error) {
		await removePhotos(context, storedIds);
		// two deliveries of the same key at once: the second lost the unique race and rolled back
		if (scopedKey) {
			const previous = await replay(context, scopedKey, bodyHash, request.language);
			if (previous) return previous;
		}
		throw error;
	}
}

async function storePhotos(context: IntakeContext, photos: CleanPhoto[]): Promise<string[]> {
	if (photos.length === 0) return [];
	if (!context.FilesService) throw new Error('intake with photos needs the FilesService');
	const files = new context.FilesService({ schema: context.schema, accountability: null });
	const ids: string[] = [];
	try {
		for (const photo of photos) {
			ids.push(await files.uploadOne(Readable.from(photo.bytes), { storage: 'local', filename_download: photo.filename, type: photo.type, title: photo.filename, width: photo.width, height: photo.height }));
		}
	} catch (error) {
		await removePhotos(context, ids);
		throw error;
	}
	return ids;
}

async function removePhotos(context: IntakeContext, ids: string[]): Promise<void> {
	if (ids.length === 0 || !context.FilesService) return;
	await new context.FilesService({ schema: context.schema, accountability: null }).deleteMany(ids).catch(() => undefined);
}

export type { FieldError };
