// The public channels' reading of a new complaint (portal form, mobile app,
// Open311, chat): the whitelist of what a citizen may send, the category's
// questions, photos stored first; then the one registration every road shares
// (adapters/registration/register-complaint.ts): idempotency, the complaint
// through the hooks, tracking secret and acknowledgment, in one transaction.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { type FieldError } from '../domain/complaint/complaint-plan';
import type { Language } from '../domain/i18n/messages';
import { CONTROL_FIELDS, readPublicIntake } from '../domain/intake/public-intake';
import { readAnswers, readAttributeDefinitions } from '../domain/intake/attributes';
import { fieldErrors } from './errors';
import type { CleanPhoto } from './photos';
import {
	IDEMPOTENCY_KEY,
	type Registered,
	contentHash,
	registerComplaint,
	replay,
} from './registration/register-complaint';

export { hashSecret, secretMatches, trackingUrl } from './registration/register-complaint';

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

/**
 * What an idempotency key is bound to besides its caller: the request's
 * content (fields but the control ones, answers, photos' bytes, channel).
 */
export function requestHash(
	request: Pick<IntakeRequest, 'body' | 'channel' | 'attributes' | 'photos' | 'fileIds'>,
): string {
	const body = Object.fromEntries(
		Object.entries(request.body).filter(
			([key]) => !(CONTROL_FIELDS as readonly string[]).includes(key) || key === 'website',
		),
	);
	const photos = (request.photos ?? []).map((photo) => createHash('sha256').update(photo.bytes).digest('hex'));
	return contentHash({
		body,
		channel: request.channel,
		attributes: request.attributes ?? null,
		photos,
		files: request.fileIds ?? [],
	});
}

/** The category's questions and the answers given, checked; nothing when the channel does not ask them. */
async function readCategoryAnswers(
	context: IntakeContext,
	request: IntakeRequest,
	category: unknown,
	errors: FieldError[],
) {
	if (request.attributes === undefined) return undefined;
	const row =
		typeof category === 'string' && category
			? await context.database('categories').select('attributes').where({ code: category }).first()
			: undefined;
	// an unknown category is reported by the complaint rules; its answers cannot be checked
	if (!row && typeof category === 'string' && category) return undefined;
	const result = readAnswers(readAttributeDefinitions(row?.attributes), request.attributes, request.attributeField);
	errors.push(...result.errors);
	return result.answers.length > 0 ? result.answers : undefined;
}

export type IntakeResult = Registered;

export async function intakeComplaint(context: IntakeContext, request: IntakeRequest): Promise<IntakeResult> {
	const { payload, errors, honeypot } = readPublicIntake(request.body);
	errors.push(...(request.earlierErrors ?? []));
	if (request.idempotencyKey != null && !IDEMPOTENCY_KEY.test(request.idempotencyKey))
		errors.push({ field: 'idempotency_key', key: 'field.idempotency_key' });
	if (honeypot) throw fieldErrors([{ field: 'website', key: 'field.rejected' }], request.language);
	const answers = await readCategoryAnswers(context, request, payload.category, errors);
	if (errors.length > 0) throw fieldErrors(errors, request.language);
	if (answers) payload.attributes = answers;

	// the key is the caller's: another device (or Open311 client) using the same key is another request
	const idempotency = request.idempotencyKey
		? { key: request.idempotencyKey, source: request.source, caller: request.caller, requestHash: requestHash(request) }
		: null;
	// a retry is answered before its photos are stored again
	const previous = await replay(context, { idempotency, language: request.language });
	if (previous) return previous;
	// files are stored first (storage is not transactional) and removed again if the complaint is refused
	const storedIds = await storePhotos(context, request.photos ?? []);
	try {
		const registered = await registerComplaint(context, {
			values: payload,
			channel: request.channel,
			language: request.language,
			accountability: null,
			idempotency,
			files: [...storedIds, ...(request.fileIds ?? [])].map((id) => ({ id, kind: 'photo' as const })),
			acknowledge: !request.acknowledged,
		});
		// the same key delivered twice at once: the other delivery's photos are the complaint's
		if (registered.replayed) await removePhotos(context, storedIds);
		return registered;
	} catch (error) {
		await removePhotos(context, storedIds);
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
			ids.push(
				await files.uploadOne(Readable.from(photo.bytes), {
					storage: 'local',
					filename_download: photo.filename,
					type: photo.type,
					title: photo.filename,
					width: photo.width,
					height: photo.height,
				}),
			);
		}
	} catch (error) {
		await removePhotos(context, ids);
		throw error;
	}
	return ids;
}

async function removePhotos(context: IntakeContext, ids: string[]): Promise<void> {
	if (ids.length === 0 || !context.FilesService) return;
	await new context.FilesService({ schema: context.schema, accountability: null })
		.deleteMany(ids)
		.catch(() => undefined);
}

export type { FieldError };
