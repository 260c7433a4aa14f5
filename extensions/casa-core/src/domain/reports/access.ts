// Who may read the monthly reports, and on what. Reports are aggregates only,
// yet they describe the work of services: the mayor, elected officials, the
// director general and administrators see the whole commune; a service head
// sees the figures of their own service (every arrondissement); registry
// offices and service agents work complaints one by one and get no report.
import type { StaffProfile } from '../access/roles';
import { GLOBAL_CAPABILITIES } from '../access/capabilities';

export type ReportAccess = { allowed: true; service: string | null } | { allowed: false };

/** Whole-commune reports follow the access matrix's city view. */
export function reportAccess(profile: StaffProfile | null): ReportAccess {
	if (!profile) return { allowed: false };
	if (GLOBAL_CAPABILITIES[profile.role].includes('view_city')) return { allowed: true, service: null };
	if (profile.role === 'service_head' && profile.service) return { allowed: true, service: profile.service };
	return { allowed: false };
}
