// Writes the citizen's notifications decided by domain/notifications into the
// outbox, on the connection of the transaction that makes the change: if the
// change rolls back, no message is left to send.
import type { Knex } from 'knex';
import type { OutboxDraft, ServiceNames } from '../../domain/notifications/citizen-notifications';

export async function insertOutboxDrafts(trx: Knex, complaint: string, drafts: OutboxDraft[]): Promise<void> {
	if (drafts.length === 0) return;
	const now = new Date();
	await trx('outbox').insert(
		drafts.map((draft) => ({
			complaint,
			event: draft.event,
			channel: draft.channel,
			recipient: draft.recipient,
			language: draft.language,
			payload: JSON.stringify(draft.payload),
			status: 'pending',
			attempts: 0,
			date_created: now,
		})),
	);
}

/** Names of a service in both languages, for the templates. */
export async function loadServiceNames(
	knex: Knex,
	codes: (string | null | undefined)[],
): Promise<(code: string) => ServiceNames | null> {
	const wanted = [...new Set(codes.filter((code): code is string => typeof code === 'string' && code !== ''))];
	const rows =
		wanted.length > 0
			? ((await knex('services').select('code', 'name_fr', 'name_ar').whereIn('code', wanted)) as {
					code: string;
					name_fr: string;
					name_ar: string;
				}[])
			: [];
	const byCode = new Map(rows.map((row) => [row.code, { fr: row.name_fr, ar: row.name_ar || row.name_fr }]));
	return (code) => byCode.get(code) ?? null;
}

export function isOutboxDrafts(value: unknown): value is OutboxDraft[] {
	return (
		Array.isArray(value) &&
		value.every((draft) => draft && typeof draft === 'object' && typeof (draft as OutboxDraft).channel === 'string')
	);
}
