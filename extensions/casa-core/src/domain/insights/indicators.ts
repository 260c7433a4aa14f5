// The dashboards' figures as a table: each indicator a project panel
// (casa-indicator) asks /insights/indicator for by name. They replace
// Directus's built-in panels, which read complaints through the generic API
// that scoped staff roles no longer have. Labels come translated, never as
// raw keys on an axis.
import { OPEN_STATUSES } from '../workflow/transitions';

export type IndicatorKind = 'count' | 'breakdown' | 'series' | 'list';
export type Breakdown = 'channel' | 'priority' | 'status' | 'assignee';

export interface Indicator {
	kind: IndicatorKind;
	/** which date the period variable applies to */
	period: 'received' | 'resolved' | null;
	/** only complaints still open */
	open: boolean;
	slaState?: 'at_risk' | 'breached';
	/** legal ceiling within this many days from now */
	legalWithinDays?: number;
	/** received more than this many days ago */
	olderThanDays?: number;
	groupBy?: Breakdown;
	/** lists: sorted by this date, oldest first */
	sortBy?: 'legal_due_at' | 'received_at' | 'resolve_due_at';
	/** red when above zero */
	alarm?: boolean;
}

export const INDICATORS = {
	received: { kind: 'count', period: 'received', open: false },
	resolved: { kind: 'count', period: 'resolved', open: false },
	open: { kind: 'count', period: null, open: true },
	at_risk: { kind: 'count', period: null, open: true, slaState: 'at_risk', alarm: true },
	breached: { kind: 'count', period: null, open: true, slaState: 'breached', alarm: true },
	legal_near: { kind: 'count', period: null, open: true, legalWithinDays: 10, alarm: true },
	backlog_30: { kind: 'count', period: null, open: true, olderThanDays: 30 },
	received_by_channel: { kind: 'breakdown', period: 'received', open: false, groupBy: 'channel' },
	breached_by_priority: { kind: 'breakdown', period: null, open: true, slaState: 'breached', groupBy: 'priority' },
	backlog_by_status: { kind: 'breakdown', period: null, open: true, groupBy: 'status' },
	backlog_by_agent: { kind: 'breakdown', period: null, open: true, groupBy: 'assignee' },
	received_per_day: { kind: 'series', period: 'received', open: false },
	legal_near_list: { kind: 'list', period: null, open: true, legalWithinDays: 10, sortBy: 'legal_due_at' },
	backlog_oldest: { kind: 'list', period: null, open: true, sortBy: 'received_at' },
	at_risk_list: { kind: 'list', period: null, open: true, slaState: 'at_risk', sortBy: 'resolve_due_at' },
	breached_list: { kind: 'list', period: null, open: true, slaState: 'breached', sortBy: 'resolve_due_at' },
} as const satisfies Record<string, Indicator>;

export type IndicatorName = keyof typeof INDICATORS;

export function isIndicator(name: unknown): name is IndicatorName {
	return typeof name === 'string' && Object.prototype.hasOwnProperty.call(INDICATORS, name);
}

export const INDICATOR_OPEN_STATUSES = OPEN_STATUSES;
export const LIST_LIMIT = 15;
export const SERIES_MAX_DAYS = 400;

/** Days of a series from `from` to `to` (YYYY-MM-DD), every day present, zero where nothing came. */
export function fillDays(
	counts: Map<string, number>,
	from: Date,
	to: Date,
	dayOf: (date: Date) => string,
): { day: string; count: number }[] {
	const days: { day: string; count: number }[] = [];
	const seen = new Set<string>();
	for (let t = from.getTime(); t <= to.getTime() && days.length < SERIES_MAX_DAYS; t += 86_400_000) {
		const day = dayOf(new Date(t));
		if (seen.has(day)) continue;
		seen.add(day);
		days.push({ day, count: counts.get(day) ?? 0 });
	}
	const last = dayOf(to);
	if (!seen.has(last)) days.push({ day: last, count: counts.get(last) ?? 0 });
	return days;
}
