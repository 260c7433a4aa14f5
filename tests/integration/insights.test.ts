// The Insights map and SLA endpoints over a real Directus. Five complaints are
// created through the API, then moved (place, dates, states) straight in the
// database into 2019, a period no other complaint has: every figure below is
// exact whatever else the shared platform holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseConnection } from '../../scripts/provision/demo-data';
import { adminToken, call, createComplaint, loginAs, platform } from '../helpers/api';

const PERIOD = 'from=2019-06-01&to=2019-06-30';
const CITY = 'bbox=-7.80,33.45,-7.40,33.70';
const day = (d: number, h = 10) => new Date(Date.UTC(2019, 5, d, h));

interface Crafted {
	id: string;
	reference: string;
}
const crafted: Record<'a' | 'b' | 'c' | 'd' | 'e', Crafted> = {} as never;
let otherArrondissement = '';

beforeAll(async () => {
	const areas = (await call('GET', '/items/arrondissements?fields=code&sort=code&limit=-1', { token: adminToken() }))
		.body.data as { code: string }[];
	otherArrondissement = areas[areas.length - 1].code;
	// a, b, c: Propreté, a and c at the same place, b ten metres away; d, e: Éclairage public, elsewhere
	const plan = {
		a: {
			category: 'PROP-01',
			latitude: 33.59,
			longitude: -7.62,
			status: 'in_progress',
			sla_state: 'at_risk',
			received_at: day(3),
			resolve_due_at: day(20),
			resolved_at: null,
		},
		b: {
			category: 'PROP-01',
			latitude: 33.5901,
			longitude: -7.6201,
			status: 'resolved',
			sla_state: 'on_track',
			received_at: day(3),
			resolve_due_at: day(10),
			resolved_at: day(8),
		},
		c: {
			category: 'PROP-01',
			latitude: 33.59,
			longitude: -7.62,
			status: 'resolved',
			sla_state: 'breached',
			received_at: day(4),
			resolve_due_at: day(10),
			resolved_at: day(12),
		},
		d: {
			category: 'ECL-01',
			latitude: 33.56,
			longitude: -7.55,
			status: 'new',
			sla_state: 'breached',
			received_at: day(5),
			resolve_due_at: day(9),
			resolved_at: null,
			arrondissement: otherArrondissement,
		},
		e: {
			category: 'ECL-01',
			latitude: 33.53,
			longitude: -7.65,
			status: 'closed',
			sla_state: 'on_track',
			received_at: day(6),
			resolve_due_at: day(14),
			resolved_at: day(7),
		},
	};
	const knex = databaseConnection(platform().config);
	try {
		for (const [key, values] of Object.entries(plan)) {
			const { category, ...rest } = values;
			const created = await createComplaint({ category, citizen_name: 'Amina Secret', citizen_phone: '0612345678' });
			crafted[key as keyof typeof crafted] = { id: created.id, reference: created.reference };
			await knex('complaints').where({ id: created.id }).update(rest);
		}
	} finally {
		await knex.destroy();
	}
});

const sum = (clusters: { count: number }[]) => clusters.reduce((total, cluster) => total + cluster.count, 0);

describe('GET /insights/clusters', () => {
	it('keeps the bench query working (whole city, zoom 11)', async () => {
		const response = await call('GET', `/insights/clusters?${CITY}&zoom=11`, { token: adminToken() });
		expect(response.status).toBe(200);
		expect(response.body.data.total).toBeGreaterThan(0);
		expect(response.body.data.clusters.length).toBeLessThan(200);
		expect(response.body.data.cell_size).toBeCloseTo(360 / 8192);
	});

	it('groups the whole city: the three neighbours in one cluster, single complaints as points with their id', async () => {
		const response = await call('GET', `/insights/clusters?${CITY}&zoom=11&${PERIOD}`, { token: adminToken() });
		expect(response.status).toBe(200);
		const { total, clusters } = response.body.data;
		expect(total).toBe(5);
		expect(clusters).toHaveLength(3);
		expect(clusters[0]).toMatchObject({
			count: 3,
			point: false,
			counts: { in_progress: 1, resolved: 2 },
			dominant: 'resolved',
		});
		expect(clusters[0]).not.toHaveProperty('id');
		expect(clusters[0].latitude).toBeCloseTo(33.59003, 4);
		expect(clusters[0].longitude).toBeCloseTo(-7.62003, 4);
		const points = clusters.filter((cluster: { point: boolean }) => cluster.point);
		expect(points.map((point: { id: string }) => point.id).sort()).toEqual([crafted.d.id, crafted.e.id].sort());
		const e = points.find((point: { id: string }) => point.id === crafted.e.id);
		expect(e).toMatchObject({
			reference: crafted.e.reference,
			latitude: 33.53,
			longitude: -7.65,
			counts: { closed: 1 },
		});
		// never any personal data or description
		const text = JSON.stringify(response.body);
		expect(text).not.toContain('Amina');
		expect(text).not.toContain('0612345678');
		expect(text).not.toContain('Bac débordant');
	});

	it('splits the cluster when zoomed in on it, down to each complaint (co-located ones too)', async () => {
		const bbox = 'bbox=-7.6215,33.5895,-7.6185,33.5910';
		const mid = await call('GET', `/insights/clusters?${bbox}&zoom=15&${PERIOD}`, { token: adminToken() });
		expect(mid.status).toBe(200);
		expect(mid.body.data.total).toBe(3);
		// zoom 17: still a grid, a and c share their cell
		const grid = await call('GET', `/insights/clusters?${bbox}&zoom=17&${PERIOD}`, { token: adminToken() });
		expect(grid.body.data.total).toBe(3);
		expect(grid.body.data.clusters.some((cluster: { count: number }) => cluster.count >= 2)).toBe(true);
		// zoom 18 and more: one point per complaint
		const close = await call('GET', `/insights/clusters?${bbox}&zoom=19&${PERIOD}`, { token: adminToken() });
		expect(close.status).toBe(200);
		expect(close.body.data.clusters).toHaveLength(3);
		expect(close.body.data.clusters.every((cluster: { point: boolean }) => cluster.point)).toBe(true);
		expect(close.body.data.clusters.map((cluster: { id: string }) => cluster.id).sort()).toEqual(
			[crafted.a.id, crafted.b.id, crafted.c.id].sort(),
		);
	});

	it('filters by service, arrondissement, status and colours by SLA state', async () => {
		const token = adminToken();
		const ecl = await call('GET', `/insights/clusters?${CITY}&zoom=11&${PERIOD}&service=ECL`, { token });
		expect(ecl.body.data.total).toBe(2);
		const area = await call(
			'GET',
			`/insights/clusters?${CITY}&zoom=11&${PERIOD}&arrondissement=${otherArrondissement}`,
			{ token },
		);
		expect(area.body.data.clusters.map((cluster: { id: string }) => cluster.id)).toEqual([crafted.d.id]);
		const done = await call('GET', `/insights/clusters?${CITY}&zoom=11&${PERIOD}&status=resolved,closed`, { token });
		expect(done.body.data.total).toBe(3);
		const sla = await call('GET', `/insights/clusters?${CITY}&zoom=11&${PERIOD}&colour=sla_state`, { token });
		expect(sla.body.data.colour).toBe('sla_state');
		expect(sla.body.data.clusters[0]).toMatchObject({ count: 3, counts: { at_risk: 1, on_track: 1, breached: 1 } });
		const june4 = await call('GET', `/insights/clusters?${CITY}&zoom=11&from=2019-06-04&to=2019-06-05`, { token });
		expect(june4.body.data.total).toBe(2);
		const outside = await call('GET', `/insights/clusters?bbox=-7.70,33.52,-7.64,33.54&zoom=11&${PERIOD}`, { token });
		expect(sum(outside.body.data.clusters)).toBe(1);
	});

	it('refuses bad parameters field by field, in French or Arabic', async () => {
		const fr = await call('GET', '/insights/clusters?bbox=-7.4,33.45,-7.8&zoom=42&colour=rainbow', {
			token: adminToken(),
		});
		expect(fr.status).toBe(400);
		const fields = fr.body.errors!.map((error) => error.extensions.field).sort();
		expect(fields).toEqual(['bbox', 'colour', 'zoom']);
		const zoom = fr.body.errors!.find((error) => error.extensions.field === 'zoom')!;
		expect(zoom.message).toBe('Le zoom doit être un nombre entre 0 et 20.');
		const ar = await call('GET', '/insights/clusters?zoom=11&from=hier&lang=ar', { token: adminToken() });
		expect(ar.status).toBe(400);
		expect(ar.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['bbox', 'from']);
		expect(ar.body.errors![0].message).toMatch(/[\u0600-\u06FF]/);
	});

	it('answers 401 without a session', async () => {
		const response = await call('GET', `/insights/clusters?${CITY}&zoom=11`);
		expect(response.status).toBe(401);
		expect((await call('GET', '/insights/sla')).status).toBe(401);
	});
});

describe('scope', () => {
	it('shows a service head only their service, with ids', async () => {
		const token = await loginAs('chef-service');
		const map = await call('GET', `/insights/clusters?${CITY}&zoom=11&${PERIOD}`, { token });
		expect(map.status).toBe(200);
		expect(map.body.data.total).toBe(3);
		// asking for another service gives nothing, not that service's complaints
		const other = await call('GET', `/insights/clusters?${CITY}&zoom=11&${PERIOD}&service=ECL`, { token });
		expect(other.body.data.total).toBe(0);
		const close = await call('GET', `/insights/clusters?bbox=-7.6215,33.5895,-7.6185,33.5910&zoom=19&${PERIOD}`, {
			token,
		});
		expect(close.body.data.clusters).toHaveLength(3);
		expect(close.body.data.clusters.every((cluster: { id?: string }) => typeof cluster.id === 'string')).toBe(true);
		const sla = await call('GET', `/insights/sla?${PERIOD}`, { token });
		expect(sla.body.data.services.map((figure: { service: string }) => figure.service)).toEqual(['PROP']);
	});

	it('gives the mayor aggregates only: points without id or reference', async () => {
		const token = await loginAs('maire');
		const response = await call('GET', `/insights/clusters?${CITY}&zoom=11&${PERIOD}`, { token });
		expect(response.status).toBe(200);
		expect(response.body.data.total).toBe(5);
		const points = response.body.data.clusters.filter((cluster: { point: boolean }) => cluster.point);
		expect(points).toHaveLength(2);
		for (const point of points) {
			expect(point).not.toHaveProperty('id');
			expect(point).not.toHaveProperty('reference');
		}
		expect(JSON.stringify(response.body)).not.toContain(crafted.e.reference);
		// zoomed in to single complaints: still no id
		const close = await call('GET', `/insights/clusters?bbox=-7.6215,33.5895,-7.6185,33.5910&zoom=19&${PERIOD}`, {
			token,
		});
		expect(close.body.data.clusters).toHaveLength(3);
		expect(JSON.stringify(close.body)).not.toMatch(/"id"|"reference"|CAS-/);
	});
});

describe('map tiles in the admin app', () => {
	it('allows the configured tile host in the admin app’s Content-Security-Policy', async () => {
		const { config, url } = platform();
		const host = /^(https?:\/\/[^/]+)/.exec(config.portal.tileUrl.replace(/\{s\}/g, '*'))![1];
		const response = await fetch(`${url}/admin/`);
		const policy = response.headers.get('content-security-policy') ?? '';
		const imgSrc =
			policy
				.split(';')
				.map((part) => part.trim())
				.find((part) => part.startsWith('img-src')) ?? '';
		expect(imgSrc).toContain(host);
		// the map panel reads the same setting as the portal
		const portal = await call('GET', '/portal/api/config');
		expect(portal.body.data.tileUrl).toBe(config.portal.tileUrl);
	});
});

describe('GET /insights/sla', () => {
	it('gives the on-time rate per service and the open complaints at risk or late', async () => {
		const response = await call('GET', `/insights/sla?${PERIOD}`, { token: adminToken() });
		expect(response.status).toBe(200);
		const byService = Object.fromEntries(
			response.body.data.services.map((figure: { service: string }) => [figure.service, figure]),
		);
		expect(byService.PROP).toMatchObject({
			resolved: 2,
			on_time: 1,
			on_time_rate: 0.5,
			open: 1,
			at_risk: 1,
			breached: 0,
			name_fr: expect.any(String),
		});
		expect(byService.ECL).toMatchObject({ resolved: 1, on_time: 1, on_time_rate: 1, open: 1, at_risk: 0, breached: 1 });
		expect(response.body.data.total).toMatchObject({ resolved: 3, on_time: 2, open: 2 });
		const filtered = await call('GET', `/insights/sla?${PERIOD}&service=ECL&arrondissement=${otherArrondissement}`, {
			token: adminToken(),
		});
		expect(filtered.body.data.services).toEqual([
			expect.objectContaining({ service: 'ECL', resolved: 0, on_time_rate: null, open: 1, breached: 1 }),
		]);
	});

	it('gives the same figures per team, each team under its own service', async () => {
		const byService = await call('GET', `/insights/sla?${PERIOD}`, { token: adminToken() });
		const byTeam = await call('GET', `/insights/sla?${PERIOD}&group=team`, { token: adminToken() });
		expect(byTeam.status).toBe(200);
		expect(byTeam.body.data.total).toEqual(byService.body.data.total);
		const teams = byTeam.body.data.services as {
			team: string | null;
			service: string | null;
			name_fr: string | null;
			resolved: number;
			open: number;
		}[];
		expect(teams.length).toBeGreaterThan(0);
		const known = await call('GET', '/items/teams?fields=id,service,name_fr&limit=-1', { token: adminToken() });
		const serviceOf = new Map(
			(known.body.data as { id: string; service: string }[]).map((team) => [team.id, team.service]),
		);
		const named = teams.filter((figure) => figure.team !== null);
		expect(named.length).toBeGreaterThan(0);
		for (const figure of named) {
			expect(figure.service).toBe(serviceOf.get(figure.team!));
			expect(figure.name_fr).toEqual(expect.any(String));
		}
		const bad = await call('GET', `/insights/sla?${PERIOD}&group=agent`, { token: adminToken() });
		expect(bad.status).toBe(400);
		expect(bad.body.errors!.map((error) => error.extensions.field)).toEqual(['group']);
	});

	it('refuses a bad period in the caller’s language', async () => {
		const response = await call('GET', '/insights/sla?from=2019-06-30&to=2019-06-01&service=a%20b&lang=ar', {
			token: adminToken(),
		});
		expect(response.status).toBe(400);
		expect(response.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['service', 'to']);
		expect(response.body.errors![0].message).toMatch(/[\u0600-\u06FF]/);
	});
});
