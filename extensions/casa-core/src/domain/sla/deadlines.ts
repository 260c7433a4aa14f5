// Deadlines of a complaint: acknowledgment, resolution and the legal ceiling
// (décret 2-17-265: an answer within 60 calendar days of receipt).
import type { WorkingCalendar } from '../calendar';

export type DurationUnit = 'working_days' | 'calendar_days';

export interface SlaTarget {
	acknowledgeIn: number;
	acknowledgeUnit: DurationUnit;
	resolveIn: number;
	resolveUnit: DurationUnit;
}

export const LEGAL_ANSWER_CEILING_DAYS = 60;

export interface Deadlines {
	acknowledgeDueAt: Date;
	resolveDueAt: Date;
	legalDueAt: Date;
}

export function addDuration(start: Date, amount: number, unit: DurationUnit, calendar: WorkingCalendar): Date {
	return unit === 'working_days' ? calendar.addWorkingDays(start, amount) : calendar.addCalendarDays(start, amount);
}

function earliest(a: Date, b: Date): Date {
	return a.getTime() <= b.getTime() ? a : b;
}

export function computeDeadlines(receivedAt: Date, target: SlaTarget, calendar: WorkingCalendar, legalCeilingDays = LEGAL_ANSWER_CEILING_DAYS): Deadlines {
	const legalDueAt = calendar.addCalendarDays(receivedAt, legalCeilingDays);
	const resolveDueAt = earliest(addDuration(receivedAt, target.resolveIn, target.resolveUnit, calendar), legalDueAt);
	const acknowledgeDueAt = earliest(addDuration(receivedAt, target.acknowledgeIn, target.acknowledgeUnit, calendar), resolveDueAt);
	return { acknowledgeDueAt, resolveDueAt, legalDueAt };
}

type DeadlineSet = Partial<Record<keyof Deadlines, Date | null>>;

/**
 * While a complaint waits for the citizen the clock stops: deadlines still
 * ahead when the pause began move by the time paused, in their own unit.
 */
export function shiftDeadlinesForPause(deadlines: DeadlineSet, units: { acknowledge: DurationUnit; resolve: DurationUnit }, pausedAt: Date, resumedAt: Date, calendar: WorkingCalendar): DeadlineSet {
	const pausedWorking = calendar.workingDaysBetween(pausedAt, resumedAt);
	const pausedMs = Math.max(0, resumedAt.getTime() - pausedAt.getTime());
	const shift = (due: Date | null | undefined, unit: DurationUnit): Date | null | undefined => {
		if (!due || due.getTime() <= pausedAt.getTime()) return due;
		return unit === 'working_days' ? (pausedWorking > 0 ? calendar.addWorkingDays(due, pausedWorking) : due) : new Date(due.getTime() + pausedMs);
	};
	const result: DeadlineSet = { ...deadlines };
	if ('acknowledgeDueAt' in deadlines) result.acknowledgeDueAt = shift(deadlines.acknowledgeDueAt, units.acknowledge);
	if ('resolveDueAt' in deadlines) result.resolveDueAt = shift(deadlines.resolveDueAt, units.resolve);
	if ('legalDueAt' in deadlines) result.legalDueAt = shift(deadlines.legalDueAt, 'calendar_days');
	return result;
}

export type SlaState = 'on_track' | 'at_risk' | 'breached';
const SEVERITY: Record<SlaState, number> = { on_track: 0, at_risk: 1, breached: 2 };

/** at_risk once `atRiskShare` of the allowed time has gone (in the deadline's unit), breached once past due. */
export function slaState(now: Date, startedAt: Date, dueAt: Date, unit: DurationUnit, calendar: WorkingCalendar, atRiskShare = 0.75): SlaState {
	if (now.getTime() > dueAt.getTime()) return 'breached';
	const measure = (from: Date, to: Date) => (unit === 'working_days' ? calendar.workingDaysBetween(from, to) : Math.max(0, to.getTime() - from.getTime()));
	const allowed = measure(startedAt, dueAt);
	if (allowed <= 0) return 'on_track';
	return measure(startedAt, now) / allowed >= atRiskShare ? 'at_risk' : 'on_track';
}

export function worstSlaState(...states: SlaState[]): SlaState {
	return states.reduce<SlaState>((worst, state) => (SEVERITY[state] > SEVERITY[worst] ? state : worst), 'on_track');
}
