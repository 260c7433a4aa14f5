// Loads what the domain rules need from the database: the staff profile of the
// caller, the working calendar, boundaries, routing rules, categories, teams.
// Slow-changing reference data is cached briefly and dropped on any change.
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { type Actor, type RoleKey, type StaffProfile, roleKeyFromId } from '../domain/access/roles';
import { CASABLANCA_TIME_ZONE, type WorkSchedule, WorkingCalendar } from '../domain/calendar';
import type { CategoryInfo, PlanContext } from '../domain/complaint/complaint-plan';
import { type AreaGeometry, ArrondissementLocator } from '../domain/geo';
import { type Language, pickLanguage } from '../domain/i18n/messages';
import type { RoutingRule } from '../domain/routing';

export interface PlatformSettings {
	legalCeilingDays: number;
	reopenPeriodDays: number;
	atRiskShare: number;
	autoAssign: boolean;
	duplicateRadiusM: number;
	duplicatePeriodDays: number;
}

export interface ReferenceData {
	calendar: WorkingCalendar;
	locator: ArrondissementLocator;
	routingRules: RoutingRule[];
	categories: Map<string, CategoryInfo>;
	settings: PlatformSettings;
}

const REFERENCE_TTL_MS = 60_000;
export const REFERENCE_COLLECTIONS = [
	'holidays',
	'work_schedules',
	'arrondissements',
	'routing_rules',
	'categories',
	'platform_settings',
];

let cached: { data: ReferenceData; loadedAt: number } | null = null;

export function invalidateReferenceData(): void {
	cached = null;
}

function bool(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}

function json<T>(value: unknown): T {
	return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A `date` column as YYYY-MM-DD: SQLite returns epoch milliseconds, PostgreSQL a Date or a string. */
export function isoDate(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	// node-postgres parses a DATE as local midnight: read it back with local getters
	if (value instanceof Date)
		return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
	if (typeof value === 'number' || /^\d+$/.test(String(value)))
		return new Date(Number(value)).toISOString().slice(0, 10);
	return String(value).slice(0, 10);
}

function hhmm(value: unknown): string {
	return String(value).slice(0, 5);
}

async function loadReferenceData(knex: Knex): Promise<ReferenceData> {
	const [holidays, schedules, arrondissements, rules, categories, settingsRow] = await Promise.all([
		knex('holidays').select('date', 'name_fr'),
		knex('work_schedules').select('name_fr', 'valid_from', 'valid_to', 'weekdays', 'start_time', 'end_time'),
		knex('arrondissements').select('code', 'boundary'),
		knex('routing_rules').select('id', 'service', 'category', 'arrondissement', 'team', 'active'),
		// every column: proof_of_closure is read where the schema has it (a database not yet migrated has not)
		knex('categories').select('*'),
		knex('platform_settings').first(),
	]);
	const workSchedules: WorkSchedule[] = schedules.map((row) => ({
		name: row.name_fr,
		validFrom: isoDate(row.valid_from),
		validTo: isoDate(row.valid_to),
		weekdays: String(row.weekdays ?? '1,2,3,4,5')
			.split(',')
			.filter((day) => day.trim() !== '')
			.map(Number),
		startTime: hhmm(row.start_time),
		endTime: hhmm(row.end_time),
	}));
	return {
		calendar: new WorkingCalendar({
			timeZone: CASABLANCA_TIME_ZONE,
			schedules: workSchedules,
			holidays: holidays.map((row) => ({ date: isoDate(row.date)!, name: row.name_fr })),
		}),
		locator: new ArrondissementLocator(
			arrondissements
				.filter((row) => row.boundary)
				.map((row) => ({ code: row.code, boundary: json<AreaGeometry>(row.boundary) })),
		),
		routingRules: rules.map((row) => ({ ...row, active: bool(row.active) })),
		categories: new Map(
			categories.map((row) => [
				row.code,
				{
					code: row.code,
					service: row.service,
					priority: row.priority ?? 'normal',
					active: bool(row.active),
					acknowledgeIn: Number(row.acknowledge_in ?? 2),
					acknowledgeUnit: row.acknowledge_unit ?? 'working_days',
					resolveIn: Number(row.resolve_in ?? 5),
					resolveUnit: row.resolve_unit ?? 'working_days',
					proof_of_closure: bool(row.proof_of_closure),
				},
			]),
		),
		settings: {
			legalCeilingDays: Number(settingsRow?.legal_ceiling_days ?? 60),
			reopenPeriodDays: Number(settingsRow?.reopen_period_days ?? 30),
			atRiskShare: Number(settingsRow?.at_risk_share ?? 0.75),
			autoAssign: bool(settingsRow?.auto_assign),
			duplicateRadiusM: Number(settingsRow?.duplicate_radius_m ?? 150),
			duplicatePeriodDays: Number(settingsRow?.duplicate_period_days ?? 30),
		},
	};
}

/** The inputs of the complaint plans, from the reference data and who acts when. */
export function planContextFrom(
	reference: ReferenceData,
	actor: Actor,
	profile: StaffProfile | null,
	now: Date,
	teams: PlanContext['teams'],
): PlanContext {
	return {
		actor,
		profile,
		now,
		calendar: reference.calendar,
		locator: reference.locator,
		routingRules: reference.routingRules,
		legalCeilingDays: reference.settings.legalCeilingDays,
		reopenPeriodDays: reference.settings.reopenPeriodDays,
		categories: reference.categories,
		teams,
	};
}

export async function referenceData(knex: Knex): Promise<ReferenceData> {
	if (cached && Date.now() - cached.loadedAt < REFERENCE_TTL_MS) return cached.data;
	const data = await loadReferenceData(knex);
	cached = { data, loadedAt: Date.now() };
	return data;
}

export interface Caller {
	/** null for the platform itself (no accountability) and for anonymous callers */
	profile: StaffProfile | null;
	role: RoleKey | null;
	language: Language;
	anonymous: boolean;
	/** a citizen acting through the platform's public endpoints */
	citizen?: boolean;
}

/** Who is calling. A user whose role is none of ours (e.g. a custom role) has no rights on complaints. */
async function readCaller(knex: Knex, accountability: Accountability | null | undefined): Promise<Caller> {
	if (!accountability) return { profile: null, role: null, language: 'fr', anonymous: false };
	if (!accountability.user) return { profile: null, role: null, language: 'fr', anonymous: true };
	const role = roleKeyFromId(accountability.role, accountability.admin === true);
	const [user, teams] = await Promise.all([
		knex('directus_users').select('language', 'service', 'arrondissement').where({ id: accountability.user }).first(),
		knex('team_members').select('team').where({ user: accountability.user }),
	]);
	const language = pickLanguage(user?.language);
	if (!role) return { profile: null, role: null, language, anonymous: false };
	return {
		profile: {
			userId: accountability.user,
			role,
			teams: teams.map((row) => row.team),
			service: user?.service ?? null,
			arrondissement: user?.arrondissement ?? null,
		},
		role,
		language,
		anonymous: false,
	};
}

// Directus builds one accountability object per request; a request reaches
// several hooks (query, read, nested writes), which then share one look-up.
const callersOfRequest = new WeakMap<Accountability, Promise<Caller>>();

export function loadCaller(knex: Knex, accountability: Accountability | null | undefined): Promise<Caller> {
	if (!accountability) return readCaller(knex, accountability);
	let caller = callersOfRequest.get(accountability);
	if (!caller) {
		caller = readCaller(knex, accountability);
		callersOfRequest.set(accountability, caller);
		caller.catch(() => callersOfRequest.delete(accountability));
	}
	return caller;
}

/**
 * Scoped staff roles hold no Directus permission on complaint data. Once a
 * project endpoint has asked the access matrix, it acts through Directus's
 * services with this accountability: the framework's permission checks are
 * lifted (admin), activity rows still name the staff member, and the complaint
 * hooks still see the real caller (role, teams, scope) for the workflow rules.
 */
export function actingAs(accountability: Accountability, caller: Caller): Accountability {
	const acting = { ...accountability, admin: true } as Accountability;
	callersOfRequest.set(acting, Promise.resolve(caller));
	return acting;
}

export async function loadTeams(
	knex: Knex,
	ids: string[],
): Promise<Map<string, { service: string; members: string[] }>> {
	const wanted = ids.filter(Boolean);
	if (wanted.length === 0) return new Map();
	const [teams, members] = await Promise.all([
		knex('teams').select('id', 'service').whereIn('id', wanted),
		knex('team_members')
			.join('directus_users', 'directus_users.id', 'team_members.user')
			.select('team_members.team', 'team_members.user')
			.whereIn('team_members.team', wanted),
	]);
	return new Map(
		teams.map((team) => [
			team.id,
			{
				service: team.service,
				members: members.filter((member) => member.team === team.id).map((member) => member.user),
			},
		]),
	);
}

export { CASABLANCA_TIME_ZONE };
