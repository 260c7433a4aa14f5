// What the workspace shows a person, built from rows: labels in the user's
// language, dates as ISO instants, history entries as sentences. No I/O.
import type { Command } from '../../domain/access/capabilities';
import { COMMAND_INPUTS } from '../../domain/access/capabilities';
import { toIsoTimestamp } from '../../domain/calendar/instant';
import { type Language, translate } from '../../domain/i18n/messages';
import { excerpt } from '../../domain/workspace/queue-query';
import type { QueueRow } from '../../adapters/workspace/queries';

type Row = Record<string, unknown>;

export const named = (language: Language, fr: unknown, ar: unknown): string | null => {
	const value = language === 'ar' ? (ar ?? fr) : (fr ?? ar);
	return value === null || value === undefined ? null : String(value);
};

const person = (first: unknown, last: unknown): string | null => {
	const text = [first, last].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
	return text === '' ? null : text;
};

export function fileUrl(complaint: string, file: string, thumb = false): string {
	return `/workspace/complaints/${complaint}/files/${file}${thumb ? '?size=thumb' : ''}`;
}

function hoursUntil(instant: string | null, now: Date): number | null {
	if (!instant) return null;
	return Math.round(((new Date(instant).getTime() - now.getTime()) / 3_600_000) * 10) / 10;
}

export function queueItem(row: QueueRow, language: Language, thumbnail: string | undefined, now: Date) {
	const t = (key: string) => translate(language, key);
	const received = toIsoTimestamp(row.received_at);
	const due = toIsoTimestamp(row.resolve_due_at);
	return {
		id: String(row.id),
		reference: row.reference,
		status: row.status,
		status_label: t(`status.${row.status}`),
		category_label: named(language, row.category_fr, row.category_ar),
		service_label: named(language, row.service_fr, row.service_ar),
		excerpt: excerpt(row.description),
		thumbnail: thumbnail ? fileUrl(String(row.id), thumbnail, true) : null,
		arrondissement_label: named(language, row.arrondissement_fr, row.arrondissement_ar),
		channel_label: t(`channel.${row.channel}`),
		received_at: received,
		age_days: received ? Math.max(0, Math.floor((now.getTime() - new Date(received).getTime()) / 86_400_000)) : null,
		resolve_due_at: due,
		due_in_hours: hoursUntil(due, now),
		sla_state: row.sla_state ?? 'on_track',
		sla_label: t(`sla_state.${row.sla_state ?? 'on_track'}`),
		assignee_label: person(row.assignee_first, row.assignee_last),
		latitude: row.latitude === null ? null : Number(row.latitude),
		longitude: row.longitude === null ? null : Number(row.longitude),
	};
}

/** One history entry as a sentence; a correction of contact details never shows the values. */
export function historyEntry(event: Row, language: Language, labels: { category: (code: string) => string }) {
	const t = (key: string, values: Record<string, unknown> = {}) => translate(language, key, values);
	const team = named(language, event.team_fr, event.team_ar) ?? '—';
	let label: string;
	let body: string | null = typeof event.body === 'string' ? event.body : null;
	switch (event.type) {
		case 'status_changed':
			label = t('workspace.history.status_changed', {
				from: event.from_status ? t(`status.${event.from_status}`) : '—',
				to: t(`status.${event.to_status}`),
			});
			break;
		case 'assigned': {
			const agent = person(event.agent_first, event.agent_last);
			label = agent
				? t('workspace.history.assigned_agent', { agent, team })
				: event.team_fr || event.team_ar
					? t('workspace.history.assigned_team', { team })
					: t('workspace.history.unassigned');
			break;
		}
		case 'updated': {
			// requalification: "category: OLD → NEW" written by the complaint plan
			const match = /^category: (.+) → (.+)$/.exec(String(event.body ?? ''));
			if (match) {
				label = t('workspace.history.requalified', {
					from: match[1] === '—' ? '—' : labels.category(match[1]),
					to: labels.category(match[2]),
				});
				body = null;
			} else label = t('workspace.history.updated');
			break;
		}
		case 'correction': {
			let field = 'address';
			try {
				field = String(JSON.parse(String(event.body ?? '{}')).field ?? 'address');
			} catch {
				// an unreadable body is shown as a plain correction
			}
			label = t('workspace.history.correction', { field: t(`workspace.fields.${field}`) });
			body = null;
			break;
		}
		case 'created':
		case 'note':
		case 'public_reply':
		case 'notification':
		case 'escalation':
		case 'rated':
			label = t(`workspace.history.${event.type}`);
			break;
		default:
			label = t('workspace.history.updated');
	}
	const actorKind = String(event.actor_kind ?? 'system');
	const actor =
		actorKind === 'staff'
			? (person(event.actor_first, event.actor_last) ?? t('workspace.actors.former_staff'))
			: t(`workspace.actors.${actorKind === 'citizen' ? 'citizen' : 'system'}`);
	return {
		id: event.id,
		at: toIsoTimestamp(event.date_created),
		type: event.type,
		label,
		body,
		actor_label: actor,
		visibility: event.visibility ?? 'internal',
	};
}

export function commandButtons(commands: Command[], language: Language) {
	return commands.map((command) => ({
		command,
		label: translate(language, `workspace.commands.${command}`),
		inputs: COMMAND_INPUTS[command],
	}));
}

/** A JSON list field as stored (a string on SQLite, parsed on PostgreSQL); anything else is an empty list. */
function jsonList(raw: unknown): Row[] {
	let list: unknown = raw;
	if (typeof raw === 'string') {
		try {
			list = JSON.parse(raw);
		} catch {
			return [];
		}
	}
	return Array.isArray(list) ? list : [];
}

export function replyTemplates(raw: unknown, language: Language): { label: string; text: string }[] {
	return jsonList(raw)
		.map((entry) => ({
			label: named(language, entry?.label_fr, entry?.label_ar),
			text: named(language, entry?.text_fr, entry?.text_ar),
		}))
		.filter((entry): entry is { label: string; text: string } => !!entry.label && !!entry.text);
}

/** The answers to the category's questions, as asked (portal, Open311, desk), in the user's language. */
export function categoryAnswers(raw: unknown, language: Language): { question: string; answer: string }[] {
	return jsonList(raw)
		.map((entry) => ({
			question: named(language, entry?.question_fr, entry?.question_ar),
			answer: named(language, entry?.answer_fr, entry?.answer_ar),
		}))
		.filter((entry): entry is { question: string; answer: string } => !!entry.question && !!entry.answer);
}
