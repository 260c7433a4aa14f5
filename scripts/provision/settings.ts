// Project settings, translation strings for choice labels and notes, and the
// saved views (bookmarks) each role lands on.
import {
	createPresets,
	createTranslations,
	readPresets,
	readSettings,
	readTranslations,
	updateSettings,
	updateTranslation,
} from '@directus/sdk';
import ar from '../../extensions/casa-core/src/domain/i18n/locales/ar.json';
import fr from '../../extensions/casa-core/src/domain/i18n/locales/fr.json';
import { ROLE_IDS } from '../../extensions/casa-core/src/domain/access/roles';
import type { AdminClient } from './client';

export async function provisionSettings(client: AdminClient, ownerEmail: string, loginAttempts: number): Promise<void> {
	await client.request(
		updateSettings({
			project_name: 'Casa Réclamations',
			project_descriptor: 'Commune urbaine de Casablanca',
			project_color: '#0E5A8A',
			default_language: 'fr-FR',
			public_note:
				'Plateforme des réclamations de la Commune urbaine de Casablanca — منصة الشكايات لجماعة الدار البيضاء',
			// answers the first-login dialogs (owner, then "Have a license key?"): a city runs
			// Core until it buys a licence, as an organisation
			project_owner: ownerEmail,
			project_usage: 'commercial',
			org_name: 'Commune urbaine de Casablanca',
			// what Directus 12 applies (it does not read AUTH_LOGIN_ATTEMPTS): the configuration's value, at every start
			auth_login_attempts: loginAttempts,
		} as never),
	);
	await provisionModuleBar(client);
}

/** Directus 12's default module bar (the app's MODULE_BAR_DEFAULT), used while the settings hold none. */
const DEFAULT_MODULE_BAR = [
	{ type: 'module', id: 'content', enabled: true },
	{ type: 'module', id: 'visual', enabled: false },
	{ type: 'module', id: 'users', enabled: true },
	{ type: 'module', id: 'files', enabled: true },
	{ type: 'module', id: 'insights', enabled: true },
	{ type: 'module', id: 'flows', enabled: true },
	{ type: 'module', id: 'deployments', enabled: false },
	{ type: 'link', id: 'docs', enabled: true, name: '$t:documentation', icon: 'help', url: 'https://directus.com/docs' },
	{ type: 'module', id: 'settings', enabled: true, locked: true },
];
/** The project's modules, shown right after Content (each module hides itself from roles it is not for): the staff workspace, the registry-office desk. */
const PROJECT_MODULES = ['casa-workspace', 'casa-desk'];

/** Adds the project's modules to the bar once; an administrator may later hide or move them. */
export async function provisionModuleBar(client: AdminClient): Promise<void> {
	const settings = (await client.request(readSettings({ fields: ['module_bar'] }))) as {
		module_bar: { id: string }[] | null;
	};
	const bar = [...(settings.module_bar ?? DEFAULT_MODULE_BAR)] as { type: string; id: string; enabled: boolean }[];
	const missing = PROJECT_MODULES.filter((id) => !bar.some((part) => part.id === id));
	if (missing.length === 0) return;
	const after = bar.findIndex((part) => part.id === 'content') + 1;
	bar.splice(after, 0, ...missing.map((id) => ({ type: 'module', id, enabled: true })));
	await client.request(updateSettings({ module_bar: bar } as never));
}

/** Groups of the i18next resources that label Directus choices and notes ($t:casa.<group>.<value>). */
const ADMIN_GROUPS = [
	'status',
	'type',
	'channel',
	'priority',
	'sla_state',
	'unit',
	'language',
	'event',
	'visibility',
	'actor',
	'file_kind',
	'holiday_kind',
	'weekday',
	'note',
];

export function adminTranslationStrings(): { key: string; language: string; value: string }[] {
	const rows: { key: string; language: string; value: string }[] = [];
	for (const [language, resource] of [
		['fr-FR', fr],
		['ar-SA', ar],
	] as const) {
		for (const group of ADMIN_GROUPS) {
			for (const [value, text] of Object.entries(
				(resource as unknown as Record<string, Record<string, string>>)[group] ?? {},
			)) {
				rows.push({ key: `casa.${group}.${value}`, language, value: text });
			}
		}
	}
	// strings of the admin app itself that Directus leaves untranslated in French or Arabic (the Insights
	// menu's "Overview", the skip links in Arabic): custom translations are merged over the app's own, key by key
	for (const [language, resource] of [
		['fr-FR', fr],
		['ar-SA', ar],
	] as const) {
		for (const [key, text] of Object.entries(
			(resource as unknown as Record<string, Record<string, string>>).directus_app ?? {},
		))
			rows.push({ key, language, value: text });
	}
	return rows;
}

export async function provisionTranslations(client: AdminClient): Promise<void> {
	const wanted = adminTranslationStrings();
	const existing = (await client.request(
		readTranslations({ filter: { key: { _in: [...new Set(wanted.map((row) => row.key))] } }, limit: -1 }),
	)) as { id: string; key: string; language: string; value: string }[];
	const byKey = new Map(existing.map((row) => [`${row.key}|${row.language}`, row]));
	const missing = wanted.filter((row) => !byKey.has(`${row.key}|${row.language}`));
	if (missing.length > 0) await client.request(createTranslations(missing));
	for (const row of wanted) {
		const current = byKey.get(`${row.key}|${row.language}`);
		if (current && current.value !== row.value)
			await client.request(updateTranslation(current.id, { value: row.value }));
	}
}

const COLUMNS = [
	'reference',
	'status',
	'sla_state',
	'category',
	'arrondissement',
	'assignee',
	'resolve_due_at',
	'received_at',
];
const OPEN = ['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'];

function tabular(sort: string[], fields = COLUMNS) {
	return {
		layout: 'tabular',
		layout_query: { tabular: { fields, sort, limit: 50 } },
		layout_options: { tabular: { widths: { reference: 170, status: 170, sla_state: 140 } } },
	};
}

const KANBAN = {
	layout: 'kanban',
	layout_query: { kanban: { sort: ['resolve_due_at'], limit: 100 } },
	layout_options: {
		kanban: {
			groupField: 'status',
			titleField: 'reference',
			textField: 'description',
			dateField: 'resolve_due_at',
			userField: 'assignee',
		},
	},
};

type Preset = { bookmark: string | null; role: string | null; [key: string]: unknown };

export function rolePresets(): Preset[] {
	const presets: Preset[] = [];
	const add = (
		roles: (keyof typeof ROLE_IDS | null)[],
		preset: { bookmark: string | null; [key: string]: unknown },
	) => {
		for (const role of roles)
			presets.push({ collection: 'complaints', user: null, ...preset, role: role ? ROLE_IDS[role] : null });
	};
	// the default view of the collection, for everyone
	add([null], { bookmark: null, ...tabular(['-received_at']) });
	add(['registry_office', 'service_head'], {
		bookmark: 'À qualifier · للتأهيل',
		icon: 'move_to_inbox',
		color: '#0E5A8A',
		filter: { status: { _in: ['new', 'reopened'] } },
		...tabular(['received_at']),
	});
	add(['service_agent', 'service_head'], {
		bookmark: 'Mes dossiers · ملفاتي',
		icon: 'assignment_ind',
		color: '#2E7D32',
		filter: { _and: [{ assignee: { _eq: '$CURRENT_USER' } }, { status: { _in: OPEN } }] },
		...tabular(['resolve_due_at']),
	});
	add(['service_agent', 'service_head', 'director_general', 'registry_office'], {
		bookmark: 'En retard · متأخرة',
		icon: 'alarm',
		color: '#C62828',
		filter: { _and: [{ sla_state: { _eq: 'breached' } }, { status: { _in: OPEN } }] },
		...tabular(['resolve_due_at']),
	});
	add(['service_agent', 'service_head', 'registry_office'], {
		bookmark: 'Kanban · حسب الوضعية',
		icon: 'view_week',
		color: '#6A1B9A',
		filter: { status: { _in: OPEN } },
		...KANBAN,
	});
	return presets;
}

export async function provisionPresets(client: AdminClient): Promise<void> {
	const existing = (await client.request(
		readPresets({
			filter: { collection: { _eq: 'complaints' }, user: { _null: true } },
			fields: ['bookmark', 'role'],
			limit: -1,
		}),
	)) as { bookmark: string | null; role: string | null }[];
	const present = new Set(existing.map((preset) => `${preset.bookmark}|${preset.role}`));
	const missing = rolePresets().filter((preset) => !present.has(`${preset.bookmark}|${preset.role}`));
	if (missing.length > 0) await client.request(createPresets(missing as never));
}
