// What the citizen is told when their complaint moves, decided without I/O:
// which change of a complaint notifies, on which channels the citizen can be
// reached, in which language, with which values. The complaint hooks turn the
// result into outbox rows inside the transaction of the change itself.
import { type Language, pickLanguage } from '../i18n/messages';

/** Outbox events a citizen receives after the acknowledgment (templates: notifications.<event>). */
export type CitizenEvent = 'assignment' | 'request_information' | 'resolution' | 'reopening';
export type CitizenChannel = 'email' | 'sms' | 'whatsapp';

/** Complaint channels whose citizen is reachable on WhatsApp (the chat adapter answers there). */
export const WHATSAPP_CHANNELS: readonly string[] = ['whatsapp'];

/** The complaint as stored, before the change (only what matters here). */
export interface NotifiedComplaint {
	reference: string;
	status: string;
	channel?: string | null;
	service?: string | null;
	citizen_email?: string | null;
	citizen_phone?: string | null;
	citizen_language?: string | null;
	/** WhatsApp address (wa_id) kept by the chat adapter, when it differs from citizen_phone */
	whatsapp_id?: string | null;
	public_reply?: string | null;
	resolve_due_at?: string | null;
}

/** What the update decided (plan values merged with the payload). */
export interface ComplaintChange {
	status?: string;
	service?: string | null;
	public_reply?: string | null;
	resolve_due_at?: string | null;
	citizen_email?: string | null;
	citizen_phone?: string | null;
	citizen_language?: string | null;
}

export interface ServiceNames {
	fr: string;
	ar: string;
}

export interface OutboxDraft {
	event: CitizenEvent | 'acknowledgment';
	channel: CitizenChannel;
	recipient: string;
	language: Language;
	/** values of the template; never staff names, and the tracking link only in the acknowledgment (removed once sent) */
	payload: Record<string, string | null>;
}

interface Situation {
	before: NotifiedComplaint;
	after: NotifiedComplaint;
	/** the public reply written by this very change (a question, an answer), if any */
	newReply: string | null;
}

interface Rule {
	event: CitizenEvent;
	/** does this change notify? */
	when: (situation: Situation) => boolean;
	/** the values the template needs besides reference, due date and service */
	values: (situation: Situation) => Record<string, string | null>;
}

const OPEN_AFTER_ROUTING = ['assigned', 'in_progress', 'waiting_citizen', 'reopened'];
const movedTo = (status: string) => (s: Situation) => s.after.status === status && s.before.status !== status;

/**
 * The table: one row per citizen-facing event, first match per event.
 * - assignment: the complaint reaches a service (status becomes assigned), or a
 *   complaint already being worked is requalified to another service;
 * - request_information: the city waits for the citizen (the question, if the
 *   agent wrote one in the public reply of the same change);
 * - resolution: resolved, with the public reply;
 * - reopening: reopened (by the citizen or the service head).
 * Reassignments inside a service, notes, in-progress and closing are internal.
 */
export const CITIZEN_NOTIFICATION_RULES: readonly Rule[] = [
	{
		event: 'assignment',
		when: (s) =>
			movedTo('assigned')(s) ||
			(OPEN_AFTER_ROUTING.includes(s.before.status) &&
				s.after.status === s.before.status &&
				!!s.after.service &&
				(s.before.service ?? null) !== s.after.service),
		values: () => ({}),
	},
	{ event: 'request_information', when: movedTo('waiting_citizen'), values: (s) => ({ reply: s.newReply }) },
	{ event: 'resolution', when: movedTo('resolved'), values: (s) => ({ reply: s.after.public_reply ?? null }) },
	{ event: 'reopening', when: movedTo('reopened'), values: () => ({}) },
];

const blank = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The channels the citizen can be reached on, one recipient each. */
export function reachableChannels(complaint: NotifiedComplaint): { channel: CitizenChannel; recipient: string }[] {
	const channels: { channel: CitizenChannel; recipient: string }[] = [];
	if (!blank(complaint.citizen_email))
		channels.push({ channel: 'email', recipient: String(complaint.citizen_email).trim() });
	const whatsapp = complaint.whatsapp_id ?? complaint.citizen_phone;
	// a citizen who came by WhatsApp hears back there, not by SMS on the same number as well
	if (WHATSAPP_CHANNELS.includes(String(complaint.channel)) && !blank(whatsapp))
		channels.push({ channel: 'whatsapp', recipient: String(whatsapp).trim() });
	else if (!blank(complaint.citizen_phone))
		channels.push({ channel: 'sms', recipient: String(complaint.citizen_phone).trim() });
	return channels;
}

/** Outbox rows for one change of one complaint; empty when the citizen is not concerned or unreachable. */
export function citizenNotifications(
	before: NotifiedComplaint,
	change: ComplaintChange,
	serviceNames: (code: string) => ServiceNames | null = () => null,
): OutboxDraft[] {
	const after: NotifiedComplaint = { ...before };
	for (const [key, value] of Object.entries(change))
		if (value !== undefined) (after as unknown as Record<string, unknown>)[key] = value;
	const newReply =
		!blank(change.public_reply) && change.public_reply !== before.public_reply ? String(change.public_reply) : null;
	const situation: Situation = { before, after, newReply };
	const events = CITIZEN_NOTIFICATION_RULES.filter((rule) => rule.when(situation));
	if (events.length === 0) return [];
	const recipients = reachableChannels(after);
	if (recipients.length === 0) return [];
	const language = pickLanguage(after.citizen_language);
	const names = after.service ? serviceNames(after.service) : null;
	const drafts: OutboxDraft[] = [];
	for (const rule of events) {
		const payload: Record<string, string | null> = {
			reference: after.reference,
			service: names ? names[language] : (after.service ?? null),
			resolve_due_at: after.resolve_due_at ?? null,
			...rule.values(situation),
		};
		for (const recipient of recipients) drafts.push({ event: rule.event, ...recipient, language, payload });
	}
	return drafts;
}

/**
 * The acknowledgment of a new complaint, on every channel the citizen left:
 * the reference, the promised date and the tracking link (the only message
 * that carries it; the outbox drops it from the row once sent).
 */
export function acknowledgmentDrafts(
	complaint: Omit<NotifiedComplaint, 'status'>,
	values: { resolveDueAt: string | null; trackingUrl: string },
): OutboxDraft[] {
	const language = pickLanguage(complaint.citizen_language);
	const payload = {
		reference: complaint.reference,
		resolve_due_at: values.resolveDueAt,
		tracking_url: values.trackingUrl,
	};
	return reachableChannels({ ...complaint, status: 'new' }).map((recipient) => ({
		event: 'acknowledgment' as const,
		...recipient,
		language,
		payload,
	}));
}
