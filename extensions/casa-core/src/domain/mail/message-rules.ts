// What an e-mail read from the platform's mailbox means, decided without I/O:
// its identity (exactly-once import), its language, the text that becomes the
// complaint, the attachments kept, and whether it is a new complaint, a reply
// to one, or something to keep aside for an administrator.
import { createHash } from 'node:crypto';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, sniffImageType } from '../intake/image-type';
import type { Language } from '../i18n/messages';

/** Longest description a complaint accepts (complaint-plan TEXT_LIMITS). */
export const MAX_DESCRIPTION = 5000;
/** Bigger messages are not imported: kept in the mailbox and reported. */
export const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;
/** A message whose import failed this many times is set aside and reported. */
export const MAX_IMPORT_ATTEMPTS = 3;
/** How long a poller owns a message it is importing; a crashed poller's messages come back after it. */
export const IMPORT_LEASE_MS = 2 * 60_000;

// CAS-2026-000123, anywhere in a subject ("Re: Votre réclamation CAS-2026-000123 est enregistrée")
const REFERENCE_IN_TEXT = /\b([A-Z]{2,8})-(\d{4})-(\d{6,})\b/i;

/** The complaint reference a subject carries, upper-cased; null when none. */
export function referenceInSubject(subject: string | null | undefined): string | null {
	const match = REFERENCE_IN_TEXT.exec(subject ?? '');
	if (!match || match[1].toUpperCase() !== 'CAS') return null;
	return `CAS-${match[2]}-${match[3]}`;
}

export function sha256(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The ledger key of a message: its Message-ID when it has one (a second
 * delivery of the same message, even with other transport headers, is the same
 * message), otherwise the hash of its bytes.
 */
export function messageKey(messageId: string | null | undefined, raw: Uint8Array | string): string {
	const id = normaliseMessageId(messageId);
	if (!id) return `sha256:${sha256(raw)}`;
	const key = `mid:${id}`;
	// the ledger column holds 255 characters; absurd identifiers are hashed, still stable
	return key.length <= 255 ? key : `mid-sha256:${sha256(id)}`;
}

export function normaliseMessageId(messageId: string | null | undefined): string | null {
	if (typeof messageId !== 'string') return null;
	const trimmed = messageId.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
	return trimmed === '' ? null : trimmed;
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;

/** Arabic when Arabic script makes up at least a third of the letters (a French sentence quoting a street name stays French). */
export function detectLanguage(...texts: (string | null | undefined)[]): Language {
	const joined = texts.filter(Boolean).join('\n');
	const arabic = joined.match(ARABIC_LETTER)?.length ?? 0;
	const latin = joined.match(LATIN_LETTER)?.length ?? 0;
	if (arabic === 0) return 'fr';
	return arabic * 2 >= latin ? 'ar' : 'fr';
}

export type BodySource = 'text' | 'html' | 'none';

/** The plain-text part when it says something, else the HTML part turned into text. */
export function chooseBodySource(text: string | null | undefined, html: string | false | null | undefined): BodySource {
	if (typeof text === 'string' && text.trim() !== '') return 'text';
	if (typeof html === 'string' && html.trim() !== '') return 'html';
	return 'none';
}

// "Le 12 mars 2026 à 10:00, X a écrit :", "On Tue, X wrote:", "في ... كتب:"
const QUOTE_HEADER =
	/^\s*(?:le\s.+a\s+écrit\s*:|on\s.+wrote\s*:|.+كتب\s*:|-{2,}\s*(?:original message|message d'origine|message original)\s*-{2,})\s*$/i;

/** A reply without the quoted message below it (what the citizen added). */
export function stripQuotedReply(text: string): string {
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	const kept: string[] = [];
	for (const line of lines) {
		if (QUOTE_HEADER.test(line)) break;
		if (/^\s*>/.test(line)) continue;
		kept.push(line);
	}
	const result = kept.join('\n').trim();
	// a reply that is only a quote (top-posting clients vary): keep everything rather than nothing
	return result === '' ? text.trim() : result;
}

/** Blank lines collapsed, trailing spaces removed. */
export function tidyText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.replace(/\s+$/, ''))
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** The complaint's description: the subject, then the body, within the complaint's limit. */
export function composeDescription(subject: string, body: string): { description: string; truncated: boolean } {
	const parts = [subject.trim(), body.trim()].filter((part) => part !== '');
	// a subject repeated as the body's first line is said once
	if (parts.length === 2 && parts[1].startsWith(parts[0])) parts.shift();
	const full = parts.join('\n\n');
	if (full.length <= MAX_DESCRIPTION) return { description: full, truncated: false };
	return { description: `${full.slice(0, MAX_DESCRIPTION - 1)}…`, truncated: true };
}

export interface AttachmentInfo {
	filename: string | null;
	contentType: string;
	size: number;
	/** first bytes, to check the real type */
	head: Uint8Array;
	/** an image inside the HTML (signature, logo), not something the citizen attached */
	inline: boolean;
}

export type AttachmentVerdict =
	| { index: number; accepted: true; type: string; filename: string }
	| { index: number; accepted: false; filename: string; reason: 'type' | 'size' | 'count' };

const IMAGE_MIME: Record<string, string> = {
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	heic: 'image/heic',
};

/**
 * The portal's limits for documents: at most MAX_PHOTOS files of
 * MAX_PHOTO_BYTES each, JPEG/PNG/WebP/HEIC images or PDF, judged by their
 * bytes, not by the type the sender's mail client declared.
 */
export function judgeAttachments(attachments: AttachmentInfo[]): AttachmentVerdict[] {
	const verdicts: AttachmentVerdict[] = [];
	let accepted = 0;
	attachments.forEach((attachment, index) => {
		if (attachment.inline) return;
		const filename = attachment.filename?.trim() || `piece-jointe-${index + 1}`;
		const type = realType(attachment.head);
		if (!type) verdicts.push({ index, accepted: false, filename, reason: 'type' });
		else if (attachment.size > MAX_PHOTO_BYTES) verdicts.push({ index, accepted: false, filename, reason: 'size' });
		else if (accepted >= MAX_PHOTOS) verdicts.push({ index, accepted: false, filename, reason: 'count' });
		else {
			accepted++;
			verdicts.push({ index, accepted: true, type, filename });
		}
	});
	return verdicts;
}

function realType(head: Uint8Array): string | null {
	const image = sniffImageType(head);
	if (image && IMAGE_MIME[image]) return IMAGE_MIME[image];
	if (head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === '%PDF-') return 'application/pdf';
	return null;
}

export interface MessageFacts {
	fromAddress: string | null;
	subject: string;
	/** body text already chosen (plain text or HTML turned into text) */
	body: string;
	/** attachments the citizen meant (inline images excluded) */
	attachmentCount: number;
	/** Auto-Submitted header (RFC 3834), lower-cased; null when absent */
	autoSubmitted: string | null;
	/** content type of the message, e.g. multipart/report for a delivery report */
	contentType: string | null;
}

/** The complaint the subject's reference names, as the adapter found it. */
export interface ReferencedComplaint {
	id: string;
	citizenEmail: string | null;
}

export type MessageDecision =
	| { kind: 'complaint'; language: Language }
	| { kind: 'reply'; complaintId: string; language: Language }
	| { kind: 'ignored'; reason: 'auto_reply' | 'delivery_report' }
	| { kind: 'failed'; reason: 'no_sender' | 'empty' };

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
	return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * New complaint, reply to an existing one, or set aside. A reference in the
 * subject threads the message only when it comes from that complaint's own
 * citizen address: anyone else writing about it files a complaint of their own.
 * Automatic answers (out of office, delivery reports) are kept, not imported,
 * so they never start a complaint nor loop with our acknowledgments.
 */
export function decideMessage(facts: MessageFacts, referenced: ReferencedComplaint | null): MessageDecision {
	if (facts.contentType?.toLowerCase() === 'multipart/report') return { kind: 'ignored', reason: 'delivery_report' };
	if (facts.autoSubmitted && facts.autoSubmitted !== 'no') return { kind: 'ignored', reason: 'auto_reply' };
	if (!facts.fromAddress || !ADDRESS.test(facts.fromAddress)) return { kind: 'failed', reason: 'no_sender' };
	if (facts.body.trim() === '' && facts.subject.trim() === '' && facts.attachmentCount === 0)
		return { kind: 'failed', reason: 'empty' };
	const language = detectLanguage(facts.subject, facts.body);
	if (referenced && sameAddress(referenced.citizenEmail, facts.fromAddress))
		return { kind: 'reply', complaintId: referenced.id, language };
	if (facts.body.trim() === '' && facts.subject.trim() === '') return { kind: 'failed', reason: 'empty' };
	return { kind: 'complaint', language };
}

/** What to do with a message whose import threw: try again, or set it aside and tell the administrators. */
export function afterImportError(attempts: number): 'retry' | 'failed' {
	return attempts >= MAX_IMPORT_ATTEMPTS ? 'failed' : 'retry';
}
