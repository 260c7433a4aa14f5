// The database half of the monthly report: one set-based aggregate query over
// the complaints of two months (the month and the one before), grouped by
// arrondissement and service, whatever the number of complaints; plus the
// reference rows (names, préfectures, populations). Portable SQLite/PostgreSQL:
// timestamps are epoch milliseconds on SQLite (as Directus stores them) and
// timestamptz on PostgreSQL. Calendar-day deadlines (15 days to acknowledge,
// the legal ceiling when a row has none) are the receipt plus N × 24 h plus the
// fixed corrections `calendarDayShifts` gives around changes of UTC offset.
import type { Knex } from 'knex';
import { type GroupRow, type ReferenceRows, countsFrom } from '../../domain/reports/figures';
import { type MonthWindow, monthWindow, shiftMonth } from '../../domain/reports/month-window';
import { dialectOf } from '../../adapters/scope-sql';
import { type Fragment, dialectSql, join, raw, sql } from '../../adapters/sql-fragments';
import { ACKNOWLEDGE_LEGAL_DAYS, legalFragments } from '../../adapters/legal-register-sql';

export { ACKNOWLEDGE_LEGAL_DAYS };

export interface MonthlyQuery {
	month: string;
	/** limit to one service (a service head's report), else every service */
	service: string | null;
	now: Date;
	legalCeilingDays: number;
}

/** One row per (arrondissement, service) with the counts of the month and of the month before. */
export async function monthlyGroupRows(knex: Knex, query: MonthlyQuery): Promise<GroupRow[]> {
	const dialect = dialectOf(knex);
	const d = dialectSql(dialect);
	const current = monthWindow(query.month);
	const previous = monthWindow(shiftMonth(query.month, -1));
	const from = previous.start;
	const to = current.end;

	const { ackDue, legalDue, answeredAt, answers } = legalFragments(dialect, from, to, query.legalCeilingDays);
	const now = d.instant(query.now);

	const inWindow = (column: string, window: MonthWindow) =>
		sql`(${raw(column)} >= ${d.instant(window.start)} AND ${raw(column)} < ${d.instant(window.end)})`;
	const count = (condition: Fragment, alias: string) =>
		sql`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${raw(alias)}`;
	const columns = (window: MonthWindow, suffix: string) => {
		const received = inWindow('c.received_at', window);
		const resolved = inWindow('c.resolved_at', window);
		return join(
			[
				count(received, `received${suffix}`),
				count(resolved, `resolved${suffix}`),
				count(
					sql`${resolved} AND c.resolve_due_at IS NOT NULL AND c.resolved_at <= c.resolve_due_at`,
					`resolved_on_time${suffix}`,
				),
				sql`SUM(CASE WHEN ${resolved} THEN ${d.diffMs('c.resolved_at', 'c.received_at')} ELSE 0 END) AS ${raw(`resolution_ms${suffix}`)}`,
				count(
					sql`${received} AND c.acknowledged_at IS NOT NULL AND c.acknowledged_at <= ${ackDue}`,
					`ack_in_time${suffix}`,
				),
				count(
					sql`${received} AND ((c.acknowledged_at IS NOT NULL AND c.acknowledged_at > ${ackDue}) OR (c.acknowledged_at IS NULL AND ${ackDue} < ${now}))`,
					`ack_late${suffix}`,
				),
				count(
					sql`${received} AND ${answeredAt} IS NOT NULL AND ${answeredAt} <= ${legalDue}`,
					`answer_in_time${suffix}`,
				),
				count(
					sql`${received} AND ((${answeredAt} IS NOT NULL AND ${answeredAt} > ${legalDue}) OR (${answeredAt} IS NULL AND ${legalDue} < ${now}))`,
					`answer_late${suffix}`,
				),
			],
			',\n',
		);
	};

	const statement = sql`SELECT c.arrondissement AS arrondissement, c.service AS service,
${columns(current, '_c')},
${columns(previous, '_p')}
FROM complaints c LEFT JOIN (${answers}) a ON a.complaint = c.id
WHERE (${inWindow('c.received_at', { month: '', start: from, end: to })} OR ${inWindow('c.resolved_at', { month: '', start: from, end: to })})
${query.service ? sql`AND c.service = ${query.service}` : raw('')}
GROUP BY c.arrondissement, c.service`;
	const result = await knex.raw(statement.text, statement.bindings as Knex.ValueDict[]);
	const rows: Record<string, unknown>[] = dialect === 'pg' ? result.rows : result;
	return rows.map((row) => ({
		arrondissement: (row.arrondissement as string | null) ?? null,
		service: (row.service as string | null) ?? null,
		current: countsFrom(row, '_c'),
		previous: countsFrom(row, '_p'),
	}));
}

export async function reportReference(knex: Knex): Promise<ReferenceRows> {
	const [arrondissements, prefectures, services] = await Promise.all([
		knex('arrondissements').select('code', 'name_fr', 'name_ar', 'prefecture', 'population').orderBy('code'),
		knex('prefectures').select('code', 'name_fr', 'name_ar').orderBy('code'),
		knex('services')
			.select('code', 'name_fr', 'name_ar', 'sort')
			.orderBy([{ column: 'sort' }, { column: 'code' }]),
	]);
	return {
		arrondissements: arrondissements.map((row) => ({
			code: row.code,
			name_fr: row.name_fr,
			name_ar: row.name_ar,
			prefecture: row.prefecture ?? null,
			population: row.population === null || row.population === undefined ? null : Number(row.population),
		})),
		prefectures: prefectures.map((row) => ({ code: row.code, name_fr: row.name_fr, name_ar: row.name_ar })),
		services: services.map((row) => ({ code: row.code, name_fr: row.name_fr, name_ar: row.name_ar })),
	};
}
