// Each staff member lands on their own screen: the Directus app opens a
// user's `last_page` after login, so at every login a scoped staff member's is
// set to the workspace, which routes them by role (domain/access/capabilities
// LANDING). Scoped roles cannot write their own user record on Core, so the app
// cannot move it elsewhere behind their back. Officials land straight on
// their figures (the workspace root would send them there too).
import { defineHook } from '@directus/extensions-sdk';
import { LANDING } from '../../domain/access/capabilities';
import { roleKeyFromId } from '../../domain/access/roles';

export const WORKSPACE_PATH = '/casa-workspace';
/** Officials (élus, the mayor, the director general) open their figures directly. */
export const FIGURES_PATH = '/casa-workspace/figures';

export default defineHook(({ action }, { database, logger }) => {
	action('auth.login', async (meta) => {
		const userId = (meta as { user?: string }).user;
		if (!userId) return;
		try {
			const user = await database('directus_users').select('role').where({ id: userId }).first();
			const role = roleKeyFromId(user?.role ?? null, false);
			if (!role) return;
			await database('directus_users')
				.where({ id: userId })
				.update({ last_page: LANDING[role] === 'figures' ? FIGURES_PATH : WORKSPACE_PATH });
		} catch (error) {
			logger.warn(`[casa-core] staff landing not set: ${(error as Error).message}`);
		}
	});
});
