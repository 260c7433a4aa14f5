// What the SLA sweep needs to stay set-based: the instant from which a deadline
// is "at risk", computed once per complaint when its deadlines are set or moved
// (and again when the share changes), so that the sweep compares stored
// instants with now in SQL instead of measuring working time row by row.
// Also the sweep's options and escalation rules. No I/O, no Directus import.
import { toInstant } from '../calendar/instant';
import type { WorkingCalendar } from '../calendar/index';
import type { DurationUnit, SlaState } from './deadlines';

/** platform_settings.at_risk_share when the row is missing */
export const DEFAULT_AT_RISK_SHARE = 0.75;
/** the director general is warned this many calendar days before the legal ceiling */
export const DEFAULT_LEGAL_WARNING_DAYS = 10;

// escalation levels and who is told: one table, domain/sla/escalations.ts
export { ESCALATION_LEVELS, type EscalationKind, escalationLevelOf } from './escalations';

/** On breach (option): normal → high, high → urgent; urgent and low stay as they are. */
export const PRIORITY_RISE: Readonly<Record<string, string>> = { normal: 'high', high: 'urgent' };

export function isValidShare(share: unknown): share is number {
	return typeof share === 'number' && Number.isFinite(share) && share > 0 && share <= 1;
}

/**
 * The first instant (to the millisecond) at which slaState(now, start, due,
 * unit, calendar, share) says 'at_risk' rather than 'on_track': the share of the
 * time allowed between start and due is used, in working time for working-day
 * deadlines and in elapsed time for calendar ones. null when nothing can be
 * measured (due at the start, or no working time before it): slaState then
 * stays on_track until the breach. The sweep marks at_risk when
 * at_risk_at <= now (and breached when due < now, which wins).
 */
export function atRiskInstant(
	start: Date,
	due: Date,
	unit: DurationUnit,
	calendar: WorkingCalendar,
	share: number,
): Date | null {
	if (!isValidShare(share)) throw new RangeError(`at-risk share must be in ]0, 1] (got ${share})`);
	if (Number.isNaN(start.getTime()) || Number.isNaN(due.getTime())) throw new RangeError('atRiskInstant: invalid date');
	const measure = (from: number, to: number) =>
		unit === 'working_days' ? calendar.workingDaysBetween(new Date(from), new Date(to)) : Math.max(0, to - from);
	const from = start.getTime();
	const allowed = measure(from, due.getTime());
	if (allowed <= 0) return null;
	// the same comparison as slaState, so both always agree
	const reached = (instant: number) => measure(from, instant) / allowed >= share;
	let instant =
		unit === 'working_days'
			? calendar.addWorkingDays(start, share * allowed).getTime()
			: from + Math.ceil(share * allowed);
	// addWorkingDays rounds to the millisecond: step over the sub-millisecond error, never further
	for (let step = 0; step < 3 && !reached(instant); step++) instant += 1;
	for (let step = 0; step < 3 && instant - 1 >= from && reached(instant - 1); step++) instant -= 1;
	return new Date(instant);
}

export interface SweepDeadlines {
	receivedAt: Date | null;
	acknowledgeDueAt: Date | null;
	resolveDueAt: Date | null;
	legalDueAt: Date | null;
}

export interface AtRiskInstants {
	/** compared with now only while the complaint is not acknowledged */
	acknowledgeAtRiskAt: Date | null;
	/** the earlier of the resolution's and the legal ceiling's (a calendar deadline) */
	resolveAtRiskAt: Date | null;
}

function earliest(a: Date | null, b: Date | null): Date | null {
	if (!a) return b;
	if (!b) return a;
	return a.getTime() <= b.getTime() ? a : b;
}

/** Both at-risk instants of a complaint, each measured from its receipt (as slaState is). */
export function atRiskInstants(
	deadlines: SweepDeadlines,
	units: { acknowledge: DurationUnit; resolve: DurationUnit },
	calendar: WorkingCalendar,
	share: number,
): AtRiskInstants {
	const start = deadlines.receivedAt;
	if (!start) return { acknowledgeAtRiskAt: null, resolveAtRiskAt: null };
	const instant = (due: Date | null, unit: DurationUnit) =>
		due ? atRiskInstant(start, due, unit, calendar, share) : null;
	return {
		acknowledgeAtRiskAt: instant(deadlines.acknowledgeDueAt, units.acknowledge),
		resolveAtRiskAt: earliest(
			instant(deadlines.resolveDueAt, units.resolve),
			instant(deadlines.legalDueAt, 'calendar_days'),
		),
	};
}

export interface SweptRow extends AtRiskInstants {
	acknowledgedAt: Date | null;
	acknowledgeDueAt: Date | null;
	resolveDueAt: Date | null;
	legalDueAt: Date | null;
}

/**
 * The state the sweep gives an open, running complaint at `now` — what its SQL
 * says with plain comparisons: breached once a deadline that still applies is
 * passed (the acknowledgment's only while not acknowledged; the due instant
 * itself is still met), at risk once an at-risk instant is reached.
 */
export function sweepState(now: Date, row: SweptRow): SlaState {
	const at = now.getTime();
	const passed = (due: Date | null) => !!due && due.getTime() < at;
	const reached = (instant: Date | null) => !!instant && instant.getTime() <= at;
	const acknowledging = !row.acknowledgedAt;
	if ((acknowledging && passed(row.acknowledgeDueAt)) || passed(row.resolveDueAt) || passed(row.legalDueAt))
		return 'breached';
	if ((acknowledging && reached(row.acknowledgeAtRiskAt)) || reached(row.resolveAtRiskAt)) return 'at_risk';
	return 'on_track';
}

const DEADLINE_FIELDS = ['acknowledge_due_at', 'resolve_due_at', 'legal_due_at'] as const;

/**
 * The fields the complaint hooks store beside a create or update plan: when
 * the plan sets or moves a deadline (creation, requalification, resumption
 * after a pause), the at-risk instants of the resulting row and the share they
 * were computed with; {} when no deadline changes. `current` is the stored row
 * (null at creation); `planned` the plan's values, which win.
 */
export function atRiskPatch(
	planned: Record<string, unknown>,
	current: Record<string, unknown> | null,
	categories: ReadonlyMap<string, { acknowledgeUnit: DurationUnit; resolveUnit: DurationUnit }>,
	calendar: WorkingCalendar,
	share: number,
): Record<string, unknown> {
	if (!DEADLINE_FIELDS.some((field) => planned[field] !== undefined)) return {};
	// a mistyped platform setting must not block complaints: the sweep falls back the same way
	const effective = isValidShare(share) ? share : DEFAULT_AT_RISK_SHARE;
	const value = (field: string) => (planned[field] !== undefined ? planned[field] : current?.[field]);
	const category = categories.get(String(value('category')));
	const instants = atRiskInstants(
		{
			receivedAt: toInstant(value('received_at')),
			acknowledgeDueAt: toInstant(value('acknowledge_due_at')),
			resolveDueAt: toInstant(value('resolve_due_at')),
			legalDueAt: toInstant(value('legal_due_at')),
		},
		{ acknowledge: category?.acknowledgeUnit ?? 'working_days', resolve: category?.resolveUnit ?? 'working_days' },
		calendar,
		effective,
	);
	return {
		acknowledge_at_risk_at: instants.acknowledgeAtRiskAt?.toISOString() ?? null,
		resolve_at_risk_at: instants.resolveAtRiskAt?.toISOString() ?? null,
		sla_at_risk_share: effective,
	};
}

/** The options of the sla-sweep flow operation, as the flow editor (or a template) gives them. */
export interface SweepOptions {
	/** null: platform_settings.at_risk_share */
	atRiskShare: number | null;
	raisePriority: boolean;
	legalWarningDays: number;
	/** reference instant; null: the current time (only tests and replays set it) */
	now: Date | null;
}

/** Unset: absent, empty, or a flow template whose value is missing (Directus renders it 'undefined'). */
function blank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && ['', 'undefined', 'null'].includes(value.trim()))
	);
}

/** Reads raw operation options; throws a RangeError (in French, for the flow log) on a value it cannot use. */
export function readSweepOptions(raw: Record<string, unknown> | null | undefined): SweepOptions {
	const options = raw ?? {};
	let atRiskShare: number | null = null;
	if (!blank(options.at_risk_share)) {
		const share = Number(options.at_risk_share);
		if (!isValidShare(share))
			throw new RangeError(
				`Seuil « à risque » invalide : ${String(options.at_risk_share)} (attendu : une part entre 0 et 1, par exemple 0.75)`,
			);
		atRiskShare = share;
	}
	let raisePriority = true;
	if (!blank(options.raise_priority)) {
		const text = String(options.raise_priority).trim().toLowerCase();
		if (['false', '0', 'no', 'non'].includes(text)) raisePriority = false;
		else if (!['true', '1', 'yes', 'oui'].includes(text))
			throw new RangeError(`Option « relever la priorité » invalide : ${String(options.raise_priority)}`);
	}
	let legalWarningDays = DEFAULT_LEGAL_WARNING_DAYS;
	if (!blank(options.legal_warning_days)) {
		legalWarningDays = Number(options.legal_warning_days);
		if (!Number.isInteger(legalWarningDays) || legalWarningDays < 0 || legalWarningDays > 365)
			throw new RangeError(
				`Délai d'alerte de l'échéance légale invalide : ${String(options.legal_warning_days)} (attendu : un nombre entier de jours, de 0 à 365)`,
			);
	}
	let now: Date | null = null;
	if (!blank(options.now)) {
		now = toInstant(options.now);
		if (!now) throw new RangeError(`Instant de référence invalide : ${String(options.now)}`);
	}
	return { atRiskShare, raisePriority, legalWarningDays, now };
}

/** Legal ceilings up to this instant are warned about: now + N calendar days on the Casablanca clock. */
export function legalWarningBound(now: Date, days: number, calendar: WorkingCalendar): Date {
	return calendar.addCalendarDays(now, days);
}
