// The incremental sweep's decision for one complaint: its SLA state at `now`
// and the next instant at which that state can change (complaints.
// sla_next_check_at). The sweep reads only the complaints whose instant has
// passed; its SQL (adapters/sla/sweep-queries.ts) says the same thing with
// plain comparisons, and this module is the reference its tests compare with.
// No I/O, no Directus import.
import { toInstant } from '../calendar/instant';
import { OPEN_STATUSES, PAUSED_STATUSES } from '../workflow/transitions';
import type { SlaState } from './deadlines';
import { type SweptRow, sweepState } from './sweep';

/** "Check at the next sweep, whatever its now": stored when the state kept may be wrong already. */
export const CHECK_AT_ONCE = new Date(0);

/** Statuses the sweep keeps up to date: open, not waiting for the citizen. */
export const RUNNING_STATUSES: readonly string[] = OPEN_STATUSES.filter((status) => !PAUSED_STATUSES.includes(status));

/** A threshold of a running complaint: from `at` on, its state is at least `state`. */
export interface Threshold {
	at: Date;
	state: Exclude<SlaState, 'on_track'>;
}

const after = (due: Date | null) => (due ? new Date(due.getTime() + 1) : null);

/**
 * The instants at which sweepState changes: an at-risk instant is reached at
 * itself (instant <= now), a deadline is passed one millisecond after it (due
 * < now). The acknowledgment's count only while the complaint is not acknowledged.
 */
export function thresholds(row: SweptRow): Threshold[] {
	const list: Threshold[] = [];
	const add = (at: Date | null, state: Threshold['state']) => {
		if (at) list.push({ at, state });
	};
	if (!row.acknowledgedAt) {
		add(row.acknowledgeAtRiskAt, 'at_risk');
		add(after(row.acknowledgeDueAt), 'breached');
	}
	add(row.resolveAtRiskAt, 'at_risk');
	add(after(row.resolveDueAt), 'breached');
	add(after(row.legalDueAt), 'breached');
	return list;
}

function earliest(instants: Date[]): Date | null {
	return instants.reduce<Date | null>((best, at) => (!best || at.getTime() < best.getTime() ? at : best), null);
}

export interface SlaDecision {
	state: SlaState;
	/** the first instant after now at which the state differs; null: it never will (breached, or no deadline left) */
	nextCheckAt: Date | null;
}

/**
 * State and next instant of a running complaint at `now`. The state is
 * constant on [now, nextCheckAt): a breached complaint stays breached; an at-risk
 * one waits for its first deadline; one on track for its first threshold.
 */
export function slaDecision(now: Date, row: SweptRow): SlaDecision {
	const state = sweepState(now, row);
	if (state === 'breached') return { state, nextCheckAt: null };
	const later = thresholds(row).filter(
		(threshold) => threshold.at.getTime() > now.getTime() && (state === 'on_track' || threshold.state === 'breached'),
	);
	return { state, nextCheckAt: earliest(later.map((threshold) => threshold.at)) };
}

/**
 * What complaints.sla_next_check_at holds once a complaint is written with
 * `storedState` (by the hooks: creation, requalification, acknowledgment,
 * pause, resumption, closing). Not running (closed, waiting for the citizen,
 * paused): null, the sweep leaves it alone. On track: its first threshold
 * (it is on track until then, whatever the clock). Another state: at once,
 * since new deadlines may make it wrong now.
 */
export function nextCheckAfterWrite(storedState: SlaState | null, running: boolean, row: SweptRow): Date | null {
	if (!running) return null;
	if ((storedState ?? 'on_track') !== 'on_track') return CHECK_AT_ONCE;
	return earliest(thresholds(row).map((threshold) => threshold.at));
}

/** Fields whose change can move a complaint's next check. */
const WATCHED = [
	'status',
	'sla_state',
	'sla_paused_at',
	'acknowledged_at',
	'acknowledge_due_at',
	'resolve_due_at',
	'legal_due_at',
	'acknowledge_at_risk_at',
	'resolve_at_risk_at',
] as const;

/**
 * The complaint hooks' patch: `planned` is what the write sets (the plan and
 * its at-risk instants), `current` the stored row (null at creation).
 * {} when nothing that moves the next check changes.
 */
export function nextCheckPatch(
	planned: Record<string, unknown>,
	current: Record<string, unknown> | null,
): { sla_next_check_at?: string | null } {
	if (current && !WATCHED.some((field) => planned[field] !== undefined)) return {};
	const value = (field: string) => (planned[field] !== undefined ? planned[field] : current?.[field]);
	const status = String(value('status') ?? 'new');
	const running = RUNNING_STATUSES.includes(status) && !toInstant(value('sla_paused_at'));
	const stored = (value('sla_state') as SlaState | null | undefined) ?? null;
	const next = nextCheckAfterWrite(stored, running, {
		acknowledgedAt: toInstant(value('acknowledged_at')),
		acknowledgeDueAt: toInstant(value('acknowledge_due_at')),
		resolveDueAt: toInstant(value('resolve_due_at')),
		legalDueAt: toInstant(value('legal_due_at')),
		acknowledgeAtRiskAt: toInstant(value('acknowledge_at_risk_at')),
		resolveAtRiskAt: toInstant(value('resolve_at_risk_at')),
	});
	return { sla_next_check_at: next?.toISOString() ?? null };
}
