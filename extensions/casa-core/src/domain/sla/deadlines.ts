// Deadlines of a complaint: acknowledgment, resolution and the legal ceiling
// (décret 2-17-265: an answer within 60 calendar days of receipt).
import type { WorkingCalendar } from '../calendar/index';
import type { SlaState } from '../complaint/vocabulary';

export type DurationUnit = 'working_days' | 'calendar_days';

export interface SlaTarget {
	acknowledgeIn: number;
	acknowledgeUnit: DurationUnit;
	resolveIn: number;
	resolveUnit: DurationUnit;
}

/** décret 2-17-265: answer within 60 calendar days of receipt */
export const LEGAL_ANSWER_CEILING_DAYS = 60;

export interface Deadlines {
	acknowledgeDueAt: Date;
	resolveDueAt: Date;
	legalDueAt: Date;
}

type DeadlineSet = Partial<Record<keyof Deadlines, Date | null>>;

export function addDuration(start: Date, amount: number, unit: DurationUnit, calendar: WorkingCalendar): Date {
	return unit === 'working_days' ? calendar.addWorkingDays(start, amount) : calendar.addCalendarDays(start, amount);
}

function earliest(a: Date, b: Date): Date {
	return a.getTime() <= b.getTime() ? a : b;
}

/** resolveDueAt is capped by legalDueAt, acknowledgeDueAt by resolveDueAt. */
export function computeDeadlines(
	receivedAt: Date,
	target: SlaTarget,
	calendar: WorkingCalendar,
	legalCeilingDays = LEGAL_ANSWER_CEILING_DAYS,
): Deadlines {
	const legalDueAt = calendar.addCalendarDays(receivedAt, legalCeilingDays);
	const resolveDueAt = earliest(addDuration(receivedAt, target.resolveIn, target.resolveUnit, calendar), legalDueAt);
	const acknowledgeDueAt = earliest(
		addDuration(receivedAt, target.acknowledgeIn, target.acknowledgeUnit, calendar),
		resolveDueAt,
	);
	return { acknowledgeDueAt, resolveDueAt, legalDueAt };
}

/**
 * A pause (complaint waiting for the citizen) from pausedAt to resumedAt moves
 * the deadlines that had not passed when the pause began (due >= pausedAt, as
 * a deadline is breached only once now > due): working-day ones by the working
 * time elapsed during the pause, calendar ones and the legal ceiling by the
 * elapsed time. Deadlines already passed, null or absent stay as given. The
 * caps of computeDeadlines are applied again (resolve <= legal, acknowledge <=
 * resolve) among the deadlines present.
 */
export function shiftDeadlinesForPause(
	deadlines: DeadlineSet,
	units: { acknowledge: DurationUnit; resolve: DurationUnit },
	pausedAt: Date,
	resumedAt: Date,
	calendar: WorkingCalendar,
): DeadlineSet {
	const pausedWorking = calendar.workingDaysBetween(pausedAt, resumedAt);
	const pausedMs = Math.max(0, resumedAt.getTime() - pausedAt.getTime());
	const shift = (due: Date | null | undefined, unit: DurationUnit): Date | null | undefined => {
		if (!due || due.getTime() < pausedAt.getTime()) return due;
		if (unit === 'calendar_days') return pausedMs > 0 ? new Date(due.getTime() + pausedMs) : due;
		// guard: adding 0 would move a deadline sitting at a closing to the next opening
		return pausedWorking > 0 ? calendar.addWorkingDays(due, pausedWorking) : due;
	};
	const result: DeadlineSet = { ...deadlines };
	if ('legalDueAt' in deadlines) result.legalDueAt = shift(deadlines.legalDueAt, 'calendar_days');
	if ('resolveDueAt' in deadlines) result.resolveDueAt = shift(deadlines.resolveDueAt, units.resolve);
	if ('acknowledgeDueAt' in deadlines) result.acknowledgeDueAt = shift(deadlines.acknowledgeDueAt, units.acknowledge);
	if (result.resolveDueAt && result.legalDueAt) result.resolveDueAt = earliest(result.resolveDueAt, result.legalDueAt);
	if (result.acknowledgeDueAt && result.resolveDueAt)
		result.acknowledgeDueAt = earliest(result.acknowledgeDueAt, result.resolveDueAt);
	return result;
}

export type { SlaState };

const SEVERITY: Record<SlaState, number> = { on_track: 0, at_risk: 1, breached: 2 };

/**
 * at_risk once `atRiskShare` (0..1) of the time between start and due has
 * elapsed (share reached counts), measured in the deadline's own unit: working
 * time for working-day deadlines, elapsed time for calendar ones. breached once
 * now > due (at the due instant itself the deadline is still met).
 */
export function slaState(
	now: Date,
	startedAt: Date,
	dueAt: Date,
	unit: DurationUnit,
	calendar: WorkingCalendar,
	atRiskShare = 0.75,
): SlaState {
	if (now.getTime() > dueAt.getTime()) return 'breached';
	const measure = (from: Date, to: Date) =>
		unit === 'working_days' ? calendar.workingDaysBetween(from, to) : Math.max(0, to.getTime() - from.getTime());
	const allowed = measure(startedAt, dueAt);
	// nothing to measure against (due at the start, or no working time before it)
	if (allowed <= 0) return 'on_track';
	return measure(startedAt, now) / allowed >= atRiskShare ? 'at_risk' : 'on_track';
}

/** The most severe state; on_track when given none. */
export function worstSlaState(...states: SlaState[]): SlaState {
	return states.reduce<SlaState>((worst, state) => (SEVERITY[state] > SEVERITY[worst] ? state : worst), 'on_track');
}
