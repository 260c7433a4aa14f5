// The figures of the officials' screens and of the public page of the city's
// figures, from the cells the database groups by month, arrondissement,
// service and category. Plain functions: every input is a count (or a count
// per whole day of answer time, so that medians roll up exactly), so any
// scope — an arrondissement, a préfecture, the city, a service, a category —
// is a sum of cells. The same definitions as the monthly report
// (domain/reports/figures): received in the month, resolved in the month,
// resolved by the resolution deadline, answered within the legal ceiling.
import { competitionRanks } from '../reports/ranks';
import { type MonthKey, shiftMonth } from '../reports/month-window';

/** One (month, arrondissement, service, category) group. */
export interface Cell {
	month: MonthKey;
	arrondissement: string | null;
	service: string | null;
	category: string | null;
	/** received in the month */
	received: number;
	/** of those, answered (resolved, rejected or redirected) by the legal ceiling */
	answeredInTime: number;
	/** of those, answered after the ceiling or still unanswered when it passed */
	answeredLate: number;
	/** resolved in the month (whenever received) */
	resolved: number;
	/** of those, by their resolution deadline */
	resolvedOnTime: number;
	/** of those resolved in the month: how many took d whole days (d capped at MAX_DAYS) */
	days: Record<number, number>;
}

/** Complaints open now, per group (not monthly: a snapshot). */
export interface OpenCell {
	arrondissement: string | null;
	service: string | null;
	category: string | null;
	team: string | null;
	open: number;
	/** past their resolution deadline (SLA breached) */
	late: number;
	/** past the legal ceiling, still unanswered */
	legalPast: number;
	/** legal ceiling within LEGAL_NEAR_DAYS */
	legalNear: number;
}

export const MAX_DAYS = 120;
export const LEGAL_NEAR_DAYS = 10;

export interface Stat {
	received: number;
	resolved: number;
	resolvedOnTime: number;
	/** 0 … 1, null when nothing was resolved */
	onTimeRate: number | null;
	/** whole days, null when nothing was resolved */
	medianDays: number | null;
	answeredInTime: number;
	answeredLate: number;
	/** neither yet: still within the ceiling */
	answerPending: number;
	/** answered in time / received, null when nothing was received */
	legalRate: number | null;
}

export interface Snapshot {
	open: number;
	late: number;
	legalPast: number;
	legalNear: number;
}

export interface TrendPoint extends Stat {
	month: MonthKey;
}

export interface Panel {
	month: MonthKey;
	current: Stat;
	previous: Stat;
	lastYear: Stat;
	trend: TrendPoint[];
	now: Snapshot;
}

export type Predicate = (cell: {
	arrondissement: string | null;
	service: string | null;
	category: string | null;
}) => boolean;
export const everything: Predicate = () => true;

export interface Named {
	code: string;
	name_fr: string;
	name_ar: string;
}
export interface CategoryRef extends Named {
	service: string | null;
}
export interface ArrondissementRef extends Named {
	prefecture: string | null;
	population: number | null;
}
export interface Reference {
	arrondissements: ArrondissementRef[];
	prefectures: Named[];
	services: Named[];
	categories: CategoryRef[];
	teams: (Named & { service: string | null })[];
}

export type Name = { fr: string; ar: string };
const nameOf = (row: Named | undefined): Name | null => (row ? { fr: row.name_fr, ar: row.name_ar } : null);

/** The months a panel needs: the 12 of the trend ending at `month`, and the same month a year before. */
export function monthsFor(month: MonthKey): MonthKey[] {
	return Array.from({ length: 13 }, (_, index) => shiftMonth(month, index - 12));
}

/** The median of a histogram of whole days: the day of the ⌈n/2⌉-th answer. */
export function medianOf(days: Record<number, number>): number | null {
	const entries = Object.entries(days)
		.map(([day, count]) => [Number(day), count] as const)
		.filter(([, count]) => count > 0)
		.sort((a, b) => a[0] - b[0]);
	const total = entries.reduce((sum, [, count]) => sum + count, 0);
	if (total === 0) return null;
	const half = Math.ceil(total / 2);
	let seen = 0;
	for (const [day, count] of entries) {
		seen += count;
		if (seen >= half) return day;
	}
	return entries[entries.length - 1][0];
}

export function statOf(cells: readonly Cell[]): Stat {
	let received = 0;
	let resolved = 0;
	let resolvedOnTime = 0;
	let answeredInTime = 0;
	let answeredLate = 0;
	const days: Record<number, number> = {};
	for (const cell of cells) {
		received += cell.received;
		resolved += cell.resolved;
		resolvedOnTime += cell.resolvedOnTime;
		answeredInTime += cell.answeredInTime;
		answeredLate += cell.answeredLate;
		for (const [day, count] of Object.entries(cell.days)) days[Number(day)] = (days[Number(day)] ?? 0) + count;
	}
	return {
		received,
		resolved,
		resolvedOnTime,
		onTimeRate: resolved > 0 ? resolvedOnTime / resolved : null,
		medianDays: medianOf(days),
		answeredInTime,
		answeredLate,
		answerPending: Math.max(0, received - answeredInTime - answeredLate),
		legalRate: received > 0 ? answeredInTime / received : null,
	};
}

export function snapshotOf(cells: readonly OpenCell[]): Snapshot {
	return cells.reduce(
		(sum, cell) => ({
			open: sum.open + cell.open,
			late: sum.late + cell.late,
			legalPast: sum.legalPast + cell.legalPast,
			legalNear: sum.legalNear + cell.legalNear,
		}),
		{ open: 0, late: 0, legalPast: 0, legalNear: 0 },
	);
}

/** Cells grouped by month once, so that each panel sums only what it needs. */
export class FigureSet {
	private readonly byMonth = new Map<MonthKey, Cell[]>();
	constructor(
		readonly month: MonthKey,
		cells: readonly Cell[],
		readonly open: readonly OpenCell[],
	) {
		for (const cell of cells) {
			const list = this.byMonth.get(cell.month) ?? [];
			list.push(cell);
			this.byMonth.set(cell.month, list);
		}
	}

	stat(month: MonthKey, where: Predicate): Stat {
		return statOf((this.byMonth.get(month) ?? []).filter(where));
	}

	snapshot(where: Predicate): Snapshot {
		return snapshotOf(this.open.filter(where));
	}

	panel(where: Predicate): Panel {
		const months = monthsFor(this.month);
		return {
			month: this.month,
			current: this.stat(this.month, where),
			previous: this.stat(shiftMonth(this.month, -1), where),
			lastYear: this.stat(shiftMonth(this.month, -12), where),
			trend: months.slice(1).map((month) => ({ month, ...this.stat(month, where) })),
			now: this.snapshot(where),
		};
	}
}

export interface TypeLine {
	code: string | null;
	name: Name | null;
	current: Stat;
	previous: Stat;
	lastYear: Stat;
	now: Snapshot;
}

export interface ServiceLine extends TypeLine {
	categories: TypeLine[];
}

function typeLine(set: FigureSet, code: string | null, name: Name | null, where: Predicate): TypeLine {
	return {
		code,
		name,
		current: set.stat(set.month, where),
		previous: set.stat(shiftMonth(set.month, -1), where),
		lastYear: set.stat(shiftMonth(set.month, -12), where),
		now: set.snapshot(where),
	};
}

const empty = (line: TypeLine) =>
	line.current.received === 0 &&
	line.current.resolved === 0 &&
	line.previous.received === 0 &&
	line.lastYear.received === 0 &&
	line.now.open === 0;

/** By type: each service, and inside it each category that has anything to show. */
export function byType(set: FigureSet, where: Predicate, reference: Reference): ServiceLine[] {
	return reference.services.map((service) => {
		const inService: Predicate = (cell) => where(cell) && cell.service === service.code;
		const categories = reference.categories
			.filter((category) => category.service === service.code)
			.map((category) =>
				typeLine(set, category.code, nameOf(category), (cell) => inService(cell) && cell.category === category.code),
			)
			.filter((line) => !empty(line));
		return { ...typeLine(set, service.code, nameOf(service), inService), categories };
	});
}

export interface PlaceLine extends TypeLine {
	prefecture?: string | null;
}

export function byArrondissement(set: FigureSet, where: Predicate, reference: Reference): PlaceLine[] {
	return reference.arrondissements.map((row) => ({
		...typeLine(set, row.code, nameOf(row), (cell) => where(cell) && cell.arrondissement === row.code),
		prefecture: row.prefecture,
	}));
}

export function byPrefecture(set: FigureSet, where: Predicate, reference: Reference): PlaceLine[] {
	const prefectureOf = new Map(reference.arrondissements.map((row) => [row.code, row.prefecture]));
	return reference.prefectures.map((row) =>
		typeLine(
			set,
			row.code,
			nameOf(row),
			(cell) => where(cell) && cell.arrondissement !== null && prefectureOf.get(cell.arrondissement) === row.code,
		),
	);
}

export interface LeagueRow {
	rank: number;
	previousRank: number;
	code: string;
	name: Name;
	received: number;
	receivedPer10k: number | null;
	resolved: number;
	onTimeRate: number | null;
	medianDays: number | null;
	legalRate: number | null;
	open: number;
	late: number;
}

/** Best first: on-time rate, then shorter median, then more resolved; nothing resolved last. Ties share a rank. */
function compare(a: Stat, b: Stat): number {
	const rate = (stat: Stat) => stat.onTimeRate ?? -1;
	const days = (stat: Stat) => stat.medianDays ?? Number.POSITIVE_INFINITY;
	return rate(b) - rate(a) || days(a) - days(b) || b.resolved - a.resolved;
}

function ranks(lines: PlaceLine[], pick: (line: PlaceLine) => Stat): Map<string, number> {
	return competitionRanks(
		lines,
		(line) => String(line.code),
		(a, b) => compare(pick(a), pick(b)),
	);
}

/** The league table of arrondissements, with the figures behind each rank. */
export function league(set: FigureSet, where: Predicate, reference: Reference): LeagueRow[] {
	const lines = byArrondissement(set, where, reference);
	const now = ranks(lines, (line) => line.current);
	const before = ranks(lines, (line) => line.previous);
	const population = new Map(reference.arrondissements.map((row) => [row.code, row.population]));
	return lines
		.map((line) => {
			const people = population.get(line.code!) ?? null;
			return {
				rank: now.get(line.code!)!,
				previousRank: before.get(line.code!)!,
				code: line.code!,
				name: line.name ?? { fr: line.code!, ar: line.code! },
				received: line.current.received,
				receivedPer10k: people ? (line.current.received * 10_000) / people : null,
				resolved: line.current.resolved,
				onTimeRate: line.current.onTimeRate,
				medianDays: line.current.medianDays,
				legalRate: line.current.legalRate,
				open: line.now.open,
				late: line.now.late,
			};
		})
		.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}

export interface TeamLine {
	code: string;
	name: Name;
	service: string | null;
	now: Snapshot;
}

export function byTeam(set: FigureSet, where: Predicate, reference: Reference): TeamLine[] {
	return reference.teams
		.map((team) => ({
			code: team.code,
			name: nameOf(team)!,
			service: team.service,
			now: snapshotOf(set.open.filter((cell) => where(cell) && cell.team === team.code)),
		}))
		.filter((line) => line.now.open > 0)
		.sort((a, b) => b.now.late - a.now.late || b.now.open - a.now.open || a.code.localeCompare(b.code));
}
