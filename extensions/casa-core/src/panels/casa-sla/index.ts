// Panel `casa-sla`: on-time rate by service (horizontal bars, target line),
// from GET /insights/sla.
// Options (names for the dashboards provisioning; text options accept a
// dashboard variable such as "{{service}}"):
//   target:         objective in % (number, default 80)
//   group:          one bar per 'service' (default) or per 'team'
//   service:        service code(s), comma-separated, or a variable
//   arrondissement: arrondissement code(s) (HCP code), or a variable
//   from, to:       received period, YYYY-MM-DD or ISO date-time, or variables
import { definePanel } from '@directus/extensions-sdk';
import { bilingual, variableOption } from '../panel-text';
import SlaPanel from './sla-panel.vue';

export default definePanel({
	id: 'casa-sla',
	name: bilingual('insights.sla.name'),
	icon: 'timer',
	description: bilingual('insights.sla.description'),
	component: SlaPanel,
	options: [
		{
			field: 'target',
			name: bilingual('insights.sla.options.target'),
			type: 'integer',
			meta: { interface: 'input', width: 'half', options: { min: 0, max: 100 } },
			schema: { default_value: 80 },
		},
		{
			field: 'group',
			name: bilingual('insights.sla.options.group'),
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				width: 'half',
				options: {
					choices: [
						{ text: 'service', value: 'service' },
						{ text: 'team', value: 'team' },
					],
				},
			},
			schema: { default_value: 'service' },
		},
		variableOption('service', 'insights.sla.options.service'),
		variableOption('arrondissement', 'insights.sla.options.arrondissement'),
		variableOption('from', 'insights.sla.options.from'),
		variableOption('to', 'insights.sla.options.to'),
	],
	minWidth: 12,
	minHeight: 6,
});
