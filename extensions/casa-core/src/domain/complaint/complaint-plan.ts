// What a create or an update of a complaint means, decided without any I/O:
// validation, routing, deadlines, workflow and assignment rules, and the
// history events to append. Directus hooks load the inputs and apply the plan.
import type { Actor, StaffProfile } from '../access/roles';
import { checkAssignment } from '../assignment/assignment-rules';
import type { WorkingCalendar } from '../calendar';
import type { ArrondissementLocator } from '../geo';
import { type RoutingRule, resolveTeam } from '../routing';
import { type DurationUnit, type SlaTarget, computeDeadlines, shiftDeadlinesForPause } from '../sla';
import { type ComplaintStatus, checkTransition, isComplaintStatus } from '../workflow/transitions';
import {
	CHANNELS,
	COMPLAINT_TYPES,
	DESK_CHANNELS,
	PRIORITIES,
	TEXT_LIMITS,
	UNQUALIFIED_CHANNELS,
	isOneOf,
} from './vocabulary';

export interface FieldError {
	field: string;
	/** i18n key under errors.* */
	key: string;
	values?: Record<string, unknown>;
}

export interface CategoryInfo extends SlaTarget {
	code: string;
	service: string;
	priority: string;
	active: boolean;
	/** proof of closure: resolving needs an after-photo */
	proof_of_closure?: boolean;
}

export interface HistoryEvent {
	type: 'created' | 'status_changed' | 'assigned' | 'public_reply' | 'updated';
	from_status?: string | null;
	to_status?: string | null;
	team?: string | null;
	assignee?: string | null;
	body?: string | null;
	visibility: 'internal' | 'public';
}

export interface PlanContext {
	actor: Actor;
	profile: StaffProfile | null;
	now: Date;
	calendar: WorkingCalendar;
	locator: ArrondissementLocator;
	routingRules: RoutingRule[];
	legalCeilingDays: number;
	reopenPeriodDays: number;
	/** categories by code, as needed by the payload */
	categories: Map<string, CategoryInfo>;
	/** team id → service and active member ids, for teams the payload names */
	teams: Map<string, { service: string; members: string[] }>;
}

export type Plan =
	| { ok: true; values: Record<string, unknown>; events: HistoryEvent[] }
	| { ok: false; errors: FieldError[]; forbidden?: boolean };

/** The closed lists a payload is checked against (domain/complaint/vocabulary.ts). */
export const CHOICES = {
	type: COMPLAINT_TYPES,
	channel: CHANNELS,
	priority: PRIORITIES,
	citizen_language: ['fr', 'ar'],
} as const;

/** Computed by the platform; no client sets them. */
export const SYSTEM_FIELDS = [
	'reference',
	'service',
	'acknowledged_at',
	'resolved_at',
	'closed_at',
	'acknowledge_due_at',
	'resolve_due_at',
	'legal_due_at',
	'sla_state',
	'sla_paused_at',
	'acknowledge_at_risk_at',
	'resolve_at_risk_at',
	'sla_at_risk_share',
	'escalation_level',
	'legal_warned_at',
	'sla_next_check_at',
	'supporters_count',
	'history',
] as const;

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function checkTexts(payload: Record<string, unknown>, errors: FieldError[]) {
	for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
		const value = payload[field];
		if (value === undefined || value === null) continue;
		if (typeof value !== 'string')
			errors.push({ field, key: 'field.invalid_choice', values: { field, value: String(value) } });
		else if (value.length > limit) errors.push({ field, key: 'field.too_long', values: { field, limit } });
	}
	for (const [field, allowed] of Object.entries(CHOICES)) {
		const value = payload[field];
		if (value !== undefined && value !== null && !(allowed as readonly string[]).includes(String(value)))
			errors.push({ field, key: 'field.invalid_choice', values: { field, value: String(value) } });
	}
	if (
		typeof payload.citizen_email === 'string' &&
		payload.citizen_email !== '' &&
		!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(payload.citizen_email)
	)
		errors.push({ field: 'citizen_email', key: 'field.email', values: {} });
}

function deadlinesFor(receivedAt: Date, category: CategoryInfo, context: PlanContext) {
	const deadlines = computeDeadlines(receivedAt, category, context.calendar, context.legalCeilingDays);
	return {
		acknowledge_due_at: deadlines.acknowledgeDueAt.toISOString(),
		resolve_due_at: deadlines.resolveDueAt.toISOString(),
		legal_due_at: deadlines.legalDueAt.toISOString(),
	};
}

/** Location → arrondissement, or a field error. Without coordinates a staff member may name the arrondissement. */
function locate(
	payload: Record<string, unknown>,
	current: Record<string, unknown> | null,
	context: PlanContext,
	errors: FieldError[],
): Record<string, unknown> {
	const hasLat = payload.latitude !== undefined;
	const hasLng = payload.longitude !== undefined;
	if (!hasLat && !hasLng) return {};
	// an explicit null clears that coordinate: a half-cleared point is refused below
	const lat = hasLat ? payload.latitude : current?.latitude;
	const lng = hasLng ? payload.longitude : current?.longitude;
	if (lat === null && lng === null) return {};
	if (
		typeof lat !== 'number' ||
		typeof lng !== 'number' ||
		!Number.isFinite(lat) ||
		!Number.isFinite(lng) ||
		Math.abs(lat) > 90 ||
		Math.abs(lng) > 180
	) {
		errors.push({ field: 'latitude', key: 'field.coordinates' });
		return {};
	}
	const arrondissement = context.locator.locate(lat, lng);
	if (arrondissement) return { arrondissement };
	const override =
		(payload.location_override ?? current?.location_override) === true &&
		context.actor !== 'citizen' &&
		context.actor !== 'system';
	if (override) return {};
	errors.push({
		field: 'latitude',
		key: 'field.outside_commune',
		values: { lat: lat.toFixed(5), lng: lng.toFixed(5) },
	});
	return {};
}

export function planCreate(payload: Record<string, unknown>, context: PlanContext): Plan {
	const errors: FieldError[] = [];
	for (const field of SYSTEM_FIELDS)
		if (payload[field] !== undefined) errors.push({ field, key: 'field.protected', values: { field } });
	if (isBlank(payload.description))
		errors.push({ field: 'description', key: 'field.required', values: { field: 'description' } });
	checkTexts(payload, errors);

	const category = typeof payload.category === 'string' ? context.categories.get(payload.category) : undefined;
	const unqualified =
		isBlank(payload.category) &&
		isOneOf(UNQUALIFIED_CHANNELS, payload.channel) &&
		(context.actor === 'citizen' || context.actor === 'system');
	if (isBlank(payload.category) && !unqualified)
		errors.push({ field: 'category', key: 'field.required', values: { field: 'category' } });
	else if (!unqualified && (!category || !category.active))
		errors.push({ field: 'category', key: 'field.category_unknown', values: { value: String(payload.category) } });

	const location = locate(payload, null, context, errors);
	const arrondissement =
		(location.arrondissement as string | undefined) ??
		(typeof payload.arrondissement === 'string' && context.actor !== 'citizen' ? payload.arrondissement : null);

	let receivedAt = context.now;
	if (payload.received_at !== undefined && payload.received_at !== null) {
		const given = new Date(String(payload.received_at));
		// a registry office types paper mail days after it arrived: deadlines run from arrival
		if (Number.isNaN(given.getTime()) || context.actor === 'citizen' || context.actor === 'system')
			errors.push({ field: 'received_at', key: 'field.protected', values: { field: 'received_at' } });
		else if (given.getTime() > context.now.getTime() + 60_000)
			errors.push({ field: 'received_at', key: 'field.received_in_future' });
		else receivedAt = given;
	}
	if (payload.status !== undefined && payload.status !== 'new')
		errors.push({ field: 'status', key: 'field.protected', values: { field: 'status' } });
	if (payload.assignee !== undefined && payload.assignee !== null)
		errors.push({ field: 'assignee', key: 'field.protected', values: { field: 'assignee' } });
	const channel = (payload.channel as string | undefined) ?? (context.actor === 'citizen' ? 'web' : 'counter');
	if (
		context.actor === 'citizen' &&
		isOneOf(DESK_CHANNELS, channel) &&
		!errors.some((error) => error.field === 'channel')
	)
		errors.push({ field: 'channel', key: 'field.invalid_choice', values: { field: 'channel', value: channel } });
	if (errors.length === 0 && unqualified) {
		const values: Record<string, unknown> = {
			status: 'new',
			channel,
			type: payload.type ?? 'reclamation',
			priority: payload.priority ?? 'normal',
			team: null,
			arrondissement,
			received_at: receivedAt.toISOString(),
			sla_state: 'on_track',
			legal_due_at: context.calendar.addCalendarDays(receivedAt, context.legalCeilingDays).toISOString(),
		};
		return {
			ok: true,
			values,
			events: [{ type: 'created', to_status: 'new', team: null, visibility: 'public', body: null }],
		};
	}
	if (errors.length > 0 || !category) return { ok: false, errors };

	// a team named at creation is an assignment like any other
	const explicitTeam = typeof payload.team === 'string' ? payload.team : null;
	if (explicitTeam) {
		const teamInfo = context.teams.get(explicitTeam);
		if (!teamInfo || context.actor === 'citizen')
			return {
				ok: false,
				errors: [{ field: 'team', key: 'field.invalid_choice', values: { field: 'team', value: explicitTeam } }],
			};
		if (context.profile) {
			const check = checkAssignment(
				context.profile,
				{ team: explicitTeam },
				{ service: category.service, teamService: teamInfo.service },
			);
			if (!check.allowed)
				return { ok: false, forbidden: true, errors: [{ field: 'team', key: `assignment.${check.reason}` }] };
		}
	}
	const routed = explicitTeam
		? null
		: resolveTeam(context.routingRules, { service: category.service, category: category.code, arrondissement });
	const team = explicitTeam ?? routed?.team ?? null;

	const values: Record<string, unknown> = {
		status: 'new',
		channel,
		type: payload.type ?? 'reclamation',
		service: category.service,
		priority: payload.priority ?? category.priority,
		team,
		arrondissement,
		received_at: receivedAt.toISOString(),
		sla_state: 'on_track',
		...deadlinesFor(receivedAt, category, context),
	};
	return { ok: true, values, events: [{ type: 'created', to_status: 'new', team, visibility: 'public', body: null }] };
}

export interface CurrentComplaint {
	id: string;
	status: string;
	category: string | null;
	service: string | null;
	team: string | null;
	assignee: string | null;
	arrondissement: string | null;
	latitude: number | null;
	longitude: number | null;
	location_override: boolean | null;
	public_reply: string | null;
	rejection_reason: string | null;
	received_at: string | null;
	resolved_at: string | null;
	acknowledged_at: string | null;
	acknowledge_due_at: string | null;
	resolve_due_at: string | null;
	legal_due_at: string | null;
	sla_paused_at: string | null;
	/** after-photos attached (counted by the caller when the update resolves) */
	after_photos?: number;
}

const AUTO_ASSIGN_FROM: ComplaintStatus[] = ['new', 'acknowledged', 'reopened'];

function changed(payload: Record<string, unknown>, current: CurrentComplaint, field: keyof CurrentComplaint): boolean {
	return payload[field] !== undefined && (payload[field] ?? null) !== (current[field] ?? null);
}

/**
 * What the citizen wrote is never overwritten by an update: a correction of
 * contact details is its own command, recorded with the original value.
 */
export const CITIZEN_WORDS = [
	'description',
	'citizen_name',
	'citizen_phone',
	'citizen_email',
	'citizen_rating',
	'citizen_rating_comment',
] as const;

export function planUpdate(current: CurrentComplaint, payload: Record<string, unknown>, context: PlanContext): Plan {
	const errors: FieldError[] = [];
	for (const field of [...SYSTEM_FIELDS, 'received_at'])
		if (payload[field] !== undefined && field !== 'history')
			errors.push({ field, key: 'field.protected', values: { field } });
	for (const field of CITIZEN_WORDS)
		if (payload[field] !== undefined) errors.push({ field, key: 'field.citizen_words', values: { field } });
	checkTexts(payload, errors);
	if (errors.length > 0) return { ok: false, errors };

	const values: Record<string, unknown> = {};
	const events: HistoryEvent[] = [];
	const now = context.now;

	// requalification: another category means another service, route and deadlines
	let category: CategoryInfo | undefined;
	if (changed(payload, current, 'category')) {
		category = typeof payload.category === 'string' ? context.categories.get(payload.category) : undefined;
		if (!category || !category.active)
			return {
				ok: false,
				errors: [{ field: 'category', key: 'field.category_unknown', values: { value: String(payload.category) } }],
			};
		values.category = category.code;
		values.service = category.service;
		if (current.received_at) Object.assign(values, deadlinesFor(new Date(current.received_at), category, context));
		events.push({
			type: 'updated',
			body: `category: ${current.category ?? '—'} → ${category.code}`,
			visibility: 'internal',
		});
	}

	Object.assign(values, locate(payload, current as unknown as Record<string, unknown>, context, errors));
	if (errors.length > 0) return { ok: false, errors };
	const arrondissement =
		(values.arrondissement as string | undefined) ??
		(payload.arrondissement as string | undefined) ??
		current.arrondissement;

	// assignment
	let team = current.team;
	let assignee = current.assignee;
	// naming the team the router already chose confirms the routing: it is an assignment too
	const teamChanged =
		payload.team !== undefined &&
		(changed(payload, current, 'team') || AUTO_ASSIGN_FROM.includes(current.status as ComplaintStatus));
	const assigneeChanged = changed(payload, current, 'assignee');
	if (category && !teamChanged && AUTO_ASSIGN_FROM.includes(current.status as ComplaintStatus)) {
		const routed = resolveTeam(context.routingRules, {
			service: category.service,
			category: category.code,
			arrondissement,
		});
		if (routed && routed.team !== current.team) {
			values.team = routed.team;
			team = routed.team;
			if (current.assignee) values.assignee = null;
			assignee = null;
			events.push({ type: 'assigned', team, assignee: null, visibility: 'internal' });
		}
	}
	if (teamChanged || assigneeChanged) {
		team = teamChanged ? ((payload.team as string | null) ?? null) : current.team;
		assignee = assigneeChanged ? ((payload.assignee as string | null) ?? null) : teamChanged ? null : current.assignee;
		if (teamChanged && !assigneeChanged && current.assignee) values.assignee = null;
		const teamInfo = team ? context.teams.get(team) : undefined;
		if (context.profile) {
			const check = checkAssignment(
				context.profile,
				{ ...(teamChanged ? { team } : {}), ...(assigneeChanged ? { assignee } : {}) },
				{
					service: (values.service as string | undefined) ?? current.service,
					teamService: teamInfo?.service ?? null,
					teamMembers: assignee ? teamInfo?.members : undefined,
				},
			);
			if (!check.allowed)
				return {
					ok: false,
					forbidden: true,
					errors: [{ field: assigneeChanged ? 'assignee' : 'team', key: `assignment.${check.reason}` }],
				};
		}
		events.push({ type: 'assigned', team, assignee, visibility: 'internal' });
	}

	// workflow
	let target = payload.status as string | undefined;
	if (target !== undefined && target === current.status) target = undefined;
	if (
		target === undefined &&
		(teamChanged || assigneeChanged) &&
		team &&
		AUTO_ASSIGN_FROM.includes(current.status as ComplaintStatus)
	) {
		const automatic = checkTransition(current.status, 'assigned', context.actor, { team });
		if (automatic.allowed) target = 'assigned';
	}
	if (target !== undefined) {
		if (!isComplaintStatus(target))
			return { ok: false, errors: [{ field: 'status', key: 'transition.unknown_status', values: { to: target } }] };
		const reopenLimit = current.resolved_at
			? new Date(current.resolved_at).getTime() + context.reopenPeriodDays * 86_400_000
			: 0;
		const check = checkTransition(current.status, target, context.actor, {
			publicReply: (payload.public_reply as string | undefined) ?? current.public_reply,
			rejectionReason: (payload.rejection_reason as string | undefined) ?? current.rejection_reason,
			team,
			withinReopenPeriod: now.getTime() <= reopenLimit,
			afterPhotoRequired:
				context.categories.get((values.category as string | undefined) ?? current.category ?? '')?.proof_of_closure ===
				true,
			afterPhotos: current.after_photos ?? 0,
		});
		if (!check.allowed) {
			const key =
				check.reason === 'missing_requirement'
					? `transition.missing_requirement.${check.requirement}`
					: `transition.${check.reason}`;
			const field =
				check.reason === 'missing_requirement'
					? (
							{
								public_reply: 'public_reply',
								rejection_reason: 'rejection_reason',
								team: 'team',
								within_reopen_period: 'status',
								after_photo: 'photos',
							} as const
						)[check.requirement]
					: 'status';
			return {
				ok: false,
				forbidden: check.reason === 'actor_not_allowed',
				errors: [{ field, key, values: { from: current.status, to: target } }],
			};
		}
		values.status = target;
		Object.assign(values, statusSideEffects(current, target, context, values));
		const body =
			target === 'rejected' ? ((payload.rejection_reason as string | undefined) ?? current.rejection_reason) : null;
		events.push({ type: 'status_changed', from_status: current.status, to_status: target, body, visibility: 'public' });
	}
	if (
		payload.public_reply !== undefined &&
		!isBlank(payload.public_reply) &&
		payload.public_reply !== current.public_reply
	) {
		events.push({ type: 'public_reply', body: String(payload.public_reply), visibility: 'public' });
	}
	return { ok: true, values, events };
}

/** `planned` holds values already decided in this update (a requalification's new deadlines). */
function statusSideEffects(
	current: CurrentComplaint,
	target: ComplaintStatus,
	context: PlanContext,
	planned: Record<string, unknown>,
): Record<string, unknown> {
	const now = context.now.toISOString();
	const values: Record<string, unknown> = {};
	if (['acknowledged', 'assigned', 'rejected'].includes(target) && !current.acknowledged_at)
		values.acknowledged_at = now;
	if (target === 'resolved') values.resolved_at = now;
	if (target === 'closed') values.closed_at = now;
	if (target === 'reopened') {
		values.resolved_at = null;
		values.closed_at = null;
	}
	if (target === 'waiting_citizen') values.sla_paused_at = now;
	if (current.status === 'waiting_citizen' && current.sla_paused_at) {
		const units: { acknowledge: DurationUnit; resolve: DurationUnit } = {
			acknowledge: 'working_days',
			resolve: 'working_days',
		};
		const category = context.categories.get(String(planned.category ?? current.category));
		if (category) {
			units.acknowledge = category.acknowledgeUnit;
			units.resolve = category.resolveUnit;
		}
		const shifted = shiftDeadlinesForPause(
			{
				acknowledgeDueAt: dateOf(planned.acknowledge_due_at ?? current.acknowledge_due_at),
				resolveDueAt: dateOf(planned.resolve_due_at ?? current.resolve_due_at),
				legalDueAt: dateOf(planned.legal_due_at ?? current.legal_due_at),
			},
			units,
			new Date(current.sla_paused_at),
			context.now,
			context.calendar,
		);
		values.sla_paused_at = null;
		if (shifted.acknowledgeDueAt) values.acknowledge_due_at = shifted.acknowledgeDueAt.toISOString();
		if (shifted.resolveDueAt) values.resolve_due_at = shifted.resolveDueAt.toISOString();
		if (shifted.legalDueAt) values.legal_due_at = shifted.legalDueAt.toISOString();
	}
	return values;
}

function dateOf(value: unknown): Date | null {
	return value === null || value === undefined ? null : new Date(value as string);
}
