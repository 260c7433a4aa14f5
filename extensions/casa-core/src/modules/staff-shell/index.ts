// The staff shell: a module with no screen of its own (hidden, no routes) that
// keeps scoped staff in their own screens. At app start Directus asks every
// module whether it registers for this user; for a scoped staff member this
// one installs, once, a router guard that sends the generic modules' routes
// (content, users, files…) to the workspace, and hides their module-bar
// entries. The guard is comfort, not security: those roles hold no
// permission on complaint data, so the generic screens are empty anyway.
import { defineModule } from '@directus/extensions-sdk';
import { STAFF_SHELL_CSS, isScopedStaff, staffRedirect } from './generic-routes';

interface Router {
	beforeEach(guard: (to: { fullPath: string }) => string | undefined): void;
	currentRoute: { value: { fullPath: string } };
	replace(path: string): Promise<unknown>;
}

/** The signed-in scoped staff member the shell applies to; null for an administrator (or nobody). */
let shellFor: { id: string | null } | null = null;
let guarded = false;

function apply(user: { id: string | null } | null): void {
	if (typeof document === 'undefined') return;
	shellFor = user;
	const style = document.getElementById('casa-staff-shell');
	if (!user) {
		// an administrator signing in after a staff member in the same tab gets the whole app back
		style?.remove();
		return;
	}
	if (!style) {
		const element = document.createElement('style');
		element.id = 'casa-staff-shell';
		element.textContent = STAFF_SHELL_CSS;
		document.head.append(element);
	}
	// the app's router, as Vue exposes it on the mounted root
	const router = (
		document.querySelector('#app') as { __vue_app__?: { config: { globalProperties: { $router?: Router } } } } | null
	)?.__vue_app__?.config.globalProperties.$router;
	if (!router) return;
	if (!guarded) {
		guarded = true;
		router.beforeEach((to) => (shellFor ? (staffRedirect(to.fullPath, shellFor.id) ?? undefined) : undefined));
	}
	const here = staffRedirect(router.currentRoute.value.fullPath, user.id);
	if (here) void router.replace(here);
}

export default defineModule({
	id: 'casa-staff-shell',
	name: 'Casa',
	icon: 'shield',
	hidden: true,
	routes: [],
	preRegisterCheck: (user: unknown) => {
		const person = user as Parameters<typeof isScopedStaff>[0] & { id?: string };
		apply(isScopedStaff(person) ? { id: person?.id ?? null } : null);
		// never a screen of its own
		return false;
	},
} as never);
