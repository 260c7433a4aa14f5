// Insights dashboards per role (mayor and elected officials, director general,
// service head) with the map, SLA and monthly-figures panels. Idempotent like
// every step: dashboards and panels have fixed ids (domain/dashboards); what is
// missing is created, what exists is left as an administrator may have edited it.
// Which role reads which dashboard is the read hook's business (hooks/dashboards).
import { createDashboard, createPanels, readDashboards, readItems, readPanels } from '@directus/sdk';
import {
	DASHBOARD_IDS,
	DASHBOARD_META,
	type DashboardKey,
	type PanelSpec,
	dashboardPanels,
} from '../../extensions/casa-core/src/domain/dashboards/dashboards';
import { translate } from '../../extensions/casa-core/src/domain/i18n/messages';
import type { AdminClient } from './client';

const t = (key: string) => translate('fr', key);

export function panelRow(spec: PanelSpec) {
	return {
		id: spec.id,
		dashboard: spec.dashboard,
		name: t(`dashboards.panels.${spec.key}`),
		icon: spec.icon,
		color: spec.color ?? null,
		show_header: spec.showHeader,
		note: null,
		type: spec.type,
		position_x: spec.x,
		position_y: spec.y,
		width: spec.w,
		height: spec.h,
		options: spec.options,
	};
}

export async function seededPanels(client: AdminClient): Promise<PanelSpec[]> {
	const [services, arrondissements] = await Promise.all([
		client.request(
			readItems('services', { fields: ['code', 'name_fr', 'name_ar'], sort: ['sort', 'code'], limit: -1 }),
		),
		client.request(
			readItems('arrondissements', { fields: ['code', 'name_fr', 'name_ar'], sort: ['name_fr'], limit: -1 }),
		),
	]);
	return dashboardPanels({ services: services as never, arrondissements: arrondissements as never }, t);
}

export async function provisionDashboards(client: AdminClient, log: (message: string) => void): Promise<void> {
	const ids = Object.values(DASHBOARD_IDS);
	const existing = new Set(
		(
			(await client.request(readDashboards({ filter: { id: { _in: ids } }, fields: ['id'], limit: -1 }))) as {
				id: string;
			}[]
		).map((row) => row.id),
	);
	for (const [key, id] of Object.entries(DASHBOARD_IDS) as [DashboardKey, string][]) {
		if (existing.has(id)) continue;
		await client.request(
			createDashboard({
				id,
				name: t(`dashboards.names.${key}`),
				note: t(`dashboards.notes.${key}`),
				icon: DASHBOARD_META[key].icon,
				color: DASHBOARD_META[key].color,
			} as never),
		);
		log(`dashboard "${t(`dashboards.names.${key}`)}" created`);
	}
	const specs = await seededPanels(client);
	const present = new Set(
		(
			(await client.request(readPanels({ filter: { dashboard: { _in: ids } }, fields: ['id'], limit: -1 }))) as {
				id: string;
			}[]
		).map((row) => row.id),
	);
	const missing = specs.filter((spec) => !present.has(spec.id));
	if (missing.length > 0) {
		await client.request(createPanels(missing.map(panelRow) as never));
		log(`${missing.length} dashboard panels created`);
	}
}
