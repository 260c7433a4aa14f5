// The figures of a monthly report from the rows the database groups by
// arrondissement and service: totals, per préfecture, per arrondissement and
// per service, this month against last, and a league table of arrondissements.
// Every input is a count or a sum, so rolling groups up is exact.
import { competitionRanks } from './ranks';
import type { MonthKey } from './month-window';

/** What SQL returns for one (arrondissement, service) group and one month. */
export interface Counts {
	/** received in the month */
	received: number;
	/** resolved in the month (whenever received) */
	resolved: number;
	/** of those, resolved by their resolution deadline */
	resolvedOnTime: number;
	/** sum over those of resolved_at − received_at, in milliseconds */
	resolutionMs: number;
	/** legal register, of the complaints received in the month: acknowledged (or forwarded) within 15 calendar days */
	acknowledgedInTime: number;
	/** acknowledged after 15 days, or still not acknowledged when the 15 days are over */
	acknowledgedLate: number;
	/** answered (resolved or rejected/redirected) by the legal ceiling (60 calendar days, moved by pauses) */
	answeredInTime: number;
	/** answered after the ceiling, or still unanswered when it has passed */
	answeredLate: number;
}

export interface GroupRow {
	arrondissement: string | null;
	service: string | null;
	current: Counts;
	previous: Counts;
}

export interface Named {
	code: string;
	name_fr: string;
	name_ar: string;
}

export interface ArrondissementRef extends Named {
	prefecture: string | null;
	population: number | null;
}

export interface ReferenceRows {
	arrondissements: ArrondissementRef[];
	prefectures: Named[];
	services: Named[];
}

export interface Figures {
	received: number;
	resolved: number;
	resolvedOnTime: number;
	/** 0 … 1, null when nothing was resolved */
	onTimeRate: number | null;
	/** days, null when nothing was resolved */
	averageResolutionDays: number | null;
	legal: {
		received: number;
		acknowledgedInTime: number;
		acknowledgedLate: number;
		/** neither: still within the 15 days */
		acknowledgementPending: number;
		answeredInTime: number;
		answeredLate: number;
		/** neither: still within the ceiling */
		answerPending: number;
	};
}

export interface Change {
	received: number;
	resolved: number;
	/** in percentage points; null when either month has no rate */
	onTimeRatePoints: number | null;
	averageResolutionDays: number | null;
}

export interface Line {
	/** null: complaints without an arrondissement (or service) */
	code: string | null;
	name: { fr: string; ar: string } | null;
	current: Figures;
	previous: Figures;
	change: Change;
}

export interface LeagueRow {
	rank: number;
	/** the rank the same rules gave last month */
	previousRank: number;
	code: string;
	name: { fr: string; ar: string };
	received: number;
	/** received per 10,000 inhabitants (2024 census), null without a population */
	receivedPer10k: number | null;
	resolved: number;
	onTimeRate: number | null;
	averageResolutionDays: number | null;
	/** share of the month's complaints answered within the legal ceiling so far */
	legalAnswerRate: number | null;
}

export interface ReportModel {
	month: MonthKey;
	previousMonth: MonthKey;
	/** 'all' or an arrondissement code */
	arrondissement: string;
	arrondissementName: { fr: string; ar: string } | null;
	service: string | null;
	serviceName: { fr: string; ar: string } | null;
	/** the instant the figures were computed (late and pending depend on it) */
	generatedAt: Date;
	total: Line;
	byPrefecture: Line[];
	byArrondissement: Line[];
	byService: Line[];
	league: LeagueRow[];
}

const DAY_MS = 86_400_000;

export function emptyCounts(): Counts {
	return {
		received: 0,
		resolved: 0,
		resolvedOnTime: 0,
		resolutionMs: 0,
		acknowledgedInTime: 0,
		acknowledgedLate: 0,
		answeredInTime: 0,
		answeredLate: 0,
	};
}

function addCounts(into: Counts, more: Counts): Counts {
	for (const key of Object.keys(into) as (keyof Counts)[]) into[key] += more[key];
	return into;
}

/** Numbers as drivers return them (PostgreSQL: bigint counts and numeric sums as text; null for an empty SUM). */
export function countsFrom(raw: Record<string, unknown>, suffix: string): Counts {
	const value = (name: string) => {
		const number = Number(raw[`${name}${suffix}`] ?? 0);
		return Number.isFinite(number) ? number : 0;
	};
	return {
		received: value('received'),
		resolved: value('resolved'),
		resolvedOnTime: value('resolved_on_time'),
		resolutionMs: value('resolution_ms'),
		acknowledgedInTime: value('ack_in_time'),
		acknowledgedLate: value('ack_late'),
		answeredInTime: value('answer_in_time'),
		answeredLate: value('answer_late'),
	};
}

export function figuresOf(counts: Counts): Figures {
	const resolved = counts.resolved;
	return {
		received: counts.received,
		resolved,
		resolvedOnTime: counts.resolvedOnTime,
		onTimeRate: resolved > 0 ? counts.resolvedOnTime / resolved : null,
		averageResolutionDays: resolved > 0 ? counts.resolutionMs / resolved / DAY_MS : null,
		legal: {
			received: counts.received,
			acknowledgedInTime: counts.acknowledgedInTime,
			acknowledgedLate: counts.acknowledgedLate,
			acknowledgementPending: Math.max(0, counts.received - counts.acknowledgedInTime - counts.acknowledgedLate),
			answeredInTime: counts.answeredInTime,
			answeredLate: counts.answeredLate,
			answerPending: Math.max(0, counts.received - counts.answeredInTime - counts.answeredLate),
		},
	};
}

export function changeOf(current: Figures, previous: Figures): Change {
	return {
		received: current.received - previous.received,
		resolved: current.resolved - previous.resolved,
		onTimeRatePoints:
			current.onTimeRate !== null && previous.onTimeRate !== null
				? (current.onTimeRate - previous.onTimeRate) * 100
				: null,
		averageResolutionDays:
			current.averageResolutionDays !== null && previous.averageResolutionDays !== null
				? current.averageResolutionDays - previous.averageResolutionDays
				: null,
	};
}

function lineOf(code: string | null, name: Line['name'], rows: GroupRow[]): Line {
	const current = figuresOf(rows.reduce((sum, row) => addCounts(sum, row.current), emptyCounts()));
	const previous = figuresOf(rows.reduce((sum, row) => addCounts(sum, row.previous), emptyCounts()));
	return { code, name, current, previous, change: changeOf(current, previous) };
}

const nameOf = (row: Named | undefined) => (row ? { fr: row.name_fr, ar: row.name_ar } : null);

/** Best first: on-time rate, then shorter average time, then more resolved; those with nothing resolved last. */
function compareForLeague(a: Figures, b: Figures): number {
	const rate = (figures: Figures) => figures.onTimeRate ?? -1;
	const days = (figures: Figures) => figures.averageResolutionDays ?? Number.POSITIVE_INFINITY;
	return rate(b) - rate(a) || days(a) - days(b) || b.resolved - a.resolved;
}

function ranks(lines: Line[], pick: (line: Line) => Figures): Map<string, number> {
	return competitionRanks(
		lines,
		(line) => String(line.code),
		(a, b) => compareForLeague(pick(a), pick(b)),
	);
}

export function leagueTable(arrondissementLines: Line[], reference: ReferenceRows): LeagueRow[] {
	const lines = arrondissementLines.filter((line) => line.code !== null);
	const now = ranks(lines, (line) => line.current);
	const before = ranks(lines, (line) => line.previous);
	const population = new Map(reference.arrondissements.map((row) => [row.code, row.population]));
	return lines
		.map((line): LeagueRow => {
			const people = population.get(line.code!) ?? null;
			const legal = line.current.legal;
			return {
				rank: now.get(line.code!)!,
				previousRank: before.get(line.code!)!,
				code: line.code!,
				name: line.name ?? { fr: line.code!, ar: line.code! },
				received: line.current.received,
				receivedPer10k: people ? (line.current.received * 10_000) / people : null,
				resolved: line.current.resolved,
				onTimeRate: line.current.onTimeRate,
				averageResolutionDays: line.current.averageResolutionDays,
				legalAnswerRate: legal.received > 0 ? legal.answeredInTime / legal.received : null,
			};
		})
		.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}

export interface BuildInput {
	month: MonthKey;
	previousMonth: MonthKey;
	arrondissement: string;
	service: string | null;
	generatedAt: Date;
	rows: GroupRow[];
	reference: ReferenceRows;
}

/**
 * The report. Rows cover every arrondissement (the league table needs them
 * all); totals, préfectures and services keep the chosen arrondissement only.
 * Every arrondissement, préfecture and service of the reference appears, with
 * zeros when it had no complaint.
 */
export function buildReport(input: BuildInput): ReportModel {
	const { reference } = input;
	const rows = input.service ? input.rows.filter((row) => row.service === input.service) : input.rows;
	const inScope =
		input.arrondissement === 'all' ? rows : rows.filter((row) => row.arrondissement === input.arrondissement);
	const arrondissementOf = new Map(reference.arrondissements.map((row) => [row.code, row]));

	const allArrondissementLines = reference.arrondissements.map((row) =>
		lineOf(
			row.code,
			nameOf(row),
			rows.filter((group) => group.arrondissement === row.code),
		),
	);
	const unlocated = rows.filter(
		(group) => group.arrondissement === null || !arrondissementOf.has(group.arrondissement),
	);
	const byArrondissement =
		input.arrondissement === 'all'
			? [...allArrondissementLines, ...(unlocated.length > 0 ? [lineOf(null, null, unlocated)] : [])]
			: allArrondissementLines.filter((line) => line.code === input.arrondissement);

	const prefectures =
		input.arrondissement === 'all'
			? reference.prefectures
			: reference.prefectures.filter((row) => row.code === arrondissementOf.get(input.arrondissement)?.prefecture);
	const byPrefecture = prefectures.map((prefecture) =>
		lineOf(
			prefecture.code,
			nameOf(prefecture),
			inScope.filter(
				(group) =>
					group.arrondissement !== null && arrondissementOf.get(group.arrondissement)?.prefecture === prefecture.code,
			),
		),
	);

	const services = input.service ? reference.services.filter((row) => row.code === input.service) : reference.services;
	const knownServices = new Set(reference.services.map((row) => row.code));
	const otherServices = inScope.filter((group) => group.service === null || !knownServices.has(group.service));
	const byService = [
		...services.map((service) =>
			lineOf(
				service.code,
				nameOf(service),
				inScope.filter((group) => group.service === service.code),
			),
		),
		...(otherServices.length > 0 && !input.service ? [lineOf(null, null, otherServices)] : []),
	];

	return {
		month: input.month,
		previousMonth: input.previousMonth,
		arrondissement: input.arrondissement,
		arrondissementName: input.arrondissement === 'all' ? null : nameOf(arrondissementOf.get(input.arrondissement)),
		service: input.service,
		serviceName: input.service ? nameOf(reference.services.find((row) => row.code === input.service)) : null,
		generatedAt: input.generatedAt,
		total: lineOf(input.arrondissement === 'all' ? null : input.arrondissement, null, inScope),
		byPrefecture,
		byArrondissement,
		byService,
		league: leagueTable(allArrondissementLines, reference),
	};
}
