// Which screens of the generic admin app a scoped staff member is sent away
// from, and where to. They hold no permission on complaint data, so these
// screens would only show reference tables, an empty file library or
// Directus's own profile form (raw theme keys, English labels): the workspace
// is where their work and their own settings are. Plain functions.

/** Router paths (the admin app's, without /admin) of the generic modules staff are kept out of. */
const GENERIC_MODULES = ['content', 'users', 'files', 'activity', 'settings', 'visual', 'deployments'] as const;

export const WORKSPACE_ROOT = '/casa-workspace';
export const WORKSPACE_SETTINGS = '/casa-workspace/settings';

/** Where a scoped staff member asking for `path` is sent instead; null when the path is theirs to see. */
export function staffRedirect(path: string, userId: string | null | undefined): string | null {
	const [, module, rest] = /^\/([^/?#]+)(?:\/([^?#]*))?/.exec(path) ?? [];
	if (!module || !(GENERIC_MODULES as readonly string[]).includes(module)) return null;
	// the avatar of the module bar opens one's own profile: language and password are in the workspace's settings
	if (module === 'users' && rest && (rest === 'me' || (!!userId && rest.split('/')[0] === userId)))
		return WORKSPACE_SETTINGS;
	return WORKSPACE_ROOT;
}

/** Who gets the staff shell: anyone signed in to the app without administrator access. */
export function isScopedStaff(
	user: { admin_access?: boolean | null; role?: { admin_access?: boolean | null } | string | null } | null | undefined,
): boolean {
	if (!user) return false;
	if (user.admin_access === true) return false;
	if (user.role && typeof user.role === 'object' && user.role.admin_access === true) return false;
	return true;
}

/**
 * The module bar's entries of the generic modules and the licence badge,
 * hidden for scoped staff (the routes themselves redirect, see staffRedirect).
 */
export const STAFF_SHELL_CSS =
	[
		...GENERIC_MODULES.map((module) => `#app .module-bar .v-button:has(> a[href="/admin/${module}"])`),
		// Directus's documentation link: English, and nothing staff need
		'#app .module-bar .v-button:has(> a[href^="https://directus.com/docs"])',
		// "Powered by Directus"
		'#app .license-badge',
	].join(',\n') + ' { display: none !important; }';
