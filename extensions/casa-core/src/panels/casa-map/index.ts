import { definePanel } from '@directus/extensions-sdk';
import { defineComponent, h } from 'vue';

// placeholder until the dashboards work lands
export default definePanel({
	id: 'casa-map',
	name: 'casa-map',
	icon: 'map',
	description: '',
	component: defineComponent({ render: () => h('div') }),
	options: [],
	minWidth: 12,
	minHeight: 8,
});
