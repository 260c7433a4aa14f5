import { definePanel } from '@directus/extensions-sdk';
import { defineComponent, h } from 'vue';

// placeholder until the dashboards work lands
export default definePanel({
	id: 'casa-sla',
	name: 'casa-sla',
	icon: 'map',
	description: '',
	component: defineComponent({ render: () => h('div') }),
	options: [],
	minWidth: 12,
	minHeight: 8,
});
