// Runs one inbound chat message through the engine against the stored
// conversation, for every chat channel (WhatsApp, the portal widget).
// The row is updated optimistically (`version`): two messages of one contact
// handled at once are applied one after the other, and a message id already
// in `recent_messages` (a webhook delivered twice) changes nothing. When the
// engine asks to submit, the complaint goes through the shared intake with an
// idempotency key bound to the conversation's version, so a retry after a lost
// race finds the same complaint.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { trainedModel } from '../suggestion/model-store';
import { isConfident } from '../../domain/suggestion/classifier';
import {
	type Catalog,
	type Conversation,
	type Inbound,
	type Reply,
	type Turn,
	FINAL_STATES,
	completed,
	greet,
	handle,
	intakeBody,
	isExpired,
	refused,
} from '../../domain/chat/engine';
import { type Language, pickLanguage, translate } from '../../domain/i18n/messages';
import { type IntakeContext, intakeComplaint, trackingUrl } from '../intake';

export type ChatChannel = 'whatsapp' | 'widget';

export interface ChatContext extends IntakeContext {
	idleMinutes: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	logger?: { warn: (...args: any[]) => void; error: (...args: any[]) => void };
}

export interface InboundEnvelope {
	channel: ChatChannel;
	contactKey: string;
	/** the channel's message id (WhatsApp wamid, the widget's client id): duplicates are ignored */
	messageId: string | null;
	/** read only when the message is new (a photo is downloaded and stored then) */
	input: () => Promise<Inbound>;
	fallbackLanguage: Language;
	/** complaint channel and extra intake fields (the WhatsApp number, with consent) */
	complaintChannel: 'whatsapp' | 'chat';
	extraFields?: Record<string, unknown>;
	receivedAt?: Date;
}

export interface ChatOutcome {
	duplicate: boolean;
	replies: Reply[];
	conversation: Conversation | null;
	reference?: string;
	trackingUrl?: string;
}

interface Row {
	id: number;
	language: string | null;
	conversation: unknown;
	recent_messages: unknown;
	version: number;
	expires_at: unknown;
}

const RECENT = 50;
const parse = <T>(value: unknown, fallback: T): T => {
	if (value === null || value === undefined) return fallback;
	if (typeof value === 'string') {
		try {
			return JSON.parse(value) as T;
		} catch {
			return fallback;
		}
	}
	return value as T;
};
const asDate = (value: unknown): Date | null =>
	value === null || value === undefined || value === ''
		? null
		: new Date(typeof value === 'number' || /^\d+$/.test(String(value)) ? Number(value) : String(value));

export async function loadCatalog(knex: Knex): Promise<Catalog> {
	const [services, categories] = await Promise.all([
		knex('services').select('code', 'name_fr', 'name_ar').where({ active: true }).orderBy('sort'),
		knex('categories')
			.select('code', 'service', 'name_fr', 'name_ar', 'keywords')
			.where({ active: true })
			.orderBy('sort'),
	]);
	// free text the engine cannot match goes to the category suggestion, when trained and sure
	const model = trainedModel();
	const active = new Set(categories.map((category: { code: string }) => category.code));
	const suggest = model
		? (text: string) => {
				const suggestions = model.suggest(text, 3).filter((suggestion) => active.has(suggestion.code));
				return isConfident(suggestions) ? suggestions[0].code : null;
			}
		: undefined;
	return { services, categories, suggest };
}

async function loadRow(knex: Knex, contactKey: string): Promise<Row | undefined> {
	return knex('conversations')
		.select('id', 'language', 'conversation', 'recent_messages', 'version', 'expires_at')
		.where({ contact_key: contactKey })
		.first();
}

export async function currentConversation(knex: Knex, contactKey: string): Promise<Conversation | null> {
	const row = await loadRow(knex, contactKey);
	return row ? parse<Conversation | null>(row.conversation, null) : null;
}

/** Field errors thrown by the intake (an array of Directus errors with extensions.field) */
function fieldErrorsOf(error: unknown): { field: string; message: string }[] {
	const list = Array.isArray(error) ? error : [error];
	const found = list
		.map((item) => (item as { extensions?: { field?: string; message?: string }; message?: string }) ?? {})
		.filter((item) => typeof item.extensions?.field === 'string')
		.map((item) => ({ field: item.extensions!.field!, message: item.extensions!.message ?? item.message ?? '' }));
	return found.length === list.length ? found : [];
}

export async function receive(context: ChatContext, envelope: InboundEnvelope): Promise<ChatOutcome> {
	const knex = context.database;
	const seen = (row: Row | undefined) =>
		!!envelope.messageId && !!row && parse<string[]>(row.recent_messages, []).includes(envelope.messageId);
	let row = await loadRow(knex, envelope.contactKey);
	if (seen(row)) return { duplicate: true, replies: [], conversation: null };
	const input = await envelope.input();
	const received = input.kind === 'photo' ? fileOf(input.photo) : null;
	const catalog = await loadCatalog(knex);
	for (let attempt = 0; attempt < 8; attempt++) {
		if (attempt > 0) row = await loadRow(knex, envelope.contactKey);
		if (seen(row)) {
			// the same delivery handled meanwhile by another request: its copy of the photo is the one kept
			await removeFiles(context, [received]);
			return { duplicate: true, replies: [], conversation: null };
		}
		const now = new Date();
		const stored = row ? parse<Conversation | null>(row.conversation, null) : null;
		const active = stored && !FINAL_STATES.includes(stored.state) ? stored : null;
		const expired = !!active && isExpired(asDate(row?.expires_at), now);
		let turn: Turn =
			active && !expired
				? handle(active, input, catalog)
				: greet(
						input,
						catalog,
						pickLanguage(stored?.language ?? envelope.fallbackLanguage),
						expired ? 'expired' : undefined,
					);
		let complaintId: string | null = null;
		let result: { reference: string; trackingUrl: string } | undefined;
		if (turn.submit) {
			const draft = turn.conversation;
			const photo = draft.draft.photo as { file?: string } | null | undefined;
			try {
				const created = await intakeComplaint(context, {
					body: { ...intakeBody(draft), ...(envelope.extraFields ?? {}) },
					channel: envelope.complaintChannel,
					language: draft.language,
					idempotencyKey: createHash('sha256')
						.update(`${envelope.contactKey}:${row?.version ?? 0}`)
						.digest('hex'),
					source: `chat-${envelope.channel}`,
					fileIds: photo?.file ? [photo.file] : [],
					acknowledged: true,
				});
				complaintId = created.id;
				result = {
					reference: created.reference,
					trackingUrl: trackingUrl(context, created.reference, created.trackingSecret),
				};
				turn = completed(draft, result);
			} catch (error) {
				const errors = fieldErrorsOf(error);
				if (errors.length > 0) turn = refused(draft, errors, catalog);
				else {
					context.logger?.error(error, '[casa-core] chat: the complaint could not be created');
					turn = {
						conversation: { ...draft, state: 'confirm' },
						replies: [{ text: translate(draft.language, 'chat.failure') }],
					};
				}
			}
		}
		const recent = [
			...(row ? parse<string[]>(row.recent_messages, []) : []),
			...(envelope.messageId ? [envelope.messageId] : []),
		].slice(-RECENT);
		const values = {
			language: turn.conversation.language,
			state: turn.conversation.state,
			// loi 09-08: once the conversation is over, its draft (description, place, photo) is not kept here
			conversation: JSON.stringify(
				FINAL_STATES.includes(turn.conversation.state) ? { ...turn.conversation, draft: {} } : turn.conversation,
			),
			recent_messages: JSON.stringify(recent),
			last_inbound_at: envelope.receivedAt ?? now,
			expires_at: new Date(now.getTime() + context.idleMinutes * 60_000),
			...(complaintId ? { complaint: complaintId } : {}),
		};
		if (!row) {
			try {
				await knex('conversations').insert({
					...values,
					channel: envelope.channel,
					contact_key: envelope.contactKey,
					version: 1,
					date_created: now,
				});
			} catch {
				continue; // another message of the same contact created the row first
			}
		} else {
			const updated = await knex('conversations')
				.where({ id: row.id, version: row.version })
				.update({ ...values, version: row.version + 1 });
			if (updated === 0) continue;
		}
		// a photo replaced, or a conversation that ended without a complaint, leaves no file behind
		if (!complaintId) {
			const kept = FINAL_STATES.includes(turn.conversation.state) ? null : fileOf(turn.conversation.draft.photo);
			await removeFiles(
				context,
				[fileOf(active?.draft.photo), received].filter((id) => id !== kept),
			);
		}
		return { duplicate: false, replies: turn.replies, conversation: turn.conversation, ...(result ?? {}) };
	}
	throw new Error('chat: the conversation kept changing, message not applied');
}

/** A new widget session: the greeting and the first question. */
export async function startConversation(
	context: ChatContext,
	channel: ChatChannel,
	contactKey: string,
	language: Language,
): Promise<ChatOutcome> {
	const turn = greet(null, await loadCatalog(context.database), language);
	const now = new Date();
	await context.database('conversations').insert({
		channel,
		contact_key: contactKey,
		language: turn.conversation.language,
		state: turn.conversation.state,
		conversation: JSON.stringify(turn.conversation),
		recent_messages: JSON.stringify([]),
		version: 1,
		last_inbound_at: now,
		expires_at: new Date(now.getTime() + context.idleMinutes * 60_000),
		date_created: now,
	});
	return { duplicate: false, replies: turn.replies, conversation: turn.conversation };
}

function fileOf(photo: unknown): string | null {
	const file = (photo as { file?: unknown } | null | undefined)?.file;
	return typeof file === 'string' ? file : null;
}

async function removeFiles(context: ChatContext, ids: (string | null)[]): Promise<void> {
	const wanted = ids.filter((id): id is string => !!id);
	if (wanted.length === 0 || !context.FilesService) return;
	await new context.FilesService({ schema: context.schema, accountability: null })
		.deleteMany(wanted)
		.catch((error: Error) => context.logger?.warn(`[casa-core] chat: photo not removed: ${error.message}`));
}
