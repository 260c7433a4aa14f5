// Panel `casa-map`: complaints on the map of Casablanca (clusters or heat map),
// from GET /insights/clusters for the visible area and zoom.
// Options (names for the dashboards provisioning; each text option accepts a
// dashboard variable such as "{{service}}"):
//   colour:         'status' | 'sla_state'      (default 'status')
//   mode:           'clusters' | 'heatmap'      (default 'clusters')
//   service:        service code(s), comma-separated, or a variable
//   arrondissement: arrondissement code(s) (HCP code, e.g. 06.141.01.01), or a variable
//   from, to:       received period, YYYY-MM-DD or ISO date-time, or variables
//   status:         status codes, comma-separated, or a variable
//   center, zoom:   initial view, "lat,lng" and 9–19 (default: the whole commune)
import { definePanel } from '@directus/extensions-sdk';
import { bilingual, variableOption } from '../panel-text';
import MapPanel from './map-panel.vue';

const text = (field: string, key: string) => variableOption(field, `insights.map.options.${key}`);

export default definePanel({
	id: 'casa-map',
	name: bilingual('insights.map.name'),
	icon: 'map',
	description: bilingual('insights.map.description'),
	component: MapPanel,
	options: [
		{
			field: 'colour',
			name: bilingual('insights.map.options.colour'),
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				width: 'half' as const,
				options: {
					choices: [
						{ text: bilingual('insights.map.options.colour_status'), value: 'status' },
						{ text: bilingual('insights.map.options.colour_sla_state'), value: 'sla_state' },
					],
				},
			},
			schema: { default_value: 'status' },
		},
		{
			field: 'mode',
			name: bilingual('insights.map.options.mode'),
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				width: 'half' as const,
				options: {
					choices: [
						{ text: bilingual('insights.map.options.mode_clusters'), value: 'clusters' },
						{ text: bilingual('insights.map.options.mode_heatmap'), value: 'heatmap' },
					],
				},
			},
			schema: { default_value: 'clusters' },
		},
		text('service', 'service'),
		text('arrondissement', 'arrondissement'),
		text('from', 'from'),
		text('to', 'to'),
		text('status', 'status'),
		{
			field: 'center',
			name: bilingual('insights.map.options.center'),
			type: 'string',
			meta: { interface: 'input', width: 'half', options: { placeholder: '33.5950,-7.6180' } },
		},
		{
			field: 'zoom',
			name: bilingual('insights.map.options.zoom'),
			type: 'integer',
			meta: { interface: 'input', width: 'half', options: { min: 9, max: 19 } },
		},
	],
	minWidth: 12,
	minHeight: 8,
});
