// Row and field scoping that Directus Core cannot express in permissions (no
// item filters, no field lists). Directus hooks apply these rules to every read
// and write; here they are plain data and functions.
import type { RoleKey, StaffProfile } from './roles';

/** Citizen personal data (loi 09-08): only roles that work a complaint see it. */
export const PERSONAL_FIELDS = ['citizen_name', 'citizen_phone', 'citizen_email'] as const;

export type Filter = Record<string, unknown>;

/** Matches no row: used for a staff member with no team, service or arrondissement. */
export const MATCH_NOTHING: Filter = { id: { _null: true } };

export interface RoleRights {
	readComplaints: boolean;
	createComplaints: boolean;
	updateComplaints: boolean;
	personalData: boolean;
}

export const ROLE_RIGHTS: Record<RoleKey, RoleRights> = {
	administrator: { readComplaints: true, createComplaints: true, updateComplaints: true, personalData: true },
	registry_office: { readComplaints: true, createComplaints: true, updateComplaints: true, personalData: true },
	service_agent: { readComplaints: true, createComplaints: false, updateComplaints: true, personalData: true },
	service_head: { readComplaints: true, createComplaints: true, updateComplaints: true, personalData: true },
	director_general: { readComplaints: true, createComplaints: false, updateComplaints: false, personalData: true },
	elected_official: { readComplaints: true, createComplaints: false, updateComplaints: false, personalData: false },
	mayor: { readComplaints: true, createComplaints: false, updateComplaints: false, personalData: false },
};

/**
 * The filter a role's reads of complaints are ANDed with; null means every row.
 * Registry offices see their arrondissement, what they recorded themselves and
 * the complaints still to qualify that belong to no arrondissement,
 * agents their teams' complaints, heads their service's.
 */
export function complaintScope(profile: StaffProfile): Filter | null {
	switch (profile.role) {
		case 'administrator':
		case 'director_general':
		case 'elected_official':
		case 'mayor':
			return null;
		case 'registry_office': {
			const own = { user_created: { _eq: profile.userId } };
			// complaints that arrived with neither place nor category (e-mail) belong to no arrondissement yet:
			// every registry office sees them, to qualify them
			const unqualified = { _and: [{ category: { _null: true } }, { arrondissement: { _null: true } }] };
			return profile.arrondissement ? { _or: [{ arrondissement: { _eq: profile.arrondissement } }, own, unqualified] } : { _or: [own, unqualified] };
		}
		case 'service_agent':
			return profile.teams.length > 0 ? { _or: [{ team: { _in: profile.teams } }, { assignee: { _eq: profile.userId } }] } : { assignee: { _eq: profile.userId } };
		case 'service_head':
			return profile.service ? { service: { _eq: profile.service } } : MATCH_NOTHING;
	}
}

/**
 * The same scope seen from a collection that points at complaints through
 * `relation`. Logical operators stay on top: Directus drops an `_or` nested
 * under a relation when the filter is added after query parsing (by a hook).
 */
export function scopeThrough(relation: string, scope: Filter | null): Filter | null {
	if (scope === null) return null;
	const entries = Object.entries(scope);
	if (entries.length === 1 && (entries[0][0] === '_or' || entries[0][0] === '_and')) {
		const [operator, branches] = entries[0] as [string, Filter[]];
		return { [operator]: branches.map((branch) => scopeThrough(relation, branch)) };
	}
	if (entries.length > 1) return { _and: entries.map(([key, value]) => scopeThrough(relation, { [key]: value })) };
	return { [relation]: scope };
}

/** Fields of a related complaint that a scoped role may read through `duplicate_of`. */
export const LINKED_COMPLAINT_FIELDS = ['id', 'reference', 'status'];

/**
 * Paths that read another complaint through a self-relation (`duplicate_of.*`):
 * nested reads skip the complaints scope, so only a few public fields pass.
 */
export function linkedComplaintPaths(fields: readonly string[] | null | undefined, relation = 'duplicate_of'): string[] {
	return (fields ?? []).filter((path) => {
		const segments = path.split('.');
		const index = segments.indexOf(relation);
		return index >= 0 && index < segments.length - 1 && !LINKED_COMPLAINT_FIELDS.includes(segments.slice(index + 1).join('.'));
	});
}

export function andFilters(...filters: (Filter | null | undefined)[]): Filter | null {
	const present = filters.filter((filter): filter is Filter => !!filter && Object.keys(filter).length > 0);
	if (present.length === 0) return null;
	if (present.length === 1) return present[0];
	return { _and: present };
}

export interface QueryShape {
	fields?: string[] | null;
	filter?: unknown;
	sort?: string[] | null;
	groupBy?: string[] | null;
	/** the parsed query's name for groupBy */
	group?: string[] | null;
	aggregate?: Record<string, string[] | string> | null;
	deep?: unknown;
	search?: string | null;
	alias?: Record<string, string> | null;
}

function lastSegment(path: string): string {
	const segments = path.split('.');
	return segments[segments.length - 1].replace(/^-/, '');
}

function filterKeys(filter: unknown, out: string[]): void {
	if (Array.isArray(filter)) {
		for (const entry of filter) filterKeys(entry, out);
		return;
	}
	if (!filter || typeof filter !== 'object') return;
	for (const [key, value] of Object.entries(filter)) {
		if (!key.startsWith('_')) out.push(key);
		filterKeys(value, out);
	}
}

/**
 * Names of protected fields a query mentions anywhere (fields, filter, sort,
 * grouping, aggregates, deep, aliases). Wildcards are not counted: results are
 * stripped instead. A filter or sort on a hidden field would reveal it.
 */
export function protectedFieldsInQuery(query: QueryShape, protectedFields: readonly string[]): string[] {
	const mentioned: string[] = [];
	for (const path of query.fields ?? []) mentioned.push(lastSegment(path));
	for (const path of query.sort ?? []) mentioned.push(lastSegment(path));
	for (const path of [...(query.groupBy ?? []), ...(query.group ?? [])]) mentioned.push(lastSegment(path));
	for (const value of Object.values(query.aggregate ?? {})) for (const path of [value].flat()) mentioned.push(lastSegment(path));
	for (const path of Object.values(query.alias ?? {})) mentioned.push(lastSegment(path));
	const keys: string[] = [];
	filterKeys(query.filter, keys);
	filterKeys(query.deep, keys);
	mentioned.push(...keys);
	return [...new Set(mentioned.filter((name) => protectedFields.includes(name)))];
}

/** Removes protected fields from read results at any depth (nested relations included). */
export function stripFields<T>(records: T, protectedFields: readonly string[]): T {
	if (Array.isArray(records)) return records.map((record) => stripFields(record, protectedFields)) as T;
	if (!records || typeof records !== 'object' || records instanceof Date) return records;
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(records)) {
		if (protectedFields.includes(key)) continue;
		copy[key] = stripFields(value, protectedFields);
	}
	return copy as T;
}
