import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { DASHBOARD_IDS, dashboardIdsFor, dashboardPanels, singleCode } from './dashboards';

const reference = {
	services: [
		{ code: 'PROP', name_fr: 'Propreté', name_ar: 'النظافة' },
		{ code: 'VOI', name_fr: 'Voirie', name_ar: 'الطرق' },
	],
	arrondissements: [{ code: 'A1', name_fr: 'Anfa', name_ar: 'أنفا' }],
};
const panels = dashboardPanels(reference, (key) => translate('fr', key));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seeded dashboards', () => {
	it('have unique, valid fixed ids', () => {
		const ids = [...Object.values(DASHBOARD_IDS), ...panels.map((panel) => panel.id)];
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(UUID);
	});

	it('give each role its dashboards only', () => {
		expect(dashboardIdsFor('mayor')).toEqual([DASHBOARD_IDS.elected]);
		expect(dashboardIdsFor('elected_official')).toEqual([DASHBOARD_IDS.elected]);
		expect(dashboardIdsFor('service_head')).toEqual([DASHBOARD_IDS.service]);
		expect(dashboardIdsFor('service_agent')).toEqual([]);
		expect(dashboardIdsFor(null)).toEqual([]);
	});

	it('name every panel in French and Arabic', () => {
		for (const panel of panels) {
			expect(translate('fr', `dashboards.panels.${panel.key}`)).not.toContain('dashboards.');
			expect(translate('ar', `dashboards.panels.${panel.key}`)).toMatch(/[\u0600-\u06FF]/);
		}
	});

	it('keep personal fields and descriptions out of the elected officials’ panels', () => {
		for (const panel of panels.filter((row) => row.dashboard === DASHBOARD_IDS.elected))
			expect(JSON.stringify(panel.options)).not.toMatch(/citizen_|description|public_reply/);
	});

	it('use every code as the "all" value of a variable, never an empty string', () => {
		const service = panels.find((panel) => panel.type === 'variable' && panel.options.field === 'service')!;
		expect(service.options.defaultValue).toEqual(['PROP', 'VOI']);
		expect(singleCode(['PROP', 'VOI'])).toBeNull();
		expect(singleCode(['VOI'])).toBe('VOI');
		expect(singleCode('PROP')).toBe('PROP');
		expect(singleCode('undefined')).toBeNull();
	});
});
