// Aggregates for the Insights dashboards, mounted at /insights. Each answer is
// computed in SQL and stays small whatever the number of complaints; the
// caller's row scope (domain/access/scope.ts) applies exactly as to complaint reads.
//   GET /insights/clusters?bbox=west,south,east,north&zoom=&colour=status|sla_state&service=&arrondissement=&from=&to=&status=
//       complaints grouped on a grid whose cell follows the zoom; a cell holding one
//       complaint is a point, and from zoom 18 every complaint is (up to 2,000, else cells);
//       id and reference only for roles that open complaints
//   GET /insights/sla?service=&arrondissement=&from=&to=&group=service|team
//       on-time rate per service or team (resolved within resolve_due_at / resolved), open at risk / breached
import { defineEndpoint } from '@directus/extensions-sdk';
import { createError } from '@directus/errors';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { complaintScope } from '../../domain/access/scope';
import { INDICATORS, type Indicator, LIST_LIMIT, fillDays, isIndicator } from '../../domain/insights/indicators';
import { toInstant, toIsoTimestamp } from '../../domain/calendar/instant';
import { hasGlobal } from '../../domain/access/capabilities';
import {
	type CellRow,
	type ClusterQuery,
	type InsightsError,
	type InsightsFilters,
	POINT_LIMIT,
	POINT_ZOOM,
	SLA_STATES,
	cellSize,
	colourValues,
	groupCells,
	groupPoints,
	pointIdsAllowed,
	readClusterQuery,
	readSlaQuery,
	slaFigures,
} from '../../domain/insights/clusters';
import { type Language, pickLanguage, translate } from '../../domain/i18n/messages';
import { OPEN_STATUSES } from '../../domain/workflow/transitions';
import { ForbiddenActionError, InvalidFieldError } from '../../adapters/errors';
import { type Caller, loadCaller } from '../../adapters/platform-context';
import { type Dialect, applyScope, dialectOf, instantBinding } from '../../adapters/scope-sql';
import { asyncRoute } from '../../adapters/route';

interface InsightsRequest {
	query: Record<string, unknown>;
	accountability: Accountability | null;
	get(name: string): string | undefined;
}

const UnauthenticatedError = createError<{ field: string; reason: string; message: string }>(
	'CASA_UNAUTHENTICATED',
	(extensions) => extensions.message,
	401,
);

const route = asyncRoute<InsightsRequest>;

function insightsErrors(errors: InsightsError[], language: Language) {
	return errors.map(
		(error) =>
			new InvalidFieldError({
				field: error.field,
				reason: `insights.errors.${error.key}`,
				message: translate(language, `insights.errors.${error.key}`, error.values ?? {}),
			}),
	);
}

/** Filters shared by both answers: scope, service, arrondissement, received period. */
function filtered(knex: Knex, dialect: Dialect, caller: Caller, filters: InsightsFilters): Knex.QueryBuilder {
	const query = knex('complaints');
	const scope = caller.profile ? complaintScope(caller.profile) : null;
	if (scope) query.where((inner) => applyScope(inner, scope));
	if (filters.services.length > 0) query.whereIn('complaints.service', filters.services);
	if (filters.arrondissements.length > 0) query.whereIn('complaints.arrondissement', filters.arrondissements);
	if (filters.from) query.where('complaints.received_at', '>=', instantBinding(dialect, filters.from) as never);
	if (filters.to) query.where('complaints.received_at', '<', instantBinding(dialect, filters.to) as never);
	return query;
}

/** Grid cell index of a coordinate column; the shifted value is never negative, so truncation is the floor. */
function cellIndex(dialect: Dialect, column: string, shift: number): string {
	return dialect === 'pg'
		? `FLOOR((CAST(${column} AS double precision) + ${shift}) / CAST(? AS double precision))`
		: `CAST((${column} + ${shift}) / ? AS INTEGER)`;
}

/**
 * The id and reference of the complaint alone in its cell: that complaint sits
 * at the cell's average position, so one lookup around those positions (under
 * the same filters) finds them all, instead of carrying ids through the
 * aggregate of a million rows. Positions are compared within a metre: PostgreSQL
 * stores coordinates as float4, and its average comes back as float8.
 */
async function attachSingleIds(query: Knex.QueryBuilder, rows: CellRow[]): Promise<void> {
	const EPSILON = 1e-5;
	const singles = rows.filter((row) => Number(row.count) === 1);
	for (let start = 0; start < singles.length; start += 200) {
		const chunk = singles.slice(start, start + 200);
		const found = (await query
			.clone()
			.where((around) => {
				for (const row of chunk) {
					const latitude = Number(row.latitude);
					const longitude = Number(row.longitude);
					around.orWhere((box) =>
						box
							.whereBetween('complaints.latitude', [latitude - EPSILON, latitude + EPSILON])
							.whereBetween('complaints.longitude', [longitude - EPSILON, longitude + EPSILON]),
					);
				}
			})
			.select(
				'complaints.id as id',
				'complaints.reference as reference',
				'complaints.latitude as latitude',
				'complaints.longitude as longitude',
			)) as { id: string; reference: string; latitude: unknown; longitude: unknown }[];
		for (const complaint of found) {
			const row = chunk.find(
				(single) =>
					Math.abs(Number(single.latitude) - Number(complaint.latitude)) <= EPSILON &&
					Math.abs(Number(single.longitude) - Number(complaint.longitude)) <= EPSILON,
			);
			if (row) Object.assign(row, { id: complaint.id, reference: complaint.reference });
		}
	}
}

/**
 * PostgreSQL: a grid aggregate over a million rows is a hash aggregate if it
 * may use 32 MB (the default 4 MB makes it sort on disk), and JIT compiling it
 * costs more than it saves. Both only for this transaction.
 */
async function withAggregateSettings<T>(database: Knex, dialect: Dialect, run: (knex: Knex) => Promise<T>): Promise<T> {
	if (dialect !== 'pg') return run(database);
	return database.transaction(async (trx) => {
		await trx.raw("SET LOCAL work_mem = '32MB'");
		await trx.raw('SET LOCAL jit = off');
		return run(trx);
	});
}

export default defineEndpoint({
	id: 'insights',
	handler: (router, { database }) => {
		/** The staff member behind the request, in their language; anonymous → 401, out-of-role → 403. */
		async function staff(request: InsightsRequest) {
			const caller = await loadCaller(database, request.accountability);
			const language = pickLanguage(
				request.query.lang as string | undefined,
				caller.anonymous ? request.get('accept-language') : caller.language,
			);
			if (!request.accountability?.user)
				throw new UnauthenticatedError({
					field: 'authorization',
					reason: 'insights.errors.unauthenticated',
					message: translate(language, 'insights.errors.unauthenticated'),
				});
			if (!caller.role || !caller.profile || !hasGlobal(caller.profile, 'view_figures'))
				throw new ForbiddenActionError({
					field: 'role',
					reason: 'insights.errors.role',
					message: translate(language, 'insights.errors.role'),
				});
			return { caller, language };
		}

		router.get(
			'/clusters',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const parsed = readClusterQuery(request.query);
				if (!parsed.ok) throw insightsErrors(parsed.errors, language);
				const input: ClusterQuery = parsed.value;
				const dialect = dialectOf(database);
				const size = cellSize(input.zoom);
				const withIds = pointIdsAllowed(caller.role);
				const colourColumn = input.colour === 'status' ? 'complaints.status' : 'complaints.sla_state';
				const values = colourValues(input.colour);

				const result = await withAggregateSettings(database, dialect, async (knex) => {
					const query = filtered(knex, dialect, caller, input)
						.whereNotNull('complaints.latitude')
						.whereNotNull('complaints.longitude')
						.whereBetween('complaints.latitude', [input.bbox.south, input.bbox.north])
						.whereBetween('complaints.longitude', [input.bbox.west, input.bbox.east]);
					if (input.statuses.length > 0) query.whereIn('complaints.status', input.statuses);
					// high zoom: one by one (a few streets at most), unless the area is that dense
					if (input.zoom >= POINT_ZOOM) {
						const pointColumns = [
							'complaints.latitude as latitude',
							'complaints.longitude as longitude',
							`${colourColumn} as value`,
							...(withIds ? ['complaints.id as id', 'complaints.reference as reference'] : []),
						];
						const points = await query
							.clone()
							.select(pointColumns)
							.orderBy('complaints.id')
							.limit(POINT_LIMIT + 1);
						if (points.length <= POINT_LIMIT)
							return groupPoints(points, { zoom: input.zoom, colour: input.colour, withIds });
					}
					const columns = [
						knex.raw(`${cellIndex(dialect, 'complaints.longitude', 180)} AS x`, [size]),
						knex.raw(`${cellIndex(dialect, 'complaints.latitude', 90)} AS y`, [size]),
						knex.raw('COUNT(*) AS count'),
						knex.raw('AVG(complaints.latitude) AS latitude'),
						knex.raw('AVG(complaints.longitude) AS longitude'),
						...values.map((value, index) =>
							knex.raw(`SUM(CASE WHEN ${colourColumn} = ? THEN 1 ELSE 0 END) AS c${index}`, [value]),
						),
					];
					// only columns of the map index (latitude, longitude, status, SLA state): an index-only scan on PostgreSQL
					const rows = (await query.clone().select(columns).groupByRaw('1, 2')) as CellRow[];
					if (withIds) await attachSingleIds(query, rows);
					return groupCells(rows, { zoom: input.zoom, colour: input.colour, withIds });
				});
				res.json({ data: result });
			}),
		);

		// one figure of a dashboard (domain/insights/indicators), under the caller's scope
		router.get(
			'/indicator',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const name = request.query.name;
				if (!isIndicator(name)) throw insightsErrors([{ field: 'name', key: 'indicator' }], language);
				const indicator: Indicator = INDICATORS[name];
				const parsed = readSlaQuery({ ...request.query, group: undefined });
				if (!parsed.ok) throw insightsErrors(parsed.errors, language);
				if (indicator.kind === 'list' && !hasGlobal(caller.profile, 'open_complaints'))
					throw new ForbiddenActionError({
						field: 'name',
						reason: 'insights.errors.role',
						message: translate(language, 'insights.errors.role'),
					});
				const dialect = dialectOf(database);
				const now = new Date();
				const from = parsed.value.from;
				const query = filtered(database, dialect, caller, {
					...parsed.value,
					from: indicator.period === 'received' ? from : null,
				});
				if (indicator.period === 'resolved' && from)
					query.where('complaints.resolved_at', '>=', instantBinding(dialect, from) as never);
				if (indicator.period === 'resolved') query.whereNotNull('complaints.resolved_at');
				if (indicator.open) query.whereIn('complaints.status', OPEN_STATUSES as string[]);
				if ('slaState' in indicator && indicator.slaState) query.where('complaints.sla_state', indicator.slaState);
				if ('legalWithinDays' in indicator && indicator.legalWithinDays)
					query.where(
						'complaints.legal_due_at',
						'<=',
						instantBinding(dialect, new Date(now.getTime() + indicator.legalWithinDays * 86_400_000)) as never,
					);
				if ('olderThanDays' in indicator && indicator.olderThanDays)
					query.where(
						'complaints.received_at',
						'<',
						instantBinding(dialect, new Date(now.getTime() - indicator.olderThanDays * 86_400_000)) as never,
					);
				const t = (key: string, values?: Record<string, unknown>) => translate(language, key, values ?? {});
				switch (indicator.kind) {
					case 'count': {
						const row = await query.count({ count: '*' }).first();
						res.json({ data: { kind: 'count', value: Number(row?.count ?? 0), alarm: indicator.alarm === true } });
						return;
					}
					case 'breakdown': {
						const field = indicator.groupBy!;
						if (field === 'assignee') {
							const rows = await query
								.leftJoin('directus_users as u', 'u.id', 'complaints.assignee')
								.select(
									'complaints.assignee as key',
									database.raw('MIN(u.first_name) as first_name'),
									database.raw('MIN(u.last_name) as last_name'),
								)
								.count({ count: '*' })
								.groupBy('complaints.assignee')
								.orderBy('count', 'desc')
								.limit(20);
							res.json({
								data: {
									kind: 'breakdown',
									items: rows.map(
										(row: {
											key: string | null;
											first_name: string | null;
											last_name: string | null;
											count: number | string;
										}) => ({
											label: row.key
												? `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim()
												: t('insights.indicator.unassigned'),
											value: Number(row.count),
										}),
									),
								},
							});
							return;
						}
						const rows = await query
							.select(`complaints.${field} as key`)
							.count({ count: '*' })
							.groupBy(`complaints.${field}`)
							.orderBy('count', 'desc')
							.limit(20);
						res.json({
							data: {
								kind: 'breakdown',
								items: rows.map((row: { key: string | null; count: number | string }) => ({
									label: row.key ? t(`${field}.${row.key}`) : '—',
									value: Number(row.count),
								})),
							},
						});
						return;
					}
					case 'series': {
						const start = from ?? new Date(now.getTime() - 30 * 86_400_000);
						const rows = (await query.select('complaints.received_at')) as { received_at: unknown }[];
						const dayOf = (date: Date) =>
							new Intl.DateTimeFormat('en-CA', {
								timeZone: 'Africa/Casablanca',
								year: 'numeric',
								month: '2-digit',
								day: '2-digit',
							}).format(date);
						const counts = new Map<string, number>();
						for (const row of rows) {
							const instant = toInstant(row.received_at);
							if (instant) counts.set(dayOf(instant), (counts.get(dayOf(instant)) ?? 0) + 1);
						}
						res.json({ data: { kind: 'series', points: fillDays(counts, start, now, dayOf) } });
						return;
					}
					case 'list': {
						const sortBy = indicator.sortBy!;
						const rows = await query
							.leftJoin('categories as cat', 'cat.code', 'complaints.category')
							.select(
								'complaints.id',
								'complaints.reference',
								'complaints.status',
								`complaints.${sortBy} as date`,
								'cat.name_fr',
								'cat.name_ar',
							)
							.orderBy(`complaints.${sortBy}`, 'asc')
							.limit(LIST_LIMIT);
						res.json({
							data: {
								kind: 'list',
								items: rows.map(
									(row: {
										id: string | number;
										reference: string;
										status: string;
										date: unknown;
										name_fr: string | null;
										name_ar: string | null;
									}) => ({
										id: String(row.id),
										reference: row.reference,
										label: `${(language === 'ar' ? row.name_ar : row.name_fr) ?? '—'} · ${t(`status.${row.status}`)}`,
										date: toIsoTimestamp(row.date),
										link: `/casa-workspace/complaints/${row.id}`,
									}),
								),
							},
						});
						return;
					}
				}
			}),
		);

		router.get(
			'/sla',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const parsed = readSlaQuery(request.query);
				if (!parsed.ok) throw insightsErrors(parsed.errors, language);
				const dialect = dialectOf(database);
				const open = OPEN_STATUSES.map(() => '?').join(', ');
				const figures = [
					database.raw('SUM(CASE WHEN complaints.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved'),
					database.raw(
						'SUM(CASE WHEN complaints.resolved_at IS NOT NULL AND complaints.resolve_due_at IS NOT NULL AND complaints.resolved_at <= complaints.resolve_due_at THEN 1 ELSE 0 END) AS on_time',
					),
					database.raw(`SUM(CASE WHEN complaints.status IN (${open}) THEN 1 ELSE 0 END) AS open`, [...OPEN_STATUSES]),
					database.raw(
						`SUM(CASE WHEN complaints.status IN (${open}) AND complaints.sla_state = ? THEN 1 ELSE 0 END) AS at_risk`,
						[...OPEN_STATUSES, SLA_STATES[1]],
					),
					database.raw(
						`SUM(CASE WHEN complaints.status IN (${open}) AND complaints.sla_state = ? THEN 1 ELSE 0 END) AS breached`,
						[...OPEN_STATUSES, SLA_STATES[2]],
					),
				];
				const query = filtered(database, dialect, caller, parsed.value);
				const rows =
					parsed.value.group === 'team'
						? await query
								.leftJoin('teams', 'teams.id', 'complaints.team')
								.select(
									'complaints.team as team',
									database.raw('MIN(teams.service) AS service'),
									database.raw('MIN(teams.name_fr) AS name_fr'),
									database.raw('MIN(teams.name_ar) AS name_ar'),
									...figures,
								)
								.groupBy('complaints.team')
						: await query
								.leftJoin('services', 'services.code', 'complaints.service')
								.select(
									'complaints.service as service',
									database.raw('MIN(services.name_fr) AS name_fr'),
									database.raw('MIN(services.name_ar) AS name_ar'),
									...figures,
								)
								.groupBy('complaints.service');
				res.json({ data: slaFigures(rows) });
			}),
		);
	},
});
