// The staff workspace: each role's own screens (the queue of complaints, a
// complaint with only the moves the user may make, settings), in the user's
// language, French or Arabic. Everything goes through the /workspace API.
import { defineModule } from '@directus/extensions-sdk';
import './workspace.css';
import { languageOf, translator } from '../../app-shared/staff-i18n';
import { canSeeWorkspace } from './landing';
import WorkspaceRoot from './workspace-root.vue';
import QueueView from './queue-view.vue';
import ComplaintView from './complaint-view.vue';
import SettingsView from './settings-view.vue';
import OfficialsView from './officials-view.vue';

const config = {
	id: 'casa-workspace',
	name: translator('fr')('workspace_ui.module_name'),
	icon: 'inbox',
	routes: [
		{ path: '', component: WorkspaceRoot },
		{ path: 'queue', component: QueueView },
		{ path: 'complaints/:id', component: ComplaintView, props: true },
		{ path: 'settings', component: SettingsView },
		{ path: 'figures', component: OfficialsView },
	],
	// every staff role and administrators; the module bar names it in the user's language
	preRegisterCheck: (user: unknown) => {
		const person = user as {
			role?: { id?: string } | string | null;
			admin_access?: boolean;
			language?: string | null;
		} | null;
		config.name = translator(languageOf(person?.language))('workspace_ui.module_name');
		return canSeeWorkspace(person);
	},
};

export default defineModule(config as never);
