// On a phone the admin app's navigation drawer and its side panel open as
// overlays, and on a first visit both start open (their "collapsed" flags live
// in localStorage and default to false): an agent would land on a screen
// covered by them. The workspace folds both away when it opens on a narrow
// screen; the user can still open the navigation with its button.
import { getActivePinia } from 'pinia';

/** Below Directus's `lg` breakpoint (57.625rem) both panels are overlays. */
export const NARROW = '(max-width: 57.6rem)';

interface FoldableStore {
	collapsed?: boolean;
	collapse?: () => void;
}

export function foldAppPanelsOnPhones(): void {
	if (typeof window === 'undefined' || !window.matchMedia(NARROW).matches) return;
	const stores = (getActivePinia() as unknown as { _s?: Map<string, FoldableStore> } | undefined)?._s;
	for (const id of ['nav-bar-store', 'sidebar-store']) {
		const store = stores?.get(id);
		if (store && store.collapsed !== true) store.collapse?.();
	}
}
