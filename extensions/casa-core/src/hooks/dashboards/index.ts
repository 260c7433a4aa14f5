// Which Insights dashboards each role reads. Directus Core has no row rules:
// the policies give collection-level read on directus_dashboards and
// directus_panels, and these filters narrow every read (REST, GraphQL, the
// Insights module) to the seeded dashboards of the caller's role plus the ones
// they created themselves. Seeded dashboards and panels whose name is still the
// provisioned French one read in Arabic for Arabic users.
import { defineHook } from '@directus/extensions-sdk';
import { loadCaller } from '../../adapters/platform-context';
import {
	DASHBOARD_IDS,
	type DashboardKey,
	PERIOD_CHOICES,
	dashboardIdsFor,
	dashboardPanels,
} from '../../domain/dashboards/dashboards';
import { type Language, translate } from '../../domain/i18n/messages';

// by the provisioned French text (a read may not ask for the id)
const DASHBOARD_TEXTS = new Map<string, string>(
	(Object.keys(DASHBOARD_IDS) as DashboardKey[]).flatMap((key) =>
		[`dashboards.names.${key}`, `dashboards.notes.${key}`].map(
			(name) => [translate('fr', name), name] as [string, string],
		),
	),
);
const PANEL_TEXTS = new Map<string, string>(
	dashboardPanels({ services: [], arrondissements: [] }, (key) => key).map((spec) => [
		translate('fr', `dashboards.panels.${spec.key}`),
		`dashboards.panels.${spec.key}`,
	]),
);

const CHOICE_TEXTS = new Map<string, string>(
	PERIOD_CHOICES.map((choice) => [
		translate('fr', `dashboards.variables.${choice.key}`),
		`dashboards.variables.${choice.key}`,
	]),
);

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
	scoped('panels.query', (ids, user) => ({
		_or: [{ dashboard: { _in: list(ids) } }, { user_created: { _eq: user } }],
	}));

	/** Rows of a read as an Arabic user sees them; one caller lookup per read. */
	const translated = (event: string, localize: (row: Row, language: Language) => Row) =>
		filter(event, async (records, _meta, { database, accountability }) => {
			if (!accountability || accountability.admin || !Array.isArray(records)) return records;
			const caller = await loadCaller(database, accountability);
			if (caller.language === 'fr') return records;
			return (records as Row[]).map((row) => localize(row, caller.language));
		});
	const names = (row: Row, language: Language, texts: Map<string, string>, fields: string[]): Row => {
		const copy = { ...row };
		for (const field of fields) {
			const key = typeof row[field] === 'string' ? texts.get(row[field] as string) : undefined;
			if (key) copy[field] = translate(language, key);
		}
		return copy;
	};
	// the period variable's choices
	const choices = (row: Row, language: Language): Row => {
		const options = row.options as { options?: { choices?: { text: string; value: unknown }[] } } | undefined;
		const list = options?.options?.choices;
		if (row.type !== 'variable' || !Array.isArray(list)) return row;
		const text = (value: string) => (CHOICE_TEXTS.has(value) ? translate(language, CHOICE_TEXTS.get(value)!) : value);
		return {
			...row,
			options: {
				...options,
				options: { ...options!.options, choices: list.map((choice) => ({ ...choice, text: text(choice.text) })) },
			},
		};
	};
	translated('dashboards.read', (row, language) => names(row, language, DASHBOARD_TEXTS, ['name', 'note']));
	translated('panels.read', (row, language) => choices(names(row, language, PANEL_TEXTS, ['name']), language));
});
