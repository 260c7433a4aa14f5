// Which Insights dashboards each role reads. Directus Core has no row rules:
// the policies give collection-level read on directus_dashboards and
// directus_panels, and these filters narrow every read (REST, GraphQL, the
// Insights module) to the seeded dashboards of the caller's role plus the ones
// they created themselves. Seeded dashboards and panels whose name is still the
// provisioned French one read in Arabic for Arabic users.
import { defineHook } from '@directus/extensions-sdk';
import { loadCaller } from '../../adapters/platform-context';
import { DASHBOARD_IDS, type DashboardKey, dashboardIdsFor, dashboardPanels } from '../../domain/dashboards/dashboards';
import { translate } from '../../domain/i18n/messages';

const DASHBOARD_KEYS = new Map<string, DashboardKey>(Object.entries(DASHBOARD_IDS).map(([key, id]) => [id, key as DashboardKey]));
const PANEL_KEYS = new Map(dashboardPanels({ services: [], arrondissements: [] }, (key) => key).map((spec) => [spec.id, spec.key]));

type Row = Record<string, unknown>;

function and(filter: unknown, scope: Row): Row {
	return filter && typeof filter === 'object' && Object.keys(filter).length > 0 ? { _and: [filter, scope] } : scope;
}

export default defineHook(({ filter }) => {
	const scoped = (event: string, scopeOf: (ids: string[], user: string) => Row) =>
		filter(event, async (query, _meta, { database, accountability }) => {
			if (!accountability || accountability.admin) return query;
			const caller = await loadCaller(database, accountability);
			const ids = dashboardIdsFor(caller.role);
			const user = accountability.user ?? '00000000-0000-0000-0000-000000000000';
			const shaped = query as Row;
			return { ...shaped, filter: and(shaped.filter, scopeOf(ids, user)) };
		});
	// (an empty _in would match nothing anyway; keep the filter valid with an impossible id)
	const list = (ids: string[]) => (ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
	scoped('dashboards.query', (ids, user) => ({ _or: [{ id: { _in: list(ids) } }, { user_created: { _eq: user } }] }));
	scoped('panels.query', (ids, user) => ({ _or: [{ dashboard: { _in: list(ids) } }, { user_created: { _eq: user } }] }));

	const localized = (event: string, keyOf: (row: Row) => { name: string; note?: string } | null) =>
		filter(event, async (records, _meta, { database, accountability }) => {
			if (!accountability || accountability.admin || !Array.isArray(records)) return records;
			const caller = await loadCaller(database, accountability);
			if (caller.language === 'fr') return records;
			return (records as Row[]).map((row) => {
				const keys = keyOf(row);
				if (!keys) return row;
				const copy = { ...row };
				if (row.name === translate('fr', keys.name)) copy.name = translate(caller.language, keys.name);
				if (keys.note && row.note === translate('fr', keys.note)) copy.note = translate(caller.language, keys.note);
				return copy;
			});
		});
	localized('dashboards.read', (row) => {
		const key = DASHBOARD_KEYS.get(String(row.id));
		return key ? { name: `dashboards.names.${key}`, note: `dashboards.notes.${key}` } : null;
	});
	localized('panels.read', (row) => {
		const key = PANEL_KEYS.get(String(row.id));
		return key ? { name: `dashboards.panels.${key}` } : null;
	});
});
