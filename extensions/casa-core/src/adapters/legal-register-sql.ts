// The legal register's expressions, shared by the aggregate queries of the
// monthly report and of the officials' and public figures, so that every page
// counts "answered within the legal ceiling" with one definition. Built on the
// extension's one SQL builder (sql-fragments.ts).
import { calendarDayShifts } from '../domain/reports/month-window';
import type { Dialect } from './scope-sql';
import { type Fragment, dialectSql, join, raw, sql } from './sql-fragments';

export const DAY_MS = 86_400_000;
/** decree 2-17-265: acknowledge (or forward) within 15 calendar days */
export const ACKNOWLEDGE_LEGAL_DAYS = 15;

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
			[
				sql`${d.ms(days * DAY_MS)} + CASE`,
				...pieces.map(
					(piece) =>
						sql` WHEN c.received_at >= ${d.instant(piece.from)} AND c.received_at < ${d.instant(piece.to)} THEN ${d.ms(piece.extraMs)}`,
				),
				raw(' ELSE 0 END'),
			],
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
