// Turns one ledger row (a message as received) into a complaint or a reply to
// one, through the complaint hooks (validation, reference, deadlines, history),
// with the acknowledgment in the outbox and the ledger marked processed in the
// same transaction. A message that cannot be imported is set aside (ledger
// status failed with its reason) and the administrators are told in the app.
import { Readable } from 'node:stream';
import type { SchemaOverview } from '@directus/types';
import { convert as htmlToText } from 'html-to-text';
import type { Knex } from 'knex';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { type Language, pickLanguage, translate } from '../../domain/i18n/messages';
import {
	MAX_DESCRIPTION,
	afterImportError,
	chooseBodySource,
	composeDescription,
	decideMessage,
	judgeAttachments,
	referenceInSubject,
	stripQuotedReply,
	tidyText,
	type AttachmentVerdict,
} from '../../domain/mail/message-rules';
import { registerComplaint } from '../registration/register-complaint';
import { type LedgerRow, LostClaimError, claim, finish } from './ledger';
import { confidentCategory } from '../suggestion/suggest';

/** The suggestion's category when it is sure enough; never stops an import (null when it cannot answer). */
async function suggestedCategory(database: Knex, text: string): Promise<string | null> {
	try {
		return await confidentCategory(database, text);
	} catch {
		return null;
	}
}

export interface ImportContext {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	ItemsService: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	FilesService: any;
	schema: SchemaOverview;
	database: Knex;
	publicUrl: string;
	/** server secret (the registration's tracking secrets) */
	secret: string;
	/** test-only fault injection (CASA_MAIL_TEST_FAULTS); never set in production */
	fault?: (point: FaultPoint, messageKey: string, requested: string | null) => void;
	now?: () => Date;
}

/** Header naming the fault point of a test message (honoured only with CASA_MAIL_TEST_FAULTS). */
export const FAULT_HEADER = 'x-casa-test-fault';

// a crash inside the transaction rolls it back and leaves the claim to expire (IMPORT_LEASE_MS)
export type FaultPoint = 'after-ledger' | 'after-commit';

/** A simulated crash: aborts the whole poll as a killed process would, nothing is marked failed. */
export class SimulatedCrash extends Error {}

export type ImportOutcome = 'complaint' | 'reply' | 'ignored' | 'failed' | 'retry' | 'skipped';

const BOTH: Language[] = ['fr', 'ar'];
const bilingual = (key: string, values: Record<string, unknown>) =>
	BOTH.map((language) => translate(language, key, values)).join('\n');

function firstAddress(from: AddressObject | AddressObject[] | undefined): {
	address: string | null;
	name: string | null;
} {
	const entry = (Array.isArray(from) ? from[0] : from)?.value?.[0];
	return { address: entry?.address?.trim() || null, name: entry?.name?.trim() || null };
}

function headerText(parsed: ParsedMail, name: string): string | null {
	const value = parsed.headers.get(name);
	if (value === undefined || value === null) return null;
	if (typeof value === 'string') return value.toLowerCase().trim();
	if (typeof value === 'object' && 'value' in value)
		return String((value as { value: unknown }).value)
			.toLowerCase()
			.trim();
	return String(value).toLowerCase().trim();
}

function bodyOf(parsed: ParsedMail): string {
	const source = chooseBodySource(parsed.text, parsed.html);
	if (source === 'text') return tidyText(parsed.text ?? '');
	if (source === 'html')
		return tidyText(
			htmlToText(parsed.html as string, {
				wordwrap: false,
				selectors: [
					{ selector: 'img', format: 'skip' },
					{ selector: 'a', options: { ignoreHref: true } },
				],
			}),
		);
	return '';
}

function attachmentVerdicts(parsed: ParsedMail): AttachmentVerdict[] {
	return judgeAttachments(
		parsed.attachments.map((attachment) => ({
			filename: attachment.filename ?? null,
			contentType: attachment.contentType,
			size: attachment.size ?? attachment.content.length,
			head: attachment.content.subarray(0, 16),
			// images the HTML shows (signatures, logos) are not documents the citizen sent
			inline:
				attachment.related === true ||
				(attachment.contentDisposition === 'inline' && !!attachment.cid && attachment.contentType.startsWith('image/')),
		})),
	);
}

/** Imports one row this poller has claimed; never throws except a simulated crash. */
export async function importRow(context: ImportContext, row: LedgerRow): Promise<ImportOutcome> {
	const now = context.now ?? (() => new Date());
	const claimed = await claim(context.database, row, now());
	if (!claimed) return 'skipped';
	let parsed: ParsedMail | null = null;
	try {
		parsed = await simpleParser(Buffer.from(claimed.raw ?? '', 'base64'));
		const sender = firstAddress(parsed.from);
		const subject = (parsed.subject ?? '').trim();
		const body = bodyOf(parsed);
		const verdicts = attachmentVerdicts(parsed);
		const reference = referenceInSubject(subject);
		const referenced = reference
			? await context
					.database('complaints as c')
					.leftJoin('citizen_contacts as cc', 'cc.complaint', 'c.id')
					.select('c.id', 'cc.email as citizen_email')
					.where('c.reference', reference)
					.first()
			: null;
		const decision = decideMessage(
			{
				fromAddress: sender.address,
				subject,
				body,
				attachmentCount: verdicts.length,
				autoSubmitted: headerText(parsed, 'auto-submitted'),
				contentType: parsed.headers.get('content-type')
					? (headerText(parsed, 'content-type')?.split(';')[0] ?? null)
					: null,
			},
			referenced ? { id: String(referenced.id), citizenEmail: referenced.citizen_email ?? null } : null,
		);
		if (decision.kind === 'ignored') {
			await context.database.transaction((trx) =>
				finish(trx, claimed, { status: 'ignored', reason: decision.reason, keepRaw: true }),
			);
			return 'ignored';
		}
		if (decision.kind === 'failed') {
			await setAside(context, claimed, { key: `mail.reason.${decision.reason}`, values: {} }, sender.address, subject);
			return 'failed';
		}
		// a confident category suggestion files the complaint in its category; a weak one leaves it to qualify
		const suggested =
			decision.kind === 'complaint'
				? await suggestedCategory(context.database, composeDescription(subject, body).description)
				: null;
		const fileIds = await storeAttachments(context, parsed, verdicts);
		try {
			await context.database.transaction(async (trx) => {
				if (decision.kind === 'complaint')
					await createComplaint(context, trx, claimed, {
						sender,
						subject,
						body,
						language: decision.language,
						fileIds,
						verdicts,
						category: suggested,
					});
				else await appendReply(context, trx, claimed, decision.complaintId, { body, subject, fileIds, verdicts });
			});
		} catch (error) {
			await removeFiles(context, fileIds);
			throw error;
		}
		context.fault?.('after-commit', claimed.message_key, headerText(parsed, FAULT_HEADER));
		return decision.kind;
	} catch (error) {
		if (error instanceof SimulatedCrash) throw error;
		if (error instanceof LostClaimError) return 'skipped';
		const message = (error as Error)?.message ?? String(error);
		const sender = parsed ? firstAddress(parsed.from).address : null;
		if (afterImportError(claimed.attempts) === 'failed') {
			await setAside(
				context,
				claimed,
				{ key: 'mail.reason.error', values: { error: message.slice(0, 500) } },
				sender,
				parsed?.subject ?? null,
			);
			return 'failed';
		}
		await context.database
			.transaction((trx) => finish(trx, claimed, { status: 'received', reason: message.slice(0, 2000) }))
			.catch(() => undefined);
		return 'retry';
	}
}

async function createComplaint(
	context: ImportContext,
	trx: Knex.Transaction,
	claimed: LedgerRow,
	mail: {
		sender: { address: string | null; name: string | null };
		subject: string;
		body: string;
		language: Language;
		fileIds: string[];
		verdicts: AttachmentVerdict[];
		category?: string | null;
	},
): Promise<void> {
	const { description, truncated } = composeDescription(mail.subject, mail.body);
	// the same registration as every road in; the mail's notes and the ledger ride in its transaction
	await registerComplaint(
		{ ...context, database: trx },
		{
			values: {
				description,
				type: 'reclamation',
				citizen_email: mail.sender.address,
				...(mail.sender.name ? { citizen_name: mail.sender.name.slice(0, 120) } : {}),
				citizen_language: mail.language,
				...(mail.category ? { category: mail.category } : {}),
			},
			channel: 'email',
			language: mail.language,
			accountability: null,
			files: mail.fileIds.map((id) => ({ id, kind: 'document' as const })),
			alongside: async (inner, id) => {
				await noteAboutTheMail(context, inner, id, mail.verdicts, truncated);
				if (mail.category)
					await new context.ItemsService('complaint_events', {
						schema: context.schema,
						knex: inner,
						accountability: null,
					}).createOne({
						complaint: id,
						type: 'note',
						body: bilingual('mail.note.suggested_category', { category: mail.category }),
						visibility: 'internal',
						actor: null,
						actor_kind: 'system',
					});
				await finish(inner, claimed, { status: 'processed', outcome: 'complaint', complaint: id });
			},
		},
	);
}

async function appendReply(
	context: ImportContext,
	trx: Knex.Transaction,
	claimed: LedgerRow,
	complaintId: string,
	mail: { body: string; subject: string; fileIds: string[]; verdicts: AttachmentVerdict[] },
): Promise<void> {
	const text = stripQuotedReply(mail.body) || mail.subject;
	const events = new context.ItemsService('complaint_events', {
		schema: context.schema,
		knex: trx,
		accountability: null,
	});
	// the citizen's own words: in the history, for the staff (not on the public tracking page)
	await events.createOne({
		complaint: complaintId,
		type: 'note',
		body: text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text,
		visibility: 'internal',
		actor: null,
		actor_kind: 'citizen',
	});
	if (mail.fileIds.length > 0) {
		const links = new context.ItemsService('complaint_files', {
			schema: context.schema,
			knex: trx,
			accountability: null,
		});
		await links.createMany(
			mail.fileIds.map((fileId) => ({ complaints_id: complaintId, directus_files_id: fileId, kind: 'document' })),
		);
	}
	await noteAboutTheMail(context, trx, complaintId, mail.verdicts, text.length > MAX_DESCRIPTION);
	await finish(trx, claimed, { status: 'processed', outcome: 'reply', complaint: complaintId });
}

/** Attachments left out and text cut are said in the history, so nobody believes the complaint is whole. */
async function noteAboutTheMail(
	context: ImportContext,
	trx: Knex.Transaction,
	complaintId: string,
	verdicts: AttachmentVerdict[],
	truncated: boolean,
): Promise<void> {
	const notes: string[] = [];
	const refused = verdicts.filter(
		(verdict): verdict is Extract<AttachmentVerdict, { accepted: false }> => !verdict.accepted,
	);
	if (refused.length > 0) {
		for (const language of BOTH) {
			const list = refused
				.map((verdict) => translate(language, `mail.refused.${verdict.reason}`, { filename: verdict.filename }))
				.join(', ');
			notes.push(translate(language, 'mail.note.attachments_refused', { list }));
		}
	}
	if (truncated) notes.push(bilingual('mail.note.truncated', { limit: MAX_DESCRIPTION }));
	if (notes.length === 0) return;
	const events = new context.ItemsService('complaint_events', {
		schema: context.schema,
		knex: trx,
		accountability: null,
	});
	await events.createOne({
		complaint: complaintId,
		type: 'note',
		body: notes.join('\n'),
		visibility: 'internal',
		actor: null,
		actor_kind: 'system',
	});
}

async function storeAttachments(
	context: ImportContext,
	parsed: ParsedMail,
	verdicts: AttachmentVerdict[],
): Promise<string[]> {
	const accepted = verdicts.filter(
		(verdict): verdict is Extract<AttachmentVerdict, { accepted: true }> => verdict.accepted,
	);
	if (accepted.length === 0) return [];
	const files = new context.FilesService({ schema: context.schema, accountability: null });
	const ids: string[] = [];
	try {
		for (const verdict of accepted) {
			const attachment = parsed.attachments[verdict.index];
			// the type judged from the bytes, not the one the mail client declared
			ids.push(
				await files.uploadOne(Readable.from(attachment.content), {
					storage: 'local',
					filename_download: verdict.filename,
					type: verdict.type,
					title: verdict.filename,
				}),
			);
		}
	} catch (error) {
		await removeFiles(context, ids);
		throw error;
	}
	return ids;
}

async function removeFiles(context: ImportContext, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	await new context.FilesService({ schema: context.schema, accountability: null })
		.deleteMany(ids)
		.catch(() => undefined);
}

/** Failed for good: kept in the ledger (raw included) with its reason, and every active administrator is told in the app. */
export async function setAside(
	context: ImportContext,
	claimed: LedgerRow,
	reason: { key: string; values: Record<string, unknown> },
	from: string | null,
	subject: string | null,
): Promise<void> {
	await context.database.transaction(async (trx) => {
		await finish(trx, claimed, { status: 'failed', reason: translate('fr', reason.key, reason.values) });
		await notifyAdministrators(trx, claimed.id, reason, from, subject);
	});
}

export async function notifyAdministrators(
	trx: Knex,
	ledgerId: number,
	reason: { key: string; values: Record<string, unknown> },
	from: string | null,
	subject: string | null,
): Promise<void> {
	const admins = await administrators(trx);
	for (const admin of admins) {
		const language = pickLanguage(admin.language);
		const values = {
			from: from ?? translate(language, 'mail.unknown_sender'),
			subject: subject?.trim() || translate(language, 'mail.no_subject'),
			id: ledgerId,
			reason: translate(language, reason.key, reason.values),
		};
		await trx('directus_notifications').insert({
			timestamp: new Date(),
			status: 'inbox',
			recipient: admin.id,
			sender: null,
			subject: translate(language, 'mail.failure.subject', values).slice(0, 255),
			message: translate(language, 'mail.failure.message', values),
			collection: 'mail_messages',
			item: String(ledgerId),
		});
	}
}

/** Active users with an administrator policy, through their role or directly. */
async function administrators(knex: Knex): Promise<{ id: string; language: string | null }[]> {
	const viaRole = knex('directus_users as u')
		.join('directus_access as a', 'a.role', 'u.role')
		.join('directus_policies as p', 'p.id', 'a.policy')
		.where('p.admin_access', true)
		.andWhere('u.status', 'active')
		.select('u.id', 'u.language');
	const direct = knex('directus_users as u')
		.join('directus_access as a', 'a.user', 'u.id')
		.join('directus_policies as p', 'p.id', 'a.policy')
		.where('p.admin_access', true)
		.andWhere('u.status', 'active')
		.select('u.id', 'u.language');
	const rows = [...(await viaRole), ...(await direct)] as { id: string; language: string | null }[];
	return [...new Map(rows.map((row) => [row.id, row])).values()];
}
