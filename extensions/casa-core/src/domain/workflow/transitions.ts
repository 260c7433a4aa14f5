// The complaint workflow as data: which status may follow which, who may make
// the move, and what the move requires. Hooks enforce it for every client.
import type { Actor } from '../access/roles';

export const COMPLAINT_STATUSES = [
	'new',
	'acknowledged',
	'assigned',
	'in_progress',
	'waiting_citizen',
	'resolved',
	'closed',
	'rejected',
	'reopened',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Statuses in which the complaint is still the city's to answer. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
	'new',
	'acknowledged',
	'assigned',
	'in_progress',
	'waiting_citizen',
	'reopened',
];

/** The SLA clock stops while the city waits for the citizen. */
export const PAUSED_STATUSES: readonly ComplaintStatus[] = ['waiting_citizen'];

export type Requirement = 'public_reply' | 'rejection_reason' | 'team' | 'within_reopen_period' | 'after_photo';

export interface Transition {
	from: ComplaintStatus;
	to: ComplaintStatus;
	actors: readonly Actor[];
	requires?: readonly Requirement[];
}

const QUALIFIERS: readonly Actor[] = ['administrator', 'registry_office', 'service_head'];
const WORKERS: readonly Actor[] = ['administrator', 'service_agent', 'service_head'];

export const TRANSITIONS: readonly Transition[] = [
	{ from: 'new', to: 'acknowledged', actors: QUALIFIERS },
	{ from: 'new', to: 'assigned', actors: QUALIFIERS, requires: ['team'] },
	{ from: 'new', to: 'rejected', actors: QUALIFIERS, requires: ['rejection_reason'] },
	{ from: 'acknowledged', to: 'assigned', actors: QUALIFIERS, requires: ['team'] },
	{ from: 'acknowledged', to: 'rejected', actors: QUALIFIERS, requires: ['rejection_reason'] },
	{ from: 'acknowledged', to: 'waiting_citizen', actors: QUALIFIERS },
	{ from: 'assigned', to: 'in_progress', actors: WORKERS },
	{ from: 'assigned', to: 'waiting_citizen', actors: WORKERS },
	{ from: 'assigned', to: 'resolved', actors: WORKERS, requires: ['public_reply', 'after_photo'] },
	{ from: 'assigned', to: 'rejected', actors: ['administrator', 'service_head'], requires: ['rejection_reason'] },
	{ from: 'in_progress', to: 'waiting_citizen', actors: WORKERS },
	{ from: 'in_progress', to: 'resolved', actors: WORKERS, requires: ['public_reply', 'after_photo'] },
	{ from: 'in_progress', to: 'rejected', actors: ['administrator', 'service_head'], requires: ['rejection_reason'] },
	{ from: 'waiting_citizen', to: 'in_progress', actors: [...WORKERS, 'citizen', 'system'] },
	{ from: 'waiting_citizen', to: 'acknowledged', actors: [...QUALIFIERS, 'citizen', 'system'] },
	{
		from: 'waiting_citizen',
		to: 'rejected',
		actors: ['administrator', 'service_head'],
		requires: ['rejection_reason'],
	},
	{ from: 'resolved', to: 'closed', actors: ['administrator', 'service_head', 'system'] },
	{ from: 'resolved', to: 'reopened', actors: ['citizen'], requires: ['within_reopen_period'] },
	{ from: 'resolved', to: 'reopened', actors: ['administrator', 'service_head'] },
	{ from: 'closed', to: 'reopened', actors: ['administrator', 'service_head'] },
	{ from: 'rejected', to: 'reopened', actors: ['administrator', 'service_head'] },
	{ from: 'reopened', to: 'assigned', actors: QUALIFIERS, requires: ['team'] },
	{ from: 'reopened', to: 'in_progress', actors: WORKERS },
	{ from: 'reopened', to: 'resolved', actors: WORKERS, requires: ['public_reply', 'after_photo'] },
];

export interface TransitionContext {
	publicReply?: string | null;
	rejectionReason?: string | null;
	team?: string | null;
	/** for a citizen reopening: is the complaint still within the reopen period? */
	withinReopenPeriod?: boolean;
	/** proof of closure: the complaint's category asks for an after-photo before it is resolved */
	afterPhotoRequired?: boolean;
	/** after-photos already attached to the complaint */
	afterPhotos?: number;
}

export type TransitionCheck =
	| { allowed: true; transition: Transition }
	| { allowed: false; reason: 'unknown_status' | 'same_status' | 'not_in_table' | 'actor_not_allowed' }
	| { allowed: false; reason: 'missing_requirement'; requirement: Requirement };

export function isComplaintStatus(value: unknown): value is ComplaintStatus {
	return typeof value === 'string' && (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

function hasText(value: string | null | undefined): boolean {
	return typeof value === 'string' && value.trim().length > 0;
}

function requirementMet(requirement: Requirement, context: TransitionContext): boolean {
	switch (requirement) {
		case 'public_reply':
			return hasText(context.publicReply);
		case 'rejection_reason':
			return hasText(context.rejectionReason);
		case 'team':
			return hasText(context.team);
		case 'within_reopen_period':
			return context.withinReopenPeriod === true;
		case 'after_photo':
			return !missingProofOfClosure(context);
	}
}

/** Proof of closure: the category asks for an after-photo and the complaint has none yet. */
export function missingProofOfClosure(context: Pick<TransitionContext, 'afterPhotoRequired' | 'afterPhotos'>): boolean {
	return context.afterPhotoRequired === true && !((context.afterPhotos ?? 0) > 0);
}

export function checkTransition(
	from: string,
	to: string,
	actor: Actor,
	context: TransitionContext = {},
): TransitionCheck {
	if (!isComplaintStatus(from) || !isComplaintStatus(to)) return { allowed: false, reason: 'unknown_status' };
	if (from === to) return { allowed: false, reason: 'same_status' };
	const candidates = TRANSITIONS.filter((transition) => transition.from === from && transition.to === to);
	if (candidates.length === 0) return { allowed: false, reason: 'not_in_table' };
	const forActor = candidates.filter((transition) => transition.actors.includes(actor));
	if (forActor.length === 0) return { allowed: false, reason: 'actor_not_allowed' };
	let firstMissing: Requirement | null = null;
	for (const transition of forActor) {
		const missing = (transition.requires ?? []).find((requirement) => !requirementMet(requirement, context));
		if (!missing) return { allowed: true, transition };
		firstMissing ??= missing;
	}
	return { allowed: false, reason: 'missing_requirement', requirement: firstMissing! };
}

/** The statuses an actor may move a complaint to from `from` (for menus and tests). */
export function nextStatuses(from: ComplaintStatus, actor: Actor): ComplaintStatus[] {
	const targets = TRANSITIONS.filter((transition) => transition.from === from && transition.actors.includes(actor)).map(
		(transition) => transition.to,
	);
	return [...new Set(targets)];
}

export function isOpen(status: string): boolean {
	return (OPEN_STATUSES as readonly string[]).includes(status);
}
