// Insights panel "casa-figures": the monthly figures of /reports (this month
// against last, per arrondissement, préfecture and service, the league table of
// arrondissements) in the user's language, French or Arabic right to left.
// Options accept dashboard variables ({{ service }}, {{ arrondissement }}).
import { definePanel } from '@directus/extensions-sdk';
import { translate } from '../../domain/i18n/messages';
import FiguresPanel from './figures-panel.vue';

const t = (key: string) =>
	`${translate('fr', `dashboards.figures.${key}`)} · ${translate('ar', `dashboards.figures.${key}`)}`;
const SECTIONS = ['summary', 'league', 'arrondissements', 'prefectures', 'services'];

export default definePanel({
	id: 'casa-figures',
	name: t('name'),
	icon: 'insights',
	description: t('description'),
	component: FiguresPanel,
	options: [
		{
			field: 'section',
			name: t('section'),
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				width: 'full',
				options: { choices: SECTIONS.map((value) => ({ value, text: t(`sections.${value}`) })) },
			},
			schema: { default_value: 'summary' },
		},
		{
			field: 'month',
			name: t('month'),
			type: 'string',
			meta: { interface: 'input', width: 'half', options: { placeholder: 'YYYY-MM' } },
		},
		{ field: 'service', name: t('service'), type: 'string', meta: { interface: 'input', width: 'half' } },
		{ field: 'arrondissement', name: t('arrondissement'), type: 'string', meta: { interface: 'input', width: 'half' } },
	],
	minWidth: 12,
	minHeight: 6,
});
