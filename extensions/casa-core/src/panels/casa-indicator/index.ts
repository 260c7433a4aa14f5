// Panel `casa-indicator`: one figure of a dashboard by name (a count, a
// breakdown with translated labels, a day-by-day series or a short list),
// from GET /insights/indicator under the reader's scope. It replaces the
// built-in panels, which read complaints through the generic API.
import { definePanel } from '@directus/extensions-sdk';
import { INDICATORS } from '../../domain/insights/indicators';
import { bilingual, variableOption } from '../panel-text';
import IndicatorPanel from './indicator-panel.vue';

export default definePanel({
	id: 'casa-indicator',
	name: bilingual('insights.indicator.name'),
	icon: 'pin',
	description: bilingual('insights.indicator.description'),
	component: IndicatorPanel,
	options: [
		{
			field: 'indicator',
			name: bilingual('insights.indicator.option'),
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				width: 'full',
				options: {
					choices: Object.keys(INDICATORS).map((value) => ({ value, text: bilingual(`dashboards.panels.${value}`) })),
				},
			},
			schema: { default_value: 'received' },
		},
		variableOption('service', 'insights.sla.options.service'),
		variableOption('arrondissement', 'insights.sla.options.arrondissement'),
		variableOption('from', 'insights.sla.options.from'),
	],
	minWidth: 8,
	minHeight: 4,
});
