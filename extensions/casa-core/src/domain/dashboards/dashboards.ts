// The Insights dashboards the platform seeds, per role, as data: fixed ids (so
// provisioning is idempotent and the read hook knows them), layout, built-in
// panels reading the complaints through the complaint hooks' scope, and the
// project's panels (casa-figures from /reports, casa-map, casa-sla). No panel
// of the elected officials' dashboard names a personal field or the free-text
// description. Names and notes are the French strings of
// `dashboards.panels.<key>`; the read hook gives Arabic users theirs.
import type { RoleKey } from '../access/roles';

export const DASHBOARD_IDS = {
	elected: '7a0c5b7e-3000-4c1a-9c55-ca5a00003000',
	direction: '7a0c5b7e-3100-4c1a-9c55-ca5a00003100',
	service: '7a0c5b7e-3200-4c1a-9c55-ca5a00003200',
} as const;
export type DashboardKey = keyof typeof DASHBOARD_IDS;

/** Which seeded dashboards each role reads (administrators read every dashboard). */
export const DASHBOARDS_OF_ROLE: Record<RoleKey, readonly DashboardKey[]> = {
	administrator: ['elected', 'direction', 'service'],
	mayor: ['elected'],
	elected_official: ['elected'],
	director_general: ['elected', 'direction'],
	service_head: ['service'],
	registry_office: [],
	service_agent: [],
};

export function dashboardIdsFor(role: RoleKey | null): string[] {
	return role ? DASHBOARDS_OF_ROLE[role].map((key) => DASHBOARD_IDS[key]) : [];
}

export const DASHBOARD_META: Record<DashboardKey, { icon: string; color: string }> = {
	elected: { icon: 'how_to_vote', color: '#0B5C8E' },
	direction: { icon: 'account_balance', color: '#6A3D9A' },
	service: { icon: 'supervisor_account', color: '#1D7A3E' },
};

export interface PanelSpec {
	id: string;
	dashboard: string;
	/** dashboards.panels.<key>: name (and note) in fr/ar */
	key: string;
	type: string;
	icon: string;
	color?: string;
	x: number;
	y: number;
	w: number;
	h: number;
	showHeader: boolean;
	options: Record<string, unknown>;
}

export interface Choice {
	code: string;
	name_fr: string;
	name_ar: string;
}

/** fields the elected officials' panels may name */
export const AGGREGATE_FIELDS = [
	'id',
	'status',
	'received_at',
	'resolved_at',
	'service',
	'arrondissement',
	'category',
	'sla_state',
	'legal_due_at',
	'resolve_due_at',
	'priority',
	'channel',
	'reference',
];

const panelId = (dashboard: DashboardKey, index: number) => {
	const digit = { elected: '0', direction: '1', service: '2' }[dashboard];
	const n = String(index).padStart(2, '0');
	return `7a0c5b7e-3${digit}${n}-4c1a-9c55-ca5a00003${digit}${n}`;
};

// dashboard variables, interpolated by the app into the panels' options: a
// whole '{{ name }}' string becomes the variable's value. Service and
// arrondissement are multiple choices (an array of codes, all of them at
// first: Directus refuses an empty string in a filter and the app's GraphQL
// wants a list for _in); the project panels read several codes as "all".
// Relations are filtered through the related code (GraphQL has no _in on a
// many-to-one field itself).
const PERIOD = '{{ period }}';
const SERVICE = '{{ service }}';
const ARRONDISSEMENT = '{{ arrondissement }}';
export const PERIOD_CHOICES = [
	{ value: '$NOW(-7 days)', key: 'period_7' },
	{ value: '$NOW(-30 days)', key: 'period_30' },
	{ value: '$NOW(-90 days)', key: 'period_90' },
	{ value: '$NOW(-365 days)', key: 'period_365' },
];

type Translate = (key: string) => string;

/** "every code" as a variable value */
const allOf = (rows: Choice[]) => rows.map((row) => row.code);

/** A variable's value as one code, or null for "all" (several codes, or nothing). */
export function singleCode(value: unknown): string | null {
	if (Array.isArray(value)) return value.length === 1 ? singleCode(value[0]) : null;
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' || trimmed.includes(',') || trimmed === 'undefined' || trimmed === 'null' ? null : trimmed;
}

export function dashboardPanels(
	reference: { services: Choice[]; arrondissements: Choice[] },
	t: Translate,
): PanelSpec[] {
	const bilingual = (row: Choice) => `${row.name_fr} · ${row.name_ar}`;
	const variable = (
		dashboard: DashboardKey,
		index: number,
		key: string,
		field: string,
		choices: { text: string; value: string }[],
		defaultValue: string | string[],
		x: number,
		w: number,
	): PanelSpec => ({
		id: panelId(dashboard, index),
		dashboard: DASHBOARD_IDS[dashboard],
		key,
		type: 'variable',
		icon: 'tune',
		x,
		y: 1,
		w,
		h: 6,
		showHeader: true,
		options: Array.isArray(defaultValue)
			? {
					field,
					type: 'csv',
					inter: 'select-multiple-dropdown',
					defaultValue,
					options: { choices, allowNone: false, previewThreshold: 2 },
				}
			: { field, type: 'string', inter: 'select-dropdown', defaultValue, options: { choices, allowNone: false } },
	});
	const periodChoices = PERIOD_CHOICES.map((choice) => ({
		text: t(`dashboards.variables.${choice.key}`),
		value: choice.value,
	}));
	const allServices = allOf(reference.services);
	const allArrondissements = allOf(reference.arrondissements);
	const serviceChoices = reference.services.map((row) => ({ text: bilingual(row), value: row.code }));
	const arrondissementChoices = reference.arrondissements.map((row) => ({ text: bilingual(row), value: row.code }));

	const panel = (
		dashboard: DashboardKey,
		index: number,
		key: string,
		type: string,
		icon: string,
		[x, y, w, h]: number[],
		options: Record<string, unknown>,
		color?: string,
	): PanelSpec => ({
		id: panelId(dashboard, index),
		dashboard: DASHBOARD_IDS[dashboard],
		key,
		type,
		icon,
		color,
		x,
		y,
		w,
		h,
		showHeader: true,
		options,
	});
	// every figure reads /insights/indicator under the reader's scope (no generic permission on complaints)
	const indicator = (name: string, withService = true) => ({
		indicator: name,
		service: withService ? SERVICE : null,
		arrondissement: ARRONDISSEMENT,
		from: PERIOD,
	});
	const figures = (section: string, withService = true) => ({
		section,
		service: withService ? SERVICE : '',
		arrondissement: ARRONDISSEMENT,
	});

	/** what the mayor and elected officials see, and the director general too (offset rows below) */
	const aggregates = (dashboard: DashboardKey, first: number): PanelSpec[] => [
		variable(dashboard, first, 'period', 'period', periodChoices, '$NOW(-30 days)', 1, 16),
		variable(dashboard, first + 1, 'service', 'service', serviceChoices, allServices, 17, 16),
		variable(
			dashboard,
			first + 2,
			'arrondissement',
			'arrondissement',
			arrondissementChoices,
			allArrondissements,
			33,
			16,
		),
		panel(dashboard, first + 3, 'monthly_summary', 'casa-figures', 'insights', [1, 7, 48, 11], figures('summary')),
		panel(dashboard, first + 4, 'received', 'casa-indicator', 'move_to_inbox', [1, 18, 12, 6], indicator('received')),
		panel(dashboard, first + 5, 'resolved', 'casa-indicator', 'task_alt', [13, 18, 12, 6], indicator('resolved')),
		panel(dashboard, first + 6, 'open', 'casa-indicator', 'pending_actions', [25, 18, 12, 6], indicator('open')),
		panel(dashboard, first + 7, 'breached', 'casa-indicator', 'alarm', [37, 18, 12, 6], indicator('breached')),
		panel(dashboard, first + 8, 'league', 'casa-figures', 'leaderboard', [1, 24, 24, 24], figures('league')),
		panel(dashboard, first + 9, 'map', 'casa-map', 'map', [25, 24, 24, 24], {
			colour: 'sla_state',
			mode: 'clusters',
			service: SERVICE,
			arrondissement: ARRONDISSEMENT,
			from: PERIOD,
			to: null,
		}),
		panel(
			dashboard,
			first + 10,
			'by_arrondissement',
			'casa-figures',
			'location_city',
			[1, 48, 24, 26],
			figures('arrondissements'),
		),
		panel(
			dashboard,
			first + 11,
			'by_service',
			'casa-figures',
			'account_balance',
			[25, 48, 24, 14],
			figures('services'),
		),
		panel(dashboard, first + 12, 'by_prefecture', 'casa-figures', 'map', [25, 62, 24, 12], figures('prefectures')),
		panel(
			dashboard,
			first + 13,
			'received_per_day',
			'casa-indicator',
			'show_chart',
			[1, 74, 32, 14],
			indicator('received_per_day'),
		),
		panel(
			dashboard,
			first + 14,
			'received_by_channel',
			'casa-indicator',
			'format_list_numbered',
			[33, 74, 16, 14],
			indicator('received_by_channel'),
		),
	];

	const elected = aggregates('elected', 1);
	const direction: PanelSpec[] = [
		...aggregates('direction', 1),
		panel('direction', 20, 'sla', 'casa-sla', 'timer', [1, 88, 48, 18], {
			service: SERVICE,
			arrondissement: ARRONDISSEMENT,
			from: PERIOD,
			to: null,
		}),
		panel('direction', 22, 'sla_by_team', 'casa-sla', 'groups', [1, 134, 48, 18], {
			group: 'team',
			service: SERVICE,
			arrondissement: ARRONDISSEMENT,
			from: PERIOD,
			to: null,
		}),
		panel(
			'direction',
			21,
			'breached_by_priority',
			'casa-indicator',
			'alarm',
			[1, 106, 48, 14],
			indicator('breached_by_priority'),
		),
		panel('direction', 23, 'legal_near', 'casa-indicator', 'gavel', [1, 120, 12, 7], indicator('legal_near')),
		panel(
			'direction',
			24,
			'backlog_30',
			'casa-indicator',
			'hourglass_bottom',
			[1, 127, 12, 7],
			indicator('backlog_30'),
		),
		panel(
			'direction',
			25,
			'legal_near_list',
			'casa-indicator',
			'gavel',
			[13, 120, 18, 14],
			indicator('legal_near_list'),
		),
		panel(
			'direction',
			26,
			'backlog_oldest',
			'casa-indicator',
			'hourglass_bottom',
			[31, 120, 18, 14],
			indicator('backlog_oldest'),
		),
	];
	// (per service and per team: casa-sla; a built-in bar chart over a
	// many-to-one to a project collection drew nothing in Directus 12.4, and a
	// metric list groups by the raw key without a name)
	// the service head: their scope (domain/access) limits every figure to their service
	const service: PanelSpec[] = [
		variable('service', 1, 'period', 'period', periodChoices, '$NOW(-30 days)', 1, 16),
		variable('service', 2, 'arrondissement', 'arrondissement', arrondissementChoices, allArrondissements, 17, 16),
		panel('service', 4, 'open', 'casa-indicator', 'pending_actions', [1, 7, 12, 6], indicator('open', false)),
		panel('service', 5, 'at_risk', 'casa-indicator', 'warning', [13, 7, 12, 6], indicator('at_risk', false)),
		panel('service', 6, 'breached', 'casa-indicator', 'alarm', [25, 7, 12, 6], indicator('breached', false)),
		panel(
			'service',
			7,
			'backlog_30',
			'casa-indicator',
			'hourglass_bottom',
			[37, 7, 12, 6],
			indicator('backlog_30', false),
		),
		panel(
			'service',
			8,
			'backlog_by_status',
			'casa-indicator',
			'view_kanban',
			[1, 13, 16, 14],
			indicator('backlog_by_status', false),
		),
		panel(
			'service',
			10,
			'backlog_by_agent',
			'casa-indicator',
			'person',
			[17, 13, 32, 14],
			indicator('backlog_by_agent', false),
		),
		panel(
			'service',
			11,
			'at_risk_list',
			'casa-indicator',
			'warning',
			[1, 27, 24, 14],
			indicator('at_risk_list', false),
		),
		panel(
			'service',
			12,
			'breached_list',
			'casa-indicator',
			'alarm',
			[25, 27, 24, 14],
			indicator('breached_list', false),
		),
		panel('service', 13, 'map_open', 'casa-map', 'map', [1, 41, 32, 24], {
			colour: 'sla_state',
			mode: 'clusters',
			service: null,
			arrondissement: ARRONDISSEMENT,
			from: null,
			to: null,
		}),
		panel('service', 14, 'sla_by_team', 'casa-sla', 'groups', [33, 41, 16, 24], {
			group: 'team',
			service: null,
			arrondissement: ARRONDISSEMENT,
			from: PERIOD,
			to: null,
		}),
		panel('service', 15, 'monthly_summary', 'casa-figures', 'insights', [1, 65, 48, 11], figures('summary', false)),
	];
	return [...elected, ...direction, ...service];
}
