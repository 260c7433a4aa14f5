// What each official's screen shows, from one FigureSet: an élu their
// arrondissement(s) first then the city; the mayor the city, its préfectures
// and arrondissements; the director general the city with its services, teams
// and the legal ceiling. Every screen has the league table and the breakdown by
// type (service, then category). A type filter narrows everything at once.
import type { RoleKey, StaffProfile } from '../access/roles';
import {
	type FigureSet,
	type LeagueRow,
	type Name,
	type Panel,
	type PlaceLine,
	type Predicate,
	type Reference,
	type ServiceLine,
	type TeamLine,
	byArrondissement,
	byPrefecture,
	byTeam,
	byType,
	league,
} from './figures';

export type OfficialView = 'elected' | 'mayor' | 'director';

/** Which screen a role gets; null: no officials' screen (they work complaints one by one). */
export function officialView(role: RoleKey | null | undefined): OfficialView | null {
	switch (role) {
		case 'elected_official':
			return 'elected';
		case 'mayor':
			return 'mayor';
		case 'director_general':
		case 'administrator':
			return 'director';
		default:
			return null;
	}
}

/**
 * The arrondissements an élu answers for: the `arrondissement` of their
 * account (one code, or several separated by commas).
 */
export function arrondissementsOf(profile: Pick<StaffProfile, 'arrondissement'>, known: readonly string[]): string[] {
	if (!profile.arrondissement) return [];
	return profile.arrondissement
		.split(',')
		.map((code) => code.trim())
		.filter((code, index, all) => code !== '' && known.includes(code) && all.indexOf(code) === index);
}

export interface TypeFilter {
	service: string | null;
	category: string | null;
}

export function typePredicate(filter: TypeFilter): Predicate {
	return (cell) =>
		(filter.service === null || cell.service === filter.service) &&
		(filter.category === null || cell.category === filter.category);
}

export interface Block {
	kind: 'arrondissement' | 'city';
	code: string | null;
	name: Name | null;
	panel: Panel;
	types: ServiceLine[];
}

export interface OfficialsModel {
	view: OfficialView;
	month: string;
	filter: TypeFilter;
	blocks: Block[];
	league: LeagueRow[];
	prefectures: PlaceLine[] | null;
	arrondissements: PlaceLine[] | null;
	teams: TeamLine[] | null;
}

export function buildOfficials(
	view: OfficialView,
	set: FigureSet,
	reference: Reference,
	filter: TypeFilter,
	own: readonly string[] = [],
): OfficialsModel {
	const where = typePredicate(filter);
	const arrondissementName = new Map(
		reference.arrondissements.map((row) => [row.code, { fr: row.name_fr, ar: row.name_ar }]),
	);
	const block = (kind: Block['kind'], code: string | null): Block => {
		const scoped: Predicate = code === null ? where : (cell) => where(cell) && cell.arrondissement === code;
		return {
			kind,
			code,
			name: code === null ? null : (arrondissementName.get(code) ?? null),
			panel: set.panel(scoped),
			types: byType(set, scoped, reference),
		};
	};
	const blocks =
		view === 'elected'
			? [...own.map((code) => block('arrondissement', code)), block('city', null)]
			: [block('city', null)];
	return {
		view,
		month: set.month,
		filter,
		blocks,
		league: league(set, where, reference),
		prefectures: view === 'elected' ? null : byPrefecture(set, where, reference),
		arrondissements: view === 'mayor' ? byArrondissement(set, where, reference) : null,
		teams: view === 'director' ? byTeam(set, where, reference) : null,
	};
}
