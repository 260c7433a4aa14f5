// The one way a new complaint enters the register, whatever the road: portal,
// mobile app, Open311, chat, WhatsApp, e-mail and the registry office's desk.
// Each channel reads and checks its own input; this use case then does, in one
// transaction, what every road needs the same way: the idempotency key (a
// retry gets the same complaint, another request under the same key a 422),
// the complaint through the complaint hooks (validation, routing, reference,
// deadlines, history), the tracking secret, and the acknowledgment in the
// outbox. Nothing is half stored: a refusal rolls back all of it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { toIsoTimestamp } from '../../domain/calendar/instant';
import type { Language } from '../../domain/i18n/messages';
import { acknowledgmentDrafts } from '../../domain/notifications/citizen-notifications';
import { contactOf } from '../citizen-contacts';
import { surfaceError } from '../errors';
import { INTAKE_MARKER } from '../intake-marker';
import { insertOutboxDrafts } from '../outbox/citizen-outbox';

export interface RegistrationContext {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	ItemsService: any;
	schema: SchemaOverview;
	/** the database, or the channel's own transaction (the mail ledger is marked in it) */
	database: Knex;
	/** server secret: tracking secrets that must be given again are derived from it */
	secret: string;
	publicUrl?: string;
}

/** A client-chosen key, scoped to the road and the caller that chose it. */
export interface IdempotencyKey {
	key: string;
	/** the road (portal, open311, desk, chat-whatsapp…) */
	source: string;
	/** who holds the key within the road (a device, an Open311 client, a desk agent) */
	caller?: string | null;
	/** the request's content: the same key with another content is refused */
	requestHash: string;
}

export interface Registration {
	/** the complaint's fields as the channel checked them, contact details included (the hooks store those apart) */
	values: Record<string, unknown>;
	channel: string;
	language: Language;
	/** a staff member registering for the citizen (the desk); null: the citizen or the platform itself */
	accountability: Accountability | null;
	/** without accountability: who acts in the history */
	actor?: 'citizen' | 'system';
	idempotency?: IdempotencyKey | null;
	/** files already stored (photos, the scanned letter, mail attachments), linked with their kind */
	files?: { id: string; kind: 'photo' | 'scan' | 'document' }[];
	/**
	 * how the tracking secret is made: 'random' (derived from the key when there
	 * is one, so a retry hands out the same secret), or 'per-complaint' (derived
	 * from the complaint: the desk can print the receipt again)
	 */
	trackingSecret?: 'random' | 'per-complaint';
	/** false when the channel itself answers with the reference (a chat): no acknowledgment in the outbox */
	acknowledge?: boolean;
	/** the channel's own rows, written in the same transaction (the mail's notes and ledger) */
	alongside?: (trx: Knex.Transaction, complaintId: string) => Promise<void>;
}

export interface Registered {
	id: string;
	reference: string;
	trackingSecret: string;
	replayed: boolean;
	resolveDueAt: string | null;
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

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

export function trackingUrl(context: { publicUrl?: string }, reference: string, secret: string): string {
	return `${String(context.publicUrl ?? '').replace(/\/$/, '')}/portal/suivi/${reference}#${secret}`;
}

/** JSON with sorted keys: the same request gives the same text whatever the order of its fields. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
			.join(',')}}`;
	return JSON.stringify(value ?? null);
}

/** What an idempotency key is bound to besides its caller: a hash of the request's content. */
export function contentHash(value: unknown): string {
	return createHash('sha256').update(canonical(value)).digest('hex');
}

const scoped = (idempotency: IdempotencyKey): string =>
	[idempotency.source, idempotency.caller, idempotency.key].filter(Boolean).join(':');

/** 144-bit secret; with a key, derived from the server secret so a retry gets it again although only its hash is stored. */
function keyedSecret(serverSecret: string, scopedKey: string | null): string {
	const bytes = scopedKey
		? createHmac('sha256', serverSecret).update(`tracking:${scopedKey}`).digest().subarray(0, 18)
		: randomBytes(18);
	return bytes.toString('base64url');
}

/** A desk complaint's tracking code, derived from the server secret and the complaint: the receipt can be printed again. */
export function perComplaintSecret(serverSecret: string, complaintId: string): string {
	return createHmac('sha256', serverSecret)
		.update(`tracking:desk:${complaintId}`)
		.digest()
		.subarray(0, 18)
		.toString('base64url');
}

/** The same key again: the same complaint for the same request, a 422 for another one. */
export async function replay(
	context: Pick<RegistrationContext, 'database' | 'secret'>,
	registration: Pick<Registration, 'idempotency' | 'language' | 'trackingSecret'>,
): Promise<Registered | null> {
	const idempotency = registration.idempotency;
	if (!idempotency) return null;
	const key = scoped(idempotency);
	const row = await context
		.database('intake_requests')
		.join('complaints', 'complaints.id', 'intake_requests.complaint')
		.where('intake_requests.key', key)
		.select('complaints.id', 'complaints.reference', 'complaints.resolve_due_at', 'intake_requests.body_hash')
		.first();
	if (!row) return null;
	// keys recorded before requests were hashed (body_hash empty) replay as they always did
	if (row.body_hash && row.body_hash !== idempotency.requestHash)
		throw surfaceError(422, 'idempotency_key', 'surface.idempotency.mismatch', registration.language);
	const id = String(row.id);
	const trackingSecret =
		registration.trackingSecret === 'per-complaint'
			? perComplaintSecret(context.secret, id)
			: keyedSecret(context.secret, key);
	return {
		id,
		reference: row.reference,
		trackingSecret,
		replayed: true,
		resolveDueAt: toIsoTimestamp(row.resolve_due_at),
	};
}

function inTransaction<T>(database: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
	// a channel that already holds a transaction (the mail ledger) registers inside it
	return (database as Knex.Transaction).isTransaction ? work(database as Knex.Transaction) : database.transaction(work);
}

export async function registerComplaint(context: RegistrationContext, registration: Registration): Promise<Registered> {
	const previous = await replay(context, registration);
	if (previous) return previous;
	const key = registration.idempotency ? scoped(registration.idempotency) : null;
	const perComplaint = registration.trackingSecret === 'per-complaint';
	try {
		return await inTransaction(context.database, async (trx) => {
			const early = perComplaint ? null : keyedSecret(context.secret, key);
			const complaints = new context.ItemsService('complaints', {
				schema: context.schema,
				knex: trx,
				accountability: registration.accountability,
			});
			const files = registration.files ?? [];
			const id = String(
				await complaints.createOne({
					...registration.values,
					...(files.length > 0
						? { files: files.map((file) => ({ directus_files_id: file.id, kind: file.kind })) }
						: {}),
					channel: registration.channel,
					citizen_language: registration.values.citizen_language ?? registration.language,
					...(registration.accountability
						? {}
						: {
								[INTAKE_MARKER]: {
									actor: registration.actor ?? 'citizen',
									language: registration.language,
									...(early ? { trackingSecretHash: hashSecret(early) } : {}),
								},
							}),
				}),
			);
			const secret = early ?? perComplaintSecret(context.secret, id);
			// the hooks take the hash from the marker only on the citizen's roads
			if (registration.accountability || !early)
				await trx('complaints')
					.where({ id })
					.update({ tracking_secret_hash: hashSecret(secret) });
			if (key)
				await trx('intake_requests').insert({
					key,
					complaint: id,
					source: registration.idempotency!.source,
					body_hash: registration.idempotency!.requestHash,
					date_created: new Date(),
				});
			const created = await trx('complaints')
				.select('reference', 'resolve_due_at', 'legal_due_at', 'citizen_language', 'channel')
				.where({ id })
				.first();
			if (registration.acknowledge !== false) {
				const contact = await contactOf(trx, id);
				const drafts = acknowledgmentDrafts(
					{
						reference: created.reference,
						channel: created.channel,
						citizen_email: contact?.email,
						citizen_phone: contact?.phone,
						citizen_language: created.citizen_language ?? registration.language,
					},
					// an unqualified complaint (an e-mail) has no resolution deadline yet: the legal ceiling is the promise
					{
						resolveDueAt: toIsoTimestamp(created.resolve_due_at) ?? toIsoTimestamp(created.legal_due_at),
						trackingUrl: trackingUrl(context, created.reference, secret),
					},
				);
				await insertOutboxDrafts(trx, id, drafts);
			}
			await registration.alongside?.(trx, id);
			return {
				id,
				reference: created.reference,
				trackingSecret: secret,
				replayed: false,
				resolveDueAt: toIsoTimestamp(created.resolve_due_at),
			};
		});
	} catch (error) {
		// two deliveries of the same key at once: the second lost the unique race and rolled back
		if (key && !(context.database as Knex.Transaction).isTransaction) {
			const raced = await replay(context, registration);
			if (raced) return raced;
		}
		throw error;
	}
}
