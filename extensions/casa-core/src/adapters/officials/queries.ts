// The database half of the officials' screens and of the public figures: three
// set-based aggregate queries whatever the number of complaints — received in
// each of 13 months (with the legal register), resolved in each of those months
// (with a histogram of whole days, for medians), and open now — grouped by
// arrondissement, service and category (and team for what is open). The
// domain (domain/officials/figures) sums the cells into any scope. Definitions
// are the monthly report's (sql-fragments `legalFragments`).
import type { Knex } from 'knex';
import {
	type Cell,
	LEGAL_NEAR_DAYS,
	MAX_DAYS,
	type OpenCell,
	type Reference,
	monthsFor,
} from '../../domain/officials/figures';
import { monthWindow } from '../../domain/reports/month-window';
import { OPEN_STATUSES } from '../../domain/workflow/transitions';
import { type Dialect, dialectOf } from '../scope-sql';
import { type Fragment, dialectSql, join, raw, sql } from '../sql-fragments';
import { DAY_MS, legalFragments } from '../legal-register-sql';

export interface FiguresQuery {
	/** the last month of the twelve (YYYY-MM) */
	month: string;
	now: Date;
	legalCeilingDays: number;
}

const number = (value: unknown) => {
	const parsed = Number(value ?? 0);
	return Number.isFinite(parsed) ? parsed : 0;
};
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * One aggregate statement. On PostgreSQL, in a read-only transaction that lets
 * the planner hash the groups rather than sort the rows: the groups are few (a
 * few thousand: months × arrondissements × categories) but it cannot know that
 * a complaint's service follows from its category, nor how many values a CASE
 * over months takes, so it expects about one group per row and sorted every
 * row (spilling to disk) — half the time of the received query at 100,000
 * complaints. A hash aggregate that did outgrow its memory would spill, not fail.
 * The memory for hashing also holds the first answers of a million complaints
 * (some 30 MB) without writing batches to disk.
 */
async function aggregate(knex: Knex, dialect: Dialect, statement: Fragment): Promise<Record<string, unknown>[]> {
	if (dialect !== 'pg') return knex.raw(statement.text, statement.bindings as Knex.ValueDict[]);
	return knex.transaction(
		async (trx) => {
			await trx.raw("SET LOCAL enable_sort = off; SET LOCAL work_mem = '64MB'");
			return (await trx.raw(statement.text, statement.bindings as Knex.ValueDict[])).rows;
		},
		{ readOnly: true },
	);
}

/** The Casablanca month of a timestamp column, as 'YYYY-MM', for months [first … last]. */
function monthBucket(dialect: Dialect, column: string, months: string[]): Fragment {
	const d = dialectSql(dialect);
	const windows = months.map((month) => monthWindow(month));
	return join(
		[
			raw('CASE'),
			...windows
				.slice(1)
				.map((window, index) => sql` WHEN ${raw(column)} < ${d.instant(window.start)} THEN ${months[index]}`),
			sql` ELSE ${months[months.length - 1]} END`,
		],
		'',
	);
}

export async function figureCells(knex: Knex, query: FiguresQuery): Promise<Cell[]> {
	const dialect = dialectOf(knex);
	const d = dialectSql(dialect);
	const months = monthsFor(query.month);
	const from = monthWindow(months[0]).start;
	const to = monthWindow(months[months.length - 1]).end;
	const { legalDue, answeredAt, answers } = legalFragments(dialect, from, to, query.legalCeilingDays);
	const now = d.instant(query.now);
	// the legal record of each complaint, computed once per row: 1 answered by the ceiling, 2 answered after it or
	// unanswered once it passed, 0 neither yet (the monthly report's two counts, as one grouped column)
	const legal = sql`CASE WHEN ${answeredAt} IS NULL THEN (CASE WHEN ${legalDue} < ${now} THEN 2 ELSE 0 END) WHEN ${answeredAt} <= ${legalDue} THEN 1 WHEN ${answeredAt} > ${legalDue} THEN 2 ELSE 0 END`;

	const received = sql`SELECT ${monthBucket(dialect, 'c.received_at', months)} AS month, c.arrondissement AS arrondissement, c.service AS service, c.category AS category,
${legal} AS legal,
COUNT(*) AS received
FROM complaints c LEFT JOIN (${answers}) a ON a.complaint = c.id
WHERE c.received_at >= ${d.instant(from)} AND c.received_at < ${d.instant(to)}
GROUP BY 1, 2, 3, 4, 5`;

	const days =
		dialect === 'pg'
			? sql`LEAST(GREATEST(FLOOR(EXTRACT(EPOCH FROM (c.resolved_at - c.received_at)) / 86400), 0), ${MAX_DAYS})`
			: sql`MIN(MAX(CAST((c.resolved_at - c.received_at) / ${DAY_MS} AS INTEGER), 0), ${MAX_DAYS})`;
	const resolved = sql`SELECT ${monthBucket(dialect, 'c.resolved_at', months)} AS month, c.arrondissement AS arrondissement, c.service AS service, c.category AS category,
${days} AS days,
COUNT(*) AS resolved,
SUM(CASE WHEN c.resolve_due_at IS NOT NULL AND c.resolved_at <= c.resolve_due_at THEN 1 ELSE 0 END) AS resolved_on_time
FROM complaints c
WHERE c.resolved_at >= ${d.instant(from)} AND c.resolved_at < ${d.instant(to)}
GROUP BY 1, 2, 3, 4, 5`;

	const [receivedRows, resolvedRows] = await Promise.all([
		aggregate(knex, dialect, received),
		aggregate(knex, dialect, resolved),
	]);
	const cells = new Map<string, Cell>();
	const cellOf = (row: Record<string, unknown>): Cell => {
		const key = JSON.stringify([row.month, row.arrondissement ?? null, row.service ?? null, row.category ?? null]);
		let cell = cells.get(key);
		if (!cell) {
			cell = {
				month: String(row.month),
				arrondissement: text(row.arrondissement),
				service: text(row.service),
				category: text(row.category),
				received: 0,
				answeredInTime: 0,
				answeredLate: 0,
				resolved: 0,
				resolvedOnTime: 0,
				days: {},
			};
			cells.set(key, cell);
		}
		return cell;
	};
	for (const row of receivedRows) {
		const cell = cellOf(row);
		const received = number(row.received);
		cell.received += received;
		const legal = number(row.legal);
		if (legal === 1) cell.answeredInTime += received;
		else if (legal === 2) cell.answeredLate += received;
	}
	for (const row of resolvedRows) {
		const cell = cellOf(row);
		const resolvedCount = number(row.resolved);
		cell.resolved += resolvedCount;
		cell.resolvedOnTime += number(row.resolved_on_time);
		const day = number(row.days);
		cell.days[day] = (cell.days[day] ?? 0) + resolvedCount;
	}
	return [...cells.values()];
}

export async function openCells(knex: Knex, now: Date): Promise<OpenCell[]> {
	const dialect = dialectOf(knex);
	const d = dialectSql(dialect);
	const statuses = join(
		OPEN_STATUSES.map((status) => sql`${status}`),
		', ',
	);
	const statement = sql`SELECT c.arrondissement AS arrondissement, c.service AS service, c.category AS category, c.team AS team,
COUNT(*) AS open,
SUM(CASE WHEN c.sla_state = 'breached' THEN 1 ELSE 0 END) AS late,
SUM(CASE WHEN c.legal_due_at IS NOT NULL AND c.legal_due_at < ${d.instant(now)} THEN 1 ELSE 0 END) AS legal_past,
SUM(CASE WHEN c.legal_due_at IS NOT NULL AND c.legal_due_at >= ${d.instant(now)} AND c.legal_due_at < ${d.instant(new Date(now.getTime() + LEGAL_NEAR_DAYS * DAY_MS))} THEN 1 ELSE 0 END) AS legal_near
FROM complaints c
WHERE c.status IN (${statuses})
GROUP BY 1, 2, 3, 4`;
	const rows = await aggregate(knex, dialect, statement);
	return rows.map((row) => ({
		arrondissement: text(row.arrondissement),
		service: text(row.service),
		category: text(row.category),
		team: text(row.team),
		open: number(row.open),
		late: number(row.late),
		legalPast: number(row.legal_past),
		legalNear: number(row.legal_near),
	}));
}

export async function figuresReference(knex: Knex): Promise<Reference> {
	const [arrondissements, prefectures, services, categories, teams] = await Promise.all([
		knex('arrondissements').select('code', 'name_fr', 'name_ar', 'prefecture', 'population').orderBy('code'),
		knex('prefectures').select('code', 'name_fr', 'name_ar').orderBy('code'),
		knex('services')
			.select('code', 'name_fr', 'name_ar', 'sort')
			.orderBy([{ column: 'sort' }, { column: 'code' }]),
		knex('categories')
			.select('code', 'name_fr', 'name_ar', 'service', 'sort')
			.orderBy([{ column: 'sort' }, { column: 'code' }]),
		knex('teams').select('id', 'name_fr', 'name_ar', 'service').orderBy('name_fr'),
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
		categories: categories.map((row) => ({
			code: row.code,
			name_fr: row.name_fr,
			name_ar: row.name_ar,
			service: row.service ?? null,
		})),
		teams: teams.map((row) => ({
			code: String(row.id),
			name_fr: row.name_fr,
			name_ar: row.name_ar,
			service: row.service ?? null,
		})),
	};
}
