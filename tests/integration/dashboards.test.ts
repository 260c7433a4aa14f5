// Insights dashboards seeded per role: they exist with their panels; each role
// reads only its own dashboards (the dashboard-scope hook); every figure reads
// the project's /insights/indicator (no generic permission on complaints); the
// elected officials' panels name no personal field and answer, and the generic
// API gives them nothing on complaints.
import { applyOptionsData } from '@directus/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_IDS } from '../../extensions/casa-core/src/domain/dashboards/dashboards';
import { filterParams } from '../../extensions/casa-core/src/domain/insights/panel-options';
import { adminToken, call, loginAs } from '../helpers/api';

const PERSONAL = /citizen_name|citizen_phone|citizen_email|description|citizen_rating_comment|public_reply/;
let DEFAULTS: Record<string, any>;

interface Panel {
	id: string;
	dashboard: string;
	type: string;
	name: string;
	options: Record<string, any>;
}

let panels: Panel[];

beforeAll(async () => {
	const response = await call(
		'GET',
		`/panels?limit=-1&fields=id,dashboard,type,name,options&filter=${encodeURIComponent(JSON.stringify({ dashboard: { _in: Object.values(DASHBOARD_IDS) } }))}`,
		{ token: adminToken() },
	);
	expect(response.status).toBe(200);
	panels = response.body.data;
	// the variables' default values, as the app starts with them
	DEFAULTS = Object.fromEntries(
		panels
			.filter((panel) => panel.type === 'variable' && panel.dashboard === DASHBOARD_IDS.elected)
			.map((panel) => [panel.options.field, panel.options.defaultValue]),
	);
	expect(DEFAULTS.period).toBe('$NOW(-30 days)');
	expect(DEFAULTS.service).toContain('PROP');
});

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
const seeded = (rows: { id: string }[]) => ids(rows).filter((id) => Object.values(DASHBOARD_IDS).includes(id as never));

/** The request a figure panel (casa-indicator) sends, as the app renders it (variables applied). */
function panelQuery(panel: Panel, variables: Record<string, any> = DEFAULTS): string | null {
	if (panel.type !== 'casa-indicator') return null;
	const options = applyOptionsData(panel.options, variables);
	const params = new URLSearchParams({
		...filterParams({ service: options.service, arrondissement: options.arrondissement, from: options.from }),
		name: options.indicator,
	});
	return `/insights/indicator?${params}`;
}

describe('seeded dashboards', () => {
	it('exist with their panels, the project panels and the dashboard variables', async () => {
		const dashboards = (await call('GET', '/dashboards?limit=-1&fields=id,name', { token: adminToken() })).body.data;
		expect(seeded(dashboards)).toEqual(Object.values(DASHBOARD_IDS).sort());
		for (const id of Object.values(DASHBOARD_IDS))
			expect(panels.filter((panel) => panel.dashboard === id).length).toBeGreaterThan(8);
		const types = new Set(panels.map((panel) => panel.type));
		for (const type of ['variable', 'casa-indicator', 'casa-figures', 'casa-map', 'casa-sla'])
			expect(types).toContain(type);
		// no built-in panel reads complaints: scoped roles hold no generic permission on them
		for (const type of ['metric', 'metric-list', 'list', 'bar-chart', 'time-series']) expect(types).not.toContain(type);
		const variables = panels
			.filter((panel) => panel.type === 'variable' && panel.dashboard === DASHBOARD_IDS.elected)
			.map((panel) => panel.options.field);
		expect(variables.sort()).toEqual(['arrondissement', 'period', 'service']);
		const map = panels.find((panel) => panel.type === 'casa-map' && panel.dashboard === DASHBOARD_IDS.elected)!;
		expect(Object.keys(map.options).sort()).toEqual(['arrondissement', 'colour', 'from', 'mode', 'service', 'to']);
		expect(panels.find((panel) => panel.type === 'casa-sla')!.options).toHaveProperty('service');
	});

	it('every figure panel answers, as administrator, with the default variables and a chosen service', async () => {
		for (const panel of panels) {
			for (const variables of [DEFAULTS, { ...DEFAULTS, service: ['PROP'], period: '$NOW(-7 days)' }]) {
				const path = panelQuery(panel, variables);
				if (!path) continue;
				const response = await call('GET', path, { token: adminToken() });
				expect(response.status, `${panel.name}: ${JSON.stringify(response.body.errors)}`).toBe(200);
				expect(response.body.data.kind).toBeTruthy();
			}
		}
		// the default is every service; one service narrows
		const received = panels.find(
			(panel) =>
				panel.type === 'casa-indicator' &&
				panel.dashboard === DASHBOARD_IDS.elected &&
				panel.options.indicator === 'received',
		)!;
		const all = (
			await call('GET', panelQuery(received, { ...DEFAULTS, period: '$NOW(-365 days)' })!, { token: adminToken() })
		).body.data.value;
		const prop = (
			await call('GET', panelQuery(received, { ...DEFAULTS, period: '$NOW(-365 days)', service: ['PROP'] })!, {
				token: adminToken(),
			})
		).body.data.value;
		expect(all).toBeGreaterThan(0);
		expect(prop).toBeGreaterThan(0);
		expect(prop).toBeLessThan(all);
	});

	it('the elected officials’ panels name no personal field', () => {
		const elected = panels.filter((panel) => panel.dashboard === DASHBOARD_IDS.elected);
		for (const panel of elected) expect(JSON.stringify(panel.options), panel.name).not.toMatch(PERSONAL);
		expect(elected.some((panel) => String(panel.options.indicator ?? '').endsWith('_list'))).toBe(false);
	});
});

describe('each role reads only its own dashboards', () => {
	const expectations: [string, string[]][] = [
		['maire', [DASHBOARD_IDS.elected]],
		['elu', [DASHBOARD_IDS.elected]],
		['dgs', [DASHBOARD_IDS.elected, DASHBOARD_IDS.direction]],
		['chef-service', [DASHBOARD_IDS.service]],
		['agent', []],
		['bureau-ordre', []],
	];
	for (const [account, expected] of expectations) {
		it(`${account}: ${expected.length} dashboard(s), and only their panels`, async () => {
			const token = await loginAs(account);
			const dashboards = await call('GET', '/dashboards?limit=-1&fields=id,name', { token });
			if (expected.length === 0) {
				// roles without dashboards hold no permission on them: Directus refuses by itself
				expect(dashboards.status).toBe(403);
				expect((await call('GET', '/panels?limit=-1&fields=id', { token })).status).toBe(403);
				return;
			}
			expect(dashboards.status).toBe(200);
			expect(ids(dashboards.body.data)).toEqual([...expected].sort());
			const visible = (await call('GET', '/panels?limit=-1&fields=id,dashboard', { token })).body.data as Panel[];
			expect(new Set(visible.map((panel) => panel.dashboard))).toEqual(new Set(expected));
			expect(visible.length).toBe(panels.filter((panel) => expected.includes(panel.dashboard)).length);
			// by key too: another role's dashboard is out of reach
			const other = Object.values(DASHBOARD_IDS).find((id) => !expected.includes(id))!;
			expect((await call('GET', `/dashboards/${other}`, { token })).status).toBe(403);
			// GraphQL (the Insights module reads panels' data through it) is scoped the same
			const graphql = await call('POST', '/graphql/system', { token, body: { query: '{ dashboards { id } }' } });
			expect(ids(graphql.body.data?.dashboards ?? [])).toEqual([...expected].sort());
		});
	}

	it('the elected official (Arabic UI) reads the names in Arabic', async () => {
		const token = await loginAs('elu');
		const dashboard = (await call('GET', `/dashboards/${DASHBOARD_IDS.elected}?fields=name`, { token })).body.data;
		expect(dashboard.name).toBe('لوحة قيادة المنتخبين');
		const rows = (await call('GET', '/panels?limit=-1&fields=name,type,options', { token })).body.data as Panel[];
		expect(rows.map((panel) => panel.name)).toContain('ترتيب المقاطعات');
		const period = rows.find((panel) => panel.type === 'variable' && panel.options.field === 'period')!;
		expect(period.options.options.choices.map((choice: { text: string }) => choice.text)).toContain('آخر 30 يوماً');
	});
});

describe('no personal data through the dashboards for the mayor and elected officials', () => {
	for (const account of ['maire', 'elu']) {
		it(`${account}: the panels answer, personal fields are refused or absent`, async () => {
			const token = await loginAs(account);
			for (const panel of panels.filter((row) => row.dashboard === DASHBOARD_IDS.elected)) {
				const path = panelQuery(panel);
				if (!path) continue;
				const response = await call('GET', path, { token });
				expect(response.status, `${panel.name}: ${JSON.stringify(response.body.errors)}`).toBe(200);
				expect(JSON.stringify(response.body)).not.toMatch(/\+212|@/);
			}
			// the generic API gives them nothing on complaints, whatever the fields
			for (const fields of ['citizen_name', 'reference,citizen_phone', '*'])
				expect((await call('GET', `/items/complaints?fields=${fields}&limit=5`, { token })).status).toBe(403);
			expect((await call('GET', '/items/complaints?aggregate[count]=*', { token })).status).toBe(403);
			const graphql = await call('POST', '/graphql', {
				token,
				body: { query: '{ complaints(limit: 5) { id citizen_name citizen_phone } }' },
			});
			expect(graphql.body.data?.complaints ?? null).toBeNull();
			expect(JSON.stringify(graphql.body)).not.toMatch(/\+212/);
			// lists of complaints are not theirs: they open no complaint
			expect((await call('GET', '/insights/indicator?name=backlog_oldest', { token })).status).toBe(403);
			// the monthly figures panel reads /reports
			expect((await call('GET', '/reports/monthly?format=json', { token })).status).toBe(200);
		});
	}
});
