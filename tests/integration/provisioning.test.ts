import { describe, expect, it } from 'vitest';
import { provision } from '../../scripts/provision/index';
import { compositeIndexes } from '../../schema/indexes';
import { adminToken, call, loginAs, platform } from '../helpers/api';

const COUNTED = [
	'/items/services',
	'/items/categories',
	'/items/arrondissements',
	'/items/prefectures',
	'/items/holidays',
	'/items/work_schedules',
	'/items/teams',
	'/items/routing_rules',
	'/items/complaints',
	'/items/complaint_events',
	'/roles',
	'/policies',
	'/permissions',
	'/presets',
	'/translations',
	'/users',
	'/fields',
	'/relations',
];

async function counts(): Promise<Record<string, number>> {
	const entries = await Promise.all(
		COUNTED.map(async (path) => {
			const response = await call(
				'GET',
				`${path}${path.includes('?') ? '&' : '?'}limit=-1&fields=${path.startsWith('/fields') || path.startsWith('/relations') ? 'field' : '*'}`,
				{ token: adminToken() },
			);
			return [path, (response.body.data as unknown[]).length] as const;
		}),
	);
	return Object.fromEntries(entries);
}

describe('provisioning', () => {
	it('is idempotent: a second start changes nothing', async () => {
		const before = await counts();
		expect(before['/items/categories']).toBe(47);
		expect(before['/items/arrondissements']).toBe(16);
		expect(before['/items/services']).toBe(9);
		const log: string[] = [];
		await provision(platform().config, (message) => log.push(message));
		expect(log).toEqual([]);
		expect(await counts()).toEqual(before);
	});

	it('keeps what an administrator edited', async () => {
		const edited = await call('PATCH', '/items/categories/PROP-06', {
			token: adminToken(),
			body: { resolve_in: 4, name_fr: 'Balayage insuffisant (modifié)' },
		});
		expect(edited.status).toBe(200);
		await provision(platform().config, () => {});
		const after = await call('GET', '/items/categories/PROP-06?fields=resolve_in,name_fr', { token: adminToken() });
		expect(after.body.data).toEqual({ resolve_in: 4, name_fr: 'Balayage insuffisant (modifié)' });
	});

	it('does not bring back a seeded holiday an administrator deleted or moved to its observed date', async () => {
		// an estimated Islamic holiday, observed a day later: the administrator moves it
		const holidays = await call(
			'GET',
			'/items/holidays?fields=id,date,status&filter[kind][_eq]=islamic&sort=-date&limit=2',
			{ token: adminToken() },
		);
		expect(holidays.body.data.length).toBe(2);
		const [moved, deleted] = holidays.body.data as { id: string; date: string }[];
		const observed = new Date(Date.parse(`${moved.date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		expect(
			(
				await call('PATCH', `/items/holidays/${moved.id}`, {
					token: adminToken(),
					body: { date: observed, status: 'official' },
				})
			).status,
		).toBe(200);
		expect((await call('DELETE', `/items/holidays/${deleted.id}`, { token: adminToken() })).status).toBe(204);
		const log: string[] = [];
		await provision(platform().config, (message) => log.push(message));
		expect(log).toEqual([]);
		const dates = (
			await call(
				'GET',
				`/items/holidays?fields=date&filter[date][_in]=${moved.date},${deleted.date},${observed}&limit=-1`,
				{ token: adminToken() },
			)
		).body.data.map((row: { date: string }) => row.date);
		expect(dates).toEqual([observed]);
	});

	it('widens a text column that schema/ made wider, keeping its data', async () => {
		const narrowed = await call('PATCH', '/fields/complaints/registry_number', {
			token: adminToken(),
			body: { schema: { max_length: 40 } },
		});
		expect(narrowed.status).toBe(200);
		expect(
			(await call('GET', '/fields/complaints/registry_number', { token: adminToken() })).body.data.schema.max_length,
		).toBe(40);
		const log: string[] = [];
		await provision(platform().config, (message) => log.push(message));
		expect(log).toEqual(['widening complaints.registry_number to 64']);
		expect(
			(await call('GET', '/fields/complaints/registry_number', { token: adminToken() })).body.data.schema.max_length,
		).toBe(64);
	});

	it('answers the first-login dialogs: owner set, French by default', async () => {
		const settings = await call('GET', '/settings?fields=project_name,default_language,project_owner,project_usage', {
			token: adminToken(),
		});
		// project_owner answers the owner banner, project_usage the "Have a license key?" onboarding
		expect(settings.body.data).toEqual({
			project_name: 'Casa Réclamations',
			default_language: 'fr-FR',
			project_owner: 'admin@casablanca.ma',
			project_usage: 'commercial',
		});
	});

	it('creates the composite indexes of schema/indexes.ts in the database, for administrators only', async () => {
		const indexes = await call('GET', '/casa-schema/indexes', { token: adminToken() });
		expect(indexes.status).toBe(200);
		expect(indexes.body.data.map((index: { name: string }) => index.name).sort()).toEqual(
			compositeIndexes.map((index) => index.name).sort(),
		);
		for (const index of indexes.body.data) expect(index.present, index.name).toBe(true);
		// provisioning already made them: a second pass creates nothing
		const again = await call('POST', '/casa-schema/indexes', { token: adminToken() });
		expect(again.body.data.created).toEqual([]);
		const head = await loginAs('chef-service');
		expect((await call('POST', '/casa-schema/indexes', { token: head })).status).toBe(403);
		expect((await call('GET', '/casa-schema/indexes', { token: null })).status).toBe(403);
	});
});
