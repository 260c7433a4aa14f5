// What a citizen sees when following a complaint: status, timeline, public
// replies, expected date. Never personal data, internal notes or agent names.
import { type Language, translate } from '../i18n/messages';
import { isOpen } from '../workflow/transitions';

export interface TrackedComplaint {
	reference: string;
	status: string;
	type: string;
	channel: string;
	category_name_fr: string | null;
	category_name_ar: string | null;
	service_name_fr: string | null;
	service_name_ar: string | null;
	arrondissement_name_fr: string | null;
	arrondissement_name_ar: string | null;
	received_at: string | null;
	resolve_due_at: string | null;
	resolved_at: string | null;
	public_reply: string | null;
	rejection_reason: string | null;
	redirected_to: string | null;
	citizen_rating: number | null;
	supporters_count: number | null;
}

export interface TrackedEvent {
	type: string;
	to_status: string | null;
	body: string | null;
	visibility: string;
	date_created: string;
}

/** Event types a citizen may see, when marked public. */
const PUBLIC_EVENT_TYPES = ['created', 'status_changed', 'public_reply', 'rated'];

export interface CitizenActions {
	canRate: boolean;
	canReopen: boolean;
}

export function citizenActions(
	complaint: Pick<TrackedComplaint, 'status' | 'resolved_at' | 'citizen_rating'>,
	now: Date,
	reopenPeriodDays: number,
): CitizenActions {
	const resolvedAt = complaint.resolved_at ? new Date(complaint.resolved_at).getTime() : null;
	const withinPeriod = resolvedAt !== null && now.getTime() <= resolvedAt + reopenPeriodDays * 86_400_000;
	return {
		canRate: ['resolved', 'closed'].includes(complaint.status) && complaint.citizen_rating == null,
		canReopen: complaint.status === 'resolved' && withinPeriod,
	};
}

export function publicView(
	complaint: TrackedComplaint,
	events: TrackedEvent[],
	language: Language,
	now: Date,
	reopenPeriodDays: number,
) {
	const pick = (fr: string | null, ar: string | null) => (language === 'ar' ? (ar ?? fr) : (fr ?? ar));
	return {
		reference: complaint.reference,
		status: complaint.status,
		status_label: translate(language, `status.${complaint.status}`),
		open: isOpen(complaint.status),
		category: pick(complaint.category_name_fr, complaint.category_name_ar),
		service: pick(complaint.service_name_fr, complaint.service_name_ar),
		arrondissement: pick(complaint.arrondissement_name_fr, complaint.arrondissement_name_ar),
		received_at: complaint.received_at,
		expected_resolution_at: isOpen(complaint.status) ? complaint.resolve_due_at : null,
		resolved_at: complaint.resolved_at,
		public_reply: complaint.public_reply,
		rejection_reason: complaint.status === 'rejected' ? complaint.rejection_reason : null,
		redirected_to: complaint.status === 'rejected' ? complaint.redirected_to : null,
		rating: complaint.citizen_rating,
		supporters: complaint.supporters_count ?? 0,
		...citizenActions(complaint, now, reopenPeriodDays),
		timeline: events
			.filter((event) => event.visibility === 'public' && PUBLIC_EVENT_TYPES.includes(event.type))
			.map((event) => ({
				type: event.type,
				status: event.to_status,
				status_label: event.to_status ? translate(language, `status.${event.to_status}`) : null,
				text: event.type === 'public_reply' ? event.body : null,
				at: event.date_created,
			})),
	};
}
