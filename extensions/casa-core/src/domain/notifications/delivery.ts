// Delivery rules of the outbox: how long to wait before trying again, when to
// give up, and what a message says in the citizen's language.
import { type Language, translate } from '../i18n/messages';

export const MAX_ATTEMPTS = 6;
/**
 * How long a claimed message stays with its sender. Longer than a send may take
 * (each send is cut at a third of it), so nothing can claim a message again
 * before its sender has written the sent-mark; after a crash the message is
 * claimed again by the first pass past the lease (CASA_OUTBOX_LEASE_MS).
 */
export const SENDING_LEASE_MS = 60_000;

/** Exponential backoff with a ceiling: 1 min, 2, 4, 8, 16, then 60 min. */
export function retryDelayMs(attempts: number): number {
	return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export type Outcome =
	{ status: 'sent' } | { status: 'retry'; nextAttemptAt: Date; error: string } | { status: 'failed'; error: string };

export function outcomeOfFailure(attempts: number, error: string, now: Date): Outcome {
	if (attempts >= MAX_ATTEMPTS) return { status: 'failed', error };
	return { status: 'retry', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)), error };
}

export interface RenderedMessage {
	subject: string;
	text: string;
	html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** Subject and body of an outbox event; Arabic e-mails are right to left. Citizen text is escaped, never rendered as HTML. */
export function renderMessage(event: string, language: Language, values: Record<string, unknown>): RenderedMessage {
	const key = `notifications.${event}`;
	const subject = translate(language, `${key}.subject`, values);
	// a message whose citizen-facing text is optional (a request for information without a written question) has a variant without it
	const withoutReply = values.reply === undefined || values.reply === null || String(values.reply).trim() === '';
	const variant = `${key}.body_without_reply`;
	const text =
		withoutReply && translate(language, variant, values) !== variant
			? translate(language, variant, values)
			: translate(language, `${key}.body`, values);
	const direction = language === 'ar' ? 'rtl' : 'ltr';
	const paragraphs = text
		.split('\n')
		.map((line) => `<p>${escapeHtml(line)}</p>`)
		.join('');
	const html = `<!doctype html><html lang="${language}" dir="${direction}"><body style="font-family: Arial, sans-serif; direction: ${direction}; text-align: ${language === 'ar' ? 'right' : 'left'}">${paragraphs}</body></html>`;
	return { subject, text, html };
}
