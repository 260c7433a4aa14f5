// Who may read the monthly reports, and on what. Reports are aggregates only,
// yet they describe the work of services: the mayor, elected officials, the
// director general and administrators see the whole commune; a service head
// sees the figures of their own service (every arrondissement); registry
// offices and service agents work complaints one by one and get no report.
import type { RoleKey, StaffProfile } from '../access/roles';

export type ReportAccess = { allowed: true; service: string | null } | { allowed: false };

const WHOLE_COMMUNE: readonly RoleKey[] = ['administrator', 'mayor', 'elected_official', 'director_general'];

export function reportAccess(profile: StaffProfile | null): ReportAccess {
	if (!profile) return { allowed: false };
	if (WHOLE_COMMUNE.includes(profile.role)) return { allowed: true, service: null };
	if (profile.role === 'service_head' && profile.service) return { allowed: true, service: profile.service };
	return { allowed: false };
}
