import { defineModule } from '@directus/extensions-sdk';
import { defineComponent, h } from 'vue';

// placeholder until the registry-office desk lands
export default defineModule({
	id: 'casa-desk',
	name: 'Bureau d’ordre',
	icon: 'support_agent',
	routes: [{ path: '', component: defineComponent({ render: () => h('div') }) }],
});
