// Loi 09-08: how long the platform keeps personal data, and what expires when.
// Plain rules, no Directus: the retention job (adapters/privacy/anonymise.ts),
// the citizen's erasure (portal, /casa-privacy) and the notices read them.
//
// The register itself never expires: references, dates, categories,
// arrondissement, statuses, replies, deadlines and counts stay, so the monthly
// reports give the same figures before and after. What expires is what says
// who the citizen is: their contact row, the addresses and texts of messages
// sent to them, raw e-mails, chat conversations, photo metadata, scans and
// attachments, Directus's revisions and request metadata of those items.

/** Settings (platform_settings), in days. 0 means "at the next run". */
export interface RetentionSettings {
	/** personal data of a closed or rejected complaint, from its closure */
	contactDays: number;
	/** raw e-mails of the mail intake (text, sender, subject), from reception */
	mailDays: number;
	/** chat conversations (WhatsApp number, draft), from the citizen's last message */
	chatDays: number;
	/** addresses and texts of messages sent (outbox), once sent or failed */
	outboxDays: number;
	/** the access journal (who read which citizen's contact) */
	journalDays: number;
	/** staff exports (files named export-…), from their creation */
	exportDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = {
	contactDays: 730,
	mailDays: 90,
	chatDays: 90,
	outboxDays: 90,
	journalDays: 1825,
	exportDays: 30,
};

/** platform_settings column of each setting */
export const RETENTION_COLUMNS: Record<keyof RetentionSettings, string> = {
	contactDays: 'retention_contact_days',
	mailDays: 'retention_mail_days',
	chatDays: 'retention_chat_days',
	outboxDays: 'retention_outbox_days',
	journalDays: 'retention_journal_days',
	exportDays: 'retention_export_days',
};

/** at most 30 years: beyond, a typo */
export const MAX_RETENTION_DAYS = 10_950;

/** Statuses after which the personal data of a complaint starts to expire. */
export const FINISHED_STATUSES = ['closed', 'rejected'] as const;

export function isFinished(status: string | null | undefined): boolean {
	return (FINISHED_STATUSES as readonly string[]).includes(String(status));
}

function days(value: unknown, fallback: number): number {
	if (value === null || value === undefined || value === '') return fallback;
	const number = Number(value);
	return Number.isInteger(number) && number >= 0 && number <= MAX_RETENTION_DAYS ? number : fallback;
}

/** The settings from a platform_settings row; a missing or invalid value takes its default. */
export function readRetention(row: Record<string, unknown> | null | undefined): RetentionSettings {
	const settings = { ...DEFAULT_RETENTION };
	for (const key of Object.keys(RETENTION_COLUMNS) as (keyof RetentionSettings)[])
		settings[key] = days(row?.[RETENTION_COLUMNS[key]], DEFAULT_RETENTION[key]);
	return settings;
}

/** The instants before which each kind of data has expired. */
export interface RetentionCutoffs {
	contactsClosedBefore: Date;
	mailReceivedBefore: Date;
	chatInactiveBefore: Date;
	outboxCreatedBefore: Date;
	journalBefore: Date;
	exportsBefore: Date;
}

const DAY_MS = 86_400_000;

export function cutoffs(settings: RetentionSettings, now: Date): RetentionCutoffs {
	// "0 days" expires everything already there, including what was written this very millisecond
	const before = (count: number) => new Date(now.getTime() - count * DAY_MS + (count === 0 ? 1 : 0));
	return {
		contactsClosedBefore: before(settings.contactDays),
		mailReceivedBefore: before(settings.mailDays),
		chatInactiveBefore: before(settings.chatDays),
		outboxCreatedBefore: before(settings.outboxDays),
		journalBefore: before(settings.journalDays),
		exportsBefore: before(settings.exportDays),
	};
}

/** Has the personal data of this complaint expired? (closedAt: closure, or the last change of a rejected one) */
export function contactExpired(status: string, closedAt: Date | null, settings: RetentionSettings, now: Date): boolean {
	if (!isFinished(status) || !closedAt) return false;
	return closedAt.getTime() < cutoffs(settings, now).contactsClosedBefore.getTime();
}

/** May the citizen (or an authorised agent at their request) erase the contact details now? */
export type ErasureVerdict = { allowed: true } | { allowed: false; reason: 'not_finished' | 'already_erased' };

export function erasureVerdict(complaint: { status: string; personal_data_erased_at: unknown }): ErasureVerdict {
	if (complaint.personal_data_erased_at) return { allowed: false, reason: 'already_erased' };
	if (!isFinished(complaint.status)) return { allowed: false, reason: 'not_finished' };
	return { allowed: true };
}

/** Fields of the citizen's contact that a correction event may name. */
export const CONTACT_CORRECTION_FIELDS = [
	'citizen_name',
	'citizen_phone',
	'citizen_email',
	'citizen_postal_address',
] as const;

/**
 * A correction event's body once anonymised: which field was corrected and
 * when stay (the register), the values and the free-text reason go.
 * Returns null when the body needs no change (not a contact correction, or already anonymised).
 */
export function anonymisedCorrection(body: string | null): string | null {
	if (!body) return null;
	let parsed: Record<string, unknown>;
	try {
		parsed = JSON.parse(body);
	} catch {
		return JSON.stringify({ field: null, from: null, to: null, reason: null, anonymised: true });
	}
	if (parsed.anonymised === true) return null;
	if (!(CONTACT_CORRECTION_FIELDS as readonly string[]).includes(String(parsed.field))) return null;
	return JSON.stringify({ field: parsed.field, from: null, to: null, reason: null, anonymised: true });
}

/** Days as the notices print them: "2 ans" reads better than "730 jours". */
export function retentionPeriod(daysCount: number): { unit: 'days' | 'months' | 'years'; count: number } {
	if (daysCount > 0 && daysCount % 365 === 0) return { unit: 'years', count: daysCount / 365 };
	if (daysCount > 0 && daysCount % 30 === 0) return { unit: 'months', count: daysCount / 30 };
	return { unit: 'days', count: daysCount };
}

/** The translation key and values of a period, for the notices ('privacy.period.*'). */
export function periodKey(daysCount: number): { key: string; values: { count: number } } {
	if (daysCount === 0) return { key: 'privacy.period.immediate', values: { count: 0 } };
	const { unit, count } = retentionPeriod(daysCount);
	// i18next picks the plural form of each language from the count
	return { key: `privacy.period.${unit}`, values: { count } };
}
