// SQL built from fragments with their bindings, portable SQLite/PostgreSQL,
// shared by the aggregate queries of the monthly report and of the officials'
// and public figures, so that every page counts "answered within the legal
// ceiling" with one definition. Timestamps are epoch milliseconds on SQLite
// (as Directus stores them) and timestamptz on PostgreSQL.
import { calendarDayShifts } from '../domain/reports/month-window';
import type { Dialect } from './scope-sql';

export interface Fragment {
	text: string;
	bindings: unknown[];
}

export const DAY_MS = 86_400_000;
/** decree 2-17-265: acknowledge (or forward) within 15 calendar days */
export const ACKNOWLEDGE_LEGAL_DAYS = 15;

export const raw = (text: string): Fragment => ({ text, bindings: [] });
export function join(parts: Fragment[], separator: string): Fragment {
	return { text: parts.map((part) => part.text).join(separator), bindings: parts.flatMap((part) => part.bindings) };
}
export function sql(strings: TemplateStringsArray, ...values: (Fragment | unknown)[]): Fragment {
	const parts: Fragment[] = [];
	strings.forEach((text, index) => {
		parts.push(raw(text));
		if (index < values.length) {
			const value = values[index];
			parts.push(value && typeof value === 'object' && 'text' in (value as object) && 'bindings' in (value as object) ? (value as Fragment) : { text: '?', bindings: [value] });
		}
	});
	return join(parts, '');
}

export function dialectSql(dialect: Dialect) {
	return {
		instant: (date: Date) => (dialect === 'pg' ? sql`CAST(${date.toISOString()} AS timestamptz)` : sql`${date.getTime()}`),
		/** a number of milliseconds (PostgreSQL would guess integer, too small for 60 days) */
		ms: (value: number) => (dialect === 'pg' ? sql`CAST(${value} AS bigint)` : sql`${value}`),
		/** a − b in milliseconds */
		diffMs: (a: string, b: string) => raw(dialect === 'pg' ? `(EXTRACT(EPOCH FROM (${a} - ${b})) * 1000)` : `(${a} - ${b})`),
		/** a timestamp column plus a number of milliseconds */
		plusMs: (column: string, ms: Fragment) => (dialect === 'pg' ? sql`(${raw(column)} + (${ms}) * INTERVAL '1 millisecond')` : sql`(${raw(column)} + (${ms}))`),
	};
}

/**
 * The legal register's expressions for complaints `c` received in [from, to):
 * the instant of the first answer (resolved, or rejected / redirected, from the
 * history joined as `a`), the legal due date (the row's, else receipt + the
 * ceiling in calendar days, exact across changes of UTC offset), and the
 * 15-day acknowledgement due date.
 */
export function legalFragments(dialect: Dialect, from: Date, to: Date, legalCeilingDays: number) {
	const d = dialectSql(dialect);
	const calendarDaysMs = (days: number): Fragment => {
		const pieces = calendarDayShifts(from, to, days);
		if (pieces.length === 0) return d.ms(days * DAY_MS);
		return join(
			[sql`${d.ms(days * DAY_MS)} + CASE`, ...pieces.map((piece) => sql` WHEN c.received_at >= ${d.instant(piece.from)} AND c.received_at < ${d.instant(piece.to)} THEN ${d.ms(piece.extraMs)}`), raw(' ELSE 0 END')],
			'',
		);
	};
	return {
		ackDue: d.plusMs('c.received_at', calendarDaysMs(ACKNOWLEDGE_LEGAL_DAYS)),
		legalDue: sql`COALESCE(c.legal_due_at, ${d.plusMs('c.received_at', calendarDaysMs(legalCeilingDays))})`,
		answeredAt: raw('COALESCE(a.answered_at, c.resolved_at)'),
		/** LEFT JOIN this AS a ON a.complaint = c.id */
		answers: sql`SELECT e.complaint, MIN(e.date_created) AS answered_at FROM complaint_events e
		WHERE e.type = 'status_changed' AND e.to_status IN ('resolved', 'rejected') AND e.date_created >= ${d.instant(from)}
		GROUP BY e.complaint`,
	};
}
