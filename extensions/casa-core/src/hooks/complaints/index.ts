// Thin adapter between Directus and the domain rules: every create, update and
// delete of complaints and their history passes through here, whatever the
// client (the admin app for administrators, the platform's endpoints for
// everyone else). Reads need no hook: scoped staff roles hold no Directus
// permission on complaint data at all (see docs/access-design.md).
import { randomBytes } from 'node:crypto';
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { complaintScope, type Filter } from '../../domain/access/scope';
import { COMPLAINT_CAPABILITIES, hasGlobal } from '../../domain/access/capabilities';
import type { Actor } from '../../domain/access/roles';
import {
	type CurrentComplaint,
	type HistoryEvent,
	type Plan,
	type PlanContext,
	planCreate,
	planUpdate,
} from '../../domain/complaint/complaint-plan';
import { formatReference, referenceYear } from '../../domain/reference';
import { atRiskPatch } from '../../domain/sla/sweep';
import { nextCheckPatch } from '../../domain/sla/next-check';
import { fieldErrors, forbidden, invalid } from '../../adapters/errors';
import {
	type Caller,
	REFERENCE_COLLECTIONS,
	invalidateReferenceData,
	loadCaller,
	loadTeams,
	planContextFrom,
	referenceData,
} from '../../adapters/platform-context';
import { nextReferenceSequence } from '../../adapters/reference-counter';
import { SYSTEM_EVENT_TOKEN, consumeSystemEvent, mintSystemEventToken } from '../../adapters/system-events';
import { insertOutboxDrafts, isOutboxDrafts, loadServiceNames } from '../../adapters/outbox/citizen-outbox';
import {
	type NotifiedComplaint,
	type OutboxDraft,
	citizenNotifications,
} from '../../domain/notifications/citizen-notifications';
import { toIsoTimestamp } from '../../domain/calendar/instant';
import { INTAKE_MARKER, type IntakeMarker } from '../../adapters/intake-marker';
import { applyScope } from '../../adapters/scope-sql';
import { asCitizenFields, contactOf, splitContact } from '../../adapters/citizen-contacts';
import { afterPhotoCount } from '../../adapters/proof-of-closure';

const STAFF_EVENT_TYPES = ['note', 'public_reply'];

function actorOf(caller: Caller): Actor {
	return caller.role ?? (caller.citizen ? 'citizen' : 'system');
}

/**
 * The platform's own public endpoints act for a citizen with no accountability
 * (nobody can send that over HTTP) and say so with this marker.
 */
function takeIntakeMarker(
	payload: Record<string, unknown>,
	accountability: Accountability | null,
): IntakeMarker | null {
	const marker = payload[INTAKE_MARKER] as IntakeMarker | undefined;
	delete payload[INTAKE_MARKER];
	return !accountability && marker ? marker : null;
}

function citizenCaller(marker: IntakeMarker): Caller {
	return {
		profile: null,
		role: null,
		language: marker.language ?? 'fr',
		anonymous: false,
		citizen: marker.actor === 'citizen',
	};
}

async function planContext(knex: Knex, caller: Caller, teamIds: (string | null | undefined)[]): Promise<PlanContext> {
	const teams = await loadTeams(
		knex,
		teamIds.filter((id): id is string => typeof id === 'string'),
	);
	return planContextFrom(await referenceData(knex), actorOf(caller), caller.profile, new Date(), teams);
}

/** `notifications` ride with the first event's token: its nested create runs inside the write transaction. */
function historyRows(events: HistoryEvent[], caller: Caller, notifications: OutboxDraft[] = []) {
	return events.map((event, index) => ({
		...event,
		actor: caller.profile?.userId ?? null,
		actor_kind: caller.profile ? 'staff' : caller.role === null && caller.citizen ? 'citizen' : 'system',
		[SYSTEM_EVENT_TOKEN]: mintSystemEventToken(index === 0 && notifications.length > 0 ? notifications : null),
	}));
}

/** What the citizen is told about this update (domain/notifications), before anything is written. */
async function notificationsFor(
	knex: Knex,
	current: CurrentComplaint,
	payload: Record<string, unknown>,
	values: Record<string, unknown>,
): Promise<OutboxDraft[]> {
	const row = current as unknown as Record<string, unknown>;
	// the citizen's address book entry lives apart (citizen_contacts); the notification rules speak citizen_email…
	const before = {
		...row,
		...asCitizenFields(await contactOf(knex, current.id)),
		resolve_due_at: toIsoTimestamp(row.resolve_due_at),
	} as unknown as NotifiedComplaint;
	const text = (field: string) =>
		payload[field] === undefined ? undefined : ((payload[field] as string | null) ?? null);
	const change = {
		status: values.status as string | undefined,
		service: values.service as string | undefined,
		public_reply: text('public_reply'),
		resolve_due_at: values.resolve_due_at === undefined ? undefined : toIsoTimestamp(values.resolve_due_at),
		citizen_language: text('citizen_language'),
	};
	if (change.status === undefined && change.service === undefined) return [];
	const names = await loadServiceNames(knex, [change.service ?? current.service]);
	return citizenNotifications(before, change, names);
}

function throwPlanErrors(plan: Extract<Plan, { ok: false }>, caller: Caller): never {
	throw fieldErrors(plan.errors, caller.language, plan.forbidden);
}

/** Who works complaints (moves them, writes notes): the access matrix's 'note' capability. */
function worksComplaints(caller: Caller): boolean {
	return !!caller.role && COMPLAINT_CAPABILITIES[caller.role].includes('note');
}

/**
 * Staff without rights to this action, and anonymous callers, are refused
 * before anything is read. Scoped staff reach here only through the project's
 * endpoints (they hold no Directus permission on complaints), administrators
 * also through the admin app.
 */
function assertRight(caller: Caller, accountability: Accountability | null, right: 'create' | 'update'): void {
	if (!accountability) return;
	// a write with a scoped staff member's own accountability came through the generic API: Directus would refuse it
	// after this filter (no permission); refuse it first, the same way, before anything is computed
	if (!accountability.admin) throw forbidden();
	if (right === 'create' ? !hasGlobal(caller.profile, 'use_desk') : !worksComplaints(caller)) throw forbidden();
}

/** Keys the caller may touch; anything else (absent or out of scope) is the same 403. */
async function assertKeysInScope(knex: Knex, caller: Caller, keys: (string | number)[]): Promise<CurrentComplaint[]> {
	const scope = caller.profile ? complaintScope(caller.profile) : null;
	const rows = (await knex('complaints').whereIn('id', keys as string[])) as CurrentComplaint[];
	if (rows.length !== new Set(keys.map(String)).size) throw forbidden();
	if (scope && caller.profile) {
		const visible = await scopedIds(knex, scope, keys as string[]);
		if (visible.size !== rows.length) throw forbidden();
	}
	return rows;
}

/** Evaluates a scope filter with the plain query builder (the same filter the read hook adds). */
async function scopedIds(knex: Knex, scope: Filter, keys: string[]): Promise<Set<string>> {
	const query = knex('complaints').select('id').whereIn('id', keys);
	applyScope(query, scope);
	return new Set((await query).map((row: { id: string }) => String(row.id)));
}

export default defineHook(({ filter, action }, { logger }) => {
	// --- complaints: create ---------------------------------------------------
	filter('complaints.items.create', async (input, _meta, { database, accountability }) => {
		const payload = { ...(input as Record<string, unknown>) };
		const intake = takeIntakeMarker(payload, accountability);
		const caller = intake ? citizenCaller(intake) : await loadCaller(database, accountability);
		assertRight(caller, accountability, 'create');
		delete payload.history;
		const context = await planContext(database, caller, [payload.team as string]);
		const plan = planCreate(payload, context);
		if (!plan.ok) throwPlanErrors(plan, caller);
		const year = referenceYear(context.now);
		const reference = formatReference(year, await nextReferenceSequence(database, year));
		const extra = intake?.trackingSecretHash ? { tracking_secret_hash: intake.trackingSecretHash } : {};
		// the instants the SLA sweep compares with now (domain/sla/sweep.ts)
		const atRisk = atRiskPatch(
			{ ...payload, ...plan.values },
			null,
			context.categories,
			context.calendar,
			(await referenceData(database)).settings.atRiskShare,
		);
		// the citizen's contact details are stored apart, in the same transaction (a nested create)
		const { rest, contact } = splitContact(payload);
		// and the next instant at which its SLA state can change (domain/sla/next-check.ts)
		const nextCheck = nextCheckPatch({ ...payload, ...plan.values, ...atRisk }, null);
		return {
			...rest,
			...plan.values,
			...atRisk,
			...nextCheck,
			...extra,
			reference,
			history: historyRows(plan.events, caller),
			...(contact ? { contact: { create: [contact], update: [], delete: [] } } : {}),
		};
	});

	// --- complaints: update ---------------------------------------------------
	filter('complaints.items.update', async (input, meta, { database, accountability }) => {
		const payload = { ...(input as Record<string, unknown>) };
		const intake = takeIntakeMarker(payload, accountability);
		const caller = intake ? citizenCaller(intake) : await loadCaller(database, accountability);
		assertRight(caller, accountability, 'update');
		if (payload.history !== undefined) throw invalid('history', 'history.append_only', caller.language);
		// contact details change only through the correction command, which keeps the original
		if (payload.contact !== undefined)
			throw invalid('contact', 'field.citizen_words', caller.language, { field: 'contact' });
		const keys = (meta.keys ?? []) as string[];
		const rows = await assertKeysInScope(database, caller, keys);
		const touchesWorkflow = ['status', 'team', 'assignee', 'category', 'latitude', 'longitude'].some(
			(field) => payload[field] !== undefined,
		);
		if (touchesWorkflow && rows.length > 1) throw invalid('status', 'transition.bulk', caller.language);
		if (rows.length === 0) return payload;
		const current = rows[0];
		// proof of closure: resolving counts the after-photos already attached
		if (payload.status === 'resolved') current.after_photos = await afterPhotoCount(database, current.id);
		const context = await planContext(database, caller, [current.team, payload.team as string]);
		const plan = planUpdate(current, payload, context);
		if (!plan.ok) throwPlanErrors(plan, caller);
		// deadlines set or moved (requalification, resumption): new at-risk instants for the SLA sweep
		const atRisk = atRiskPatch(
			plan.values,
			current as unknown as Record<string, unknown>,
			context.categories,
			context.calendar,
			(await referenceData(database)).settings.atRiskShare,
		);
		// status, pause or deadlines changed: the next instant the SLA sweep checks it
		const nextCheck = nextCheckPatch({ ...plan.values, ...atRisk }, current as unknown as Record<string, unknown>);
		const result: Record<string, unknown> = { ...payload, ...plan.values, ...atRisk, ...nextCheck };
		const notifications = plan.events.length > 0 ? await notificationsFor(database, current, payload, plan.values) : [];
		if (plan.events.length > 0)
			result.history = { create: historyRows(plan.events, caller, notifications), update: [], delete: [] };
		return result;
	});

	// --- complaints: never deleted (legal register) ---------------------------
	filter('complaints.items.delete', async (_keys, _meta, { database, accountability }) => {
		const caller = await loadCaller(database, accountability);
		throw invalid('id', 'complaint.no_delete', caller.language);
	});

	// --- history: append-only -------------------------------------------------
	filter('complaint_events.items.create', async (input, _meta, { database, accountability }) => {
		const payload = { ...(input as Record<string, unknown>) };
		const token = payload[SYSTEM_EVENT_TOKEN];
		delete payload[SYSTEM_EVENT_TOKEN];
		const system = consumeSystemEvent(token);
		if (system) {
			// `database` is the complaint's write transaction here (nested create): the outbox rows commit or roll back with the change
			if (isOutboxDrafts(system.attachment))
				await insertOutboxDrafts(database, String(payload.complaint), system.attachment);
			return payload;
		}
		if (!accountability) return payload;
		if (!accountability.admin) throw forbidden();
		const caller = await loadCaller(database, accountability);
		if (!worksComplaints(caller)) throw forbidden();
		if (!STAFF_EVENT_TYPES.includes(String(payload.type ?? 'note')))
			throw invalid('type', 'history.event_type', caller.language);
		const complaint =
			typeof payload.complaint === 'object' && payload.complaint
				? (payload.complaint as { id?: string }).id
				: payload.complaint;
		if (!complaint) throw invalid('complaint', 'field.required', caller.language, { field: 'complaint' });
		await assertKeysInScope(database, caller, [String(complaint)]);
		return {
			complaint,
			type: payload.type ?? 'note',
			body: payload.body ?? null,
			visibility: payload.type === 'public_reply' ? 'public' : 'internal',
			actor: caller.profile?.userId ?? null,
			actor_kind: 'staff',
		};
	});
	for (const event of ['complaint_events.items.update', 'complaint_events.items.delete']) {
		filter(event, async (_payload, _meta, { database, accountability }) => {
			const caller = await loadCaller(database, accountability);
			throw invalid('id', 'history.append_only', caller.language);
		});
	}

	// --- the register outlives people and teams -----------------------------------
	// a user or a team named by a complaint or its history is never deleted (the
	// database would refuse too): suspend the user, deactivate the team instead
	filter('users.delete', async (keys, _meta, { database, accountability }) => {
		const ids = (keys as string[]) ?? [];
		const [complaint, event] = await Promise.all([
			database('complaints').whereIn('assignee', ids).orWhereIn('user_created', ids).first('id'),
			database('complaint_events').whereIn('actor', ids).orWhereIn('assignee', ids).first('id'),
		]);
		if (complaint || event)
			throw invalid('id', 'register.user_in_register', (await loadCaller(database, accountability)).language);
		return keys;
	});
	filter('teams.items.delete', async (keys, _meta, { database, accountability }) => {
		const ids = (keys as string[]) ?? [];
		const [complaint, event] = await Promise.all([
			database('complaints').whereIn('team', ids).first('id'),
			database('complaint_events').whereIn('team', ids).first('id'),
		]);
		if (complaint || event)
			throw invalid('id', 'register.team_in_register', (await loadCaller(database, accountability)).language);
		return keys;
	});

	// --- Open311 partner keys: generated when the administrator leaves the field empty
	filter('open311_clients.items.create', async (input) => {
		const payload = { ...(input as Record<string, unknown>) };
		if (typeof payload.api_key !== 'string' || payload.api_key.trim() === '')
			payload.api_key = randomBytes(24).toString('base64url');
		return payload;
	});

	// --- reference data caches ------------------------------------------------
	for (const collection of REFERENCE_COLLECTIONS) {
		for (const event of ['create', 'update', 'delete'])
			action(`${collection}.items.${event}`, () => invalidateReferenceData());
	}

	logger.info('[casa-core] complaint hooks registered');
});
