// A role's complaint scope as a filter (the SQL adapter turns it into a WHERE
// clause). Scoped staff hold no Directus permission on complaints: the
// project's endpoints apply this scope to their reads and aggregates, and the
// access matrix (capabilities.ts) states the same rule for one complaint.
import type { StaffProfile } from './roles';

export type Filter = Record<string, unknown>;

/** Matches no row: used for a staff member with no team, service or arrondissement. */
export const MATCH_NOTHING: Filter = { id: { _null: true } };

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
			return profile.arrondissement
				? { _or: [{ arrondissement: { _eq: profile.arrondissement } }, own, unqualified] }
				: { _or: [own, unqualified] };
		}
		case 'service_agent':
			return profile.teams.length > 0
				? { _or: [{ team: { _in: profile.teams } }, { assignee: { _eq: profile.userId } }] }
				: { assignee: { _eq: profile.userId } };
		case 'service_head':
			return profile.service ? { service: { _eq: profile.service } } : MATCH_NOTHING;
	}
}
