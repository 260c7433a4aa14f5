// Where each role lands, and who sees the module. Plain functions.
import { ROLE_IDS } from '../../domain/access/roles';
import { presetQuery } from './filters';

export type Landing = 'queue' | 'service' | 'desk' | 'city' | 'dashboard' | 'figures';

/** The officials' screen (élu, mayor, director general). */
export const FIGURES_PATH = '/casa-workspace/figures';

export interface LandingTarget {
	path: string;
	query?: Record<string, string>;
}

/**
 * The first screen of a role: the module's own queue (with the landing's quick
 * views), the registry-office desk, or the official's Insights dashboard.
 * Paths are the admin app's router paths.
 */
export function landingTarget(landing: string | null | undefined, dashboard: string | null | undefined): LandingTarget {
	switch (landing) {
		case 'desk':
			return { path: '/casa-desk' };
		case 'figures':
			return { path: FIGURES_PATH };
		case 'dashboard':
			return dashboard ? { path: `/insights/${encodeURIComponent(dashboard)}` } : { path: '/insights' };
		case 'service':
			return { path: '/casa-workspace/queue', query: presetQuery('service') };
		case 'city':
			return { path: '/casa-workspace/queue', query: presetQuery('city', 'map') };
		case 'queue':
		default:
			return { path: '/casa-workspace/queue', query: presetQuery('queue') };
	}
}

/** Which quick views the queue offers for a landing. */
export function presetGroup(landing: string | null | undefined): 'queue' | 'service' | 'city' {
	if (landing === 'service') return 'service';
	if (landing === 'city' || landing === 'dashboard' || landing === 'figures') return 'city';
	return 'queue';
}

const STAFF_ROLE_IDS = new Set(Object.values(ROLE_IDS));

/** The module shows in the module bar of every staff role and of administrators. */
export function canSeeWorkspace(
	user: { role?: { id?: string } | string | null; admin_access?: boolean } | null | undefined,
): boolean {
	if (!user) return false;
	if (user.admin_access === true) return true;
	const role = typeof user.role === 'string' ? user.role : user.role?.id;
	return !!role && STAFF_ROLE_IDS.has(role);
}
