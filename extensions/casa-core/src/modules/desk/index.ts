// The registry-office desk: agents record phone, counter and paper-mail
// complaints on a citizen's behalf, keyboard first, in French or Arabic.
// Everything goes through the /desk endpoint and so through the complaint hooks.
import { defineModule } from '@directus/extensions-sdk';
import DeskView from './desk-view.vue';
import { canUseDesk } from './access';

export default defineModule({
	id: 'casa-desk',
	name: 'Bureau d’ordre · مكتب الضبط',
	icon: 'support_agent',
	routes: [{ path: '', component: DeskView }],
	// only the registry office and administrators see it in the module bar
	preRegisterCheck: (user) => canUseDesk(user as { role?: { id?: string } | string | null; admin_access?: boolean }),
});
