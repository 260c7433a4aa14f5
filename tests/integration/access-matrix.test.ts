// Access matrix over real HTTP: for every staff role, which complaints it can
// list, read, change, delete, count, export and query, what it sees of the
// citizen's personal data and of the history; and what an anonymous caller
// gets. Scoped staff roles hold no Directus permission on complaint data:
// the generic API refuses them everything (Directus itself, no hook), and the
// same cases go through the project's /workspace endpoints, which ask the
// access matrix. (The randomised version of this file: access-differential.)
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections } from '../../schema/collections';
import { defaultTeamId } from '../../scripts/provision/reference-data';
import {
	type ApiResponse,
	CONTACT_FIELDS,
	adminToken,
	adminUser,
	call,
	createComplaint,
	loginAs,
	withCitizen,
} from '../helpers/api';

const HAY_HASSANI = '06.141.01.31';
const SIDI_BERNOUSSI = '06.141.01.51';
const PROP_TEAM = '5e7a0000-0000-4000-8000-50524f503030';
const IN_HAY_HASSANI = { latitude: 33.5463, longitude: -7.6787 };
const IN_SIDI_BERNOUSSI = { latitude: 33.621291, longitude: -7.503336 };
const PERSONAL = ['citizen_name', 'citizen_phone', 'citizen_email'] as const;

type Key = 'A' | 'B' | 'C';
const KEYS: Key[] = ['A', 'B', 'C'];

interface Fixture {
	id: string;
	reference: string;
	citizen_name: string;
	citizen_phone: string;
	citizen_email: string;
}
const fixtures = {} as Record<Key, Fixture>;
const run = randomUUID().slice(0, 8);
const word = `matrice${run.replace(/[^a-z0-9]/g, '')}`;

interface RoleCase {
	account: string;
	/** fixtures the role may open (and only those) */
	visible: Key[];
	/** works complaints: its commands change an in-scope complaint */
	works: boolean;
	/** reads the citizen's contact details, on request */
	personalData: boolean;
}

const MATRIX: RoleCase[] = [
	{ account: 'bureau-ordre', visible: ['A'], works: true, personalData: true },
	{ account: 'agent', visible: ['A', 'B'], works: true, personalData: true },
	{ account: 'chef-service', visible: ['A', 'B'], works: true, personalData: true },
	{ account: 'dgs', visible: ['A', 'B', 'C'], works: false, personalData: true },
	// officials: figures only, never a complaint or a citizen
	{ account: 'elu', visible: [], works: false, personalData: false },
	{ account: 'maire', visible: [], works: false, personalData: false },
];

const ids = (...keys: Key[]) => keys.map((key) => fixtures[key].id);
const keyOf = (id: string): Key | string => KEYS.find((key) => fixtures[key].id === id) ?? id;
const keysIn = (rows: { id: string }[] | undefined) => (rows ?? []).map((row) => keyOf(row.id)).sort();
const idList = () => ids(...KEYS).join(',');
const inFilter = () => `filter[id][_in]=${idList()}`;

async function asAdmin(key: Key) {
	const response = await call('GET', `/items/complaints/${fixtures[key].id}?fields=*,${CONTACT_FIELDS}`, {
		token: adminToken(),
	});
	expect(response.status, `admin read of ${key}`).toBe(200);
	return withCitizen(response.body.data as Record<string, any>);
}
async function historyCount(key: Key) {
	const response = await call(
		'GET',
		`/items/complaint_events?filter[complaint][_eq]=${fixtures[key].id}&aggregate[count]=*`,
		{ token: adminToken() },
	);
	return Number(response.body.data[0].count);
}

/** Status and error of a refusal, for comparing two refusals byte for byte. */
const refusal = (response: ApiResponse) => ({
	status: response.status,
	errors: response.body.errors,
	data: response.body.data,
});

beforeAll(async () => {
	const personal = (key: Key) => ({
		citizen_name: `Citoyen ${key} ${run}`,
		citizen_phone: `+2126${run
			.replace(/[^0-9]/g, '')
			.padEnd(4, '0')
			.slice(0, 4)}00${KEYS.indexOf(key)}`,
		citizen_email: `citoyen.${key.toLowerCase()}.${run}@example.ma`,
	});
	const specs: Record<Key, Record<string, unknown>> = {
		A: { category: 'PROP-01', ...IN_HAY_HASSANI, description: `Matrice A ${word}` },
		B: { category: 'PROP-01', ...IN_SIDI_BERNOUSSI, description: `Matrice B ${word}` },
		C: { category: 'VOI-01', ...IN_SIDI_BERNOUSSI, description: `Matrice C ${word}` },
	};
	for (const key of KEYS) {
		const data = personal(key);
		const created = await createComplaint({ ...specs[key], ...data });
		fixtures[key] = { id: created.id, reference: created.reference, ...data };
	}
	for (const key of KEYS) {
		const attachment = await call('POST', '/items/complaint_files', {
			token: adminToken(),
			body: { complaints_id: fixtures[key].id, kind: 'document' },
		});
		if (attachment.status !== 200)
			throw new Error(`attachment for ${key}: ${attachment.status} ${JSON.stringify(attachment.body)}`);
	}
});

describe('fixtures (as administrator, who keeps the generic API)', () => {
	it('are routed and located as the matrix assumes', async () => {
		expect(defaultTeamId('PROP')).toBe(PROP_TEAM);
		const rows = await Promise.all(KEYS.map(asAdmin));
		const [a, b, c] = rows;
		const registry = await adminUser('bureau.ordre@casablanca.ma');
		expect(registry?.id).toBeTruthy();
		expect({ arrondissement: a.arrondissement, service: a.service, team: a.team }).toEqual({
			arrondissement: HAY_HASSANI,
			service: 'PROP',
			team: PROP_TEAM,
		});
		expect({ arrondissement: b.arrondissement, service: b.service, team: b.team }).toEqual({
			arrondissement: SIDI_BERNOUSSI,
			service: 'PROP',
			team: PROP_TEAM,
		});
		expect(c.arrondissement).toBe(SIDI_BERNOUSSI);
		expect(c.service).not.toBe('PROP');
		expect(c.team).not.toBe(PROP_TEAM);
		for (const row of rows) {
			// nobody is assigned, and no demo account created them: scope comes only from arrondissement/team/service
			expect(row.assignee).toBeNull();
			expect(row.user_created).not.toBeNull();
			expect(row.user_created).not.toBe(registry.id);
		}
		KEYS.forEach((key, index) => {
			for (const field of PERSONAL) expect(rows[index][field]).toBe(fixtures[key][field]);
		});
	});

	it('are all listed, have history and attachments for the administrator (the _in filter works)', async () => {
		const list = await call('GET', `/items/complaints?${inFilter()}&fields=id`, { token: adminToken() });
		expect(list.status).toBe(200);
		expect(keysIn(list.body.data)).toEqual(KEYS);
		for (const key of KEYS) expect(await historyCount(key)).toBeGreaterThan(0);
		const files = await call(
			'GET',
			`/items/complaint_files?filter[complaints_id][_in]=${idList()}&fields=complaints_id&limit=-1`,
			{ token: adminToken() },
		);
		expect(files.status).toBe(200);
		expect(new Set(files.body.data.map((row: { complaints_id: string }) => keyOf(row.complaints_id)))).toEqual(
			new Set(KEYS),
		);
	});
});

describe.each(MATRIX)('as $account', (role) => {
	const outOfScope = KEYS.filter((key) => !role.visible.includes(key));
	let token: string;

	beforeAll(async () => {
		// roles share the 3 Core seats: log in right before this role's tests
		token = await loginAs(role.account);
	});

	describe('the generic API refuses every complaint path (no Directus permission)', () => {
		const refused: [string, string, () => string, unknown?][] = [
			['list', 'GET', () => `/items/complaints?${inFilter()}&fields=id`],
			['read A', 'GET', () => `/items/complaints/${fixtures.A.id}?fields=id`],
			['read a non-existent complaint', 'GET', () => `/items/complaints/${randomUUID()}?fields=id`],
			['count with aggregate[count]', 'GET', () => `/items/complaints?aggregate[count]=*&${inFilter()}`],
			['export=json', 'GET', () => `/items/complaints?export=json&${inFilter()}&fields=id,reference`],
			[
				'filter on citizen_phone',
				'GET',
				() => `/items/complaints?fields=id&filter[citizen_phone][_eq]=${encodeURIComponent(fixtures.A.citizen_phone)}`,
			],
			['search', 'GET', () => `/items/complaints?fields=id&search=${encodeURIComponent(fixtures.A.citizen_phone)}`],
			[
				'groupBy citizen_phone',
				'GET',
				() => `/items/complaints?aggregate[count]=*&groupBy[]=citizen_phone&${inFilter()}`,
			],
			['history', 'GET', () => `/items/complaint_events?filter[complaint][_in]=${idList()}&fields=complaint`],
			[
				'history → citizen data',
				'GET',
				() => `/items/complaint_events?fields=complaint.id,complaint.citizen_phone&limit=-1`,
			],
			[
				'attachments',
				'GET',
				() => `/items/complaint_files?filter[complaints_id][_in]=${idList()}&fields=complaints_id`,
			],
			['update A', 'PATCH', () => `/items/complaints/${fixtures.A.id}`, { address: `x ${run}` }],
			['update a non-existent complaint', 'PATCH', () => `/items/complaints/${randomUUID()}`, { address: `x ${run}` }],
			['add history to A', 'POST', () => '/items/complaint_events', { complaint: 'A', type: 'note', body: `x ${run}` }],
		];
		it.each(refused)('%s → 403, nothing shown', async (_label, method, path, body) => {
			const payload =
				body && typeof body === 'object' && 'complaint' in body ? { ...body, complaint: fixtures.A.id } : body;
			const response = await call(method, path(), { token, body: payload });
			expect(response.status).toBe(403);
			expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
			expect(response.body.data).toBeUndefined();
			expect(JSON.stringify(response.body)).not.toContain(fixtures.A.citizen_phone);
		});

		// (the complaint hooks run before Directus's permission check on update and delete: a worker's PATCH of an
		// in-scope complaint gets Directus's own 403 wording; out of scope and absent are the hook's same 403)
		const probe = outOfScope[0] ?? 'A';
		it(`refuses ${probe} as it refuses a non-existent complaint (read, update, delete)`, async () => {
			for (const method of ['GET', 'PATCH', 'DELETE']) {
				const body = method === 'PATCH' ? { address: `x ${run}` } : undefined;
				const [known, missing] = await Promise.all([
					call(method, `/items/complaints/${fixtures[probe].id}`, { token, body }),
					call(method, `/items/complaints/${randomUUID()}`, { token, body }),
				]);
				expect([400, 403], method).toContain(known.status);
				expect(refusal(known), method).toEqual(refusal(missing));
			}
		});

		it.each(KEYS)('cannot delete %s (the register refuses every delete), which is still there', async (key) => {
			const response = await call('DELETE', `/items/complaints/${fixtures[key].id}`, { token });
			expect([400, 403]).toContain(response.status);
			expect(response.body.errors?.length).toBeGreaterThan(0);
			expect((await asAdmin(key)).id).toBe(fixtures[key].id);
		});

		it('has no complaints in its GraphQL schema', async () => {
			const query = `{ complaints(filter: { id: { _in: ${JSON.stringify(ids(...KEYS))} } }) { id citizen_phone } }`;
			const response = await call('POST', '/graphql', { token, body: { query } });
			expect(response.body.errors?.length).toBeGreaterThan(0);
			expect(response.body.data ?? null).toBeNull();
			expect(JSON.stringify(response.body)).not.toContain(fixtures.A.citizen_phone);
		});

		it('left every fixture unchanged', async () => {
			for (const key of KEYS) expect((await asAdmin(key)).address ?? null).not.toBe(`x ${run}`);
		});
	});

	describe('through /workspace', () => {
		if (role.visible.length > 0) {
			it(`lists exactly {${role.visible.join(',')}} and counts ${role.visible.length}`, async () => {
				const response = await call('GET', `/workspace/complaints?q=${word}&limit=100`, { token });
				expect(response.status).toBe(200);
				expect(keysIn(response.body.data)).toEqual(role.visible);
				expect(response.body.meta.total).toBe(role.visible.length);
			});

			it(`reads an in-scope complaint (${role.visible[0]}) with its history`, async () => {
				const key = role.visible[0];
				const response = await call('GET', `/workspace/complaints/${fixtures[key].id}`, { token });
				expect(response.status).toBe(200);
				expect(response.body.data.id).toBe(fixtures[key].id);
				expect(response.body.data.description).toBe(`Matrice ${key} ${word}`);
				expect(response.body.data.history.length).toBeGreaterThan(0);
			});
		} else {
			it('has no queue', async () => {
				const response = await call('GET', `/workspace/complaints?q=${word}`, { token });
				expect(response.status).toBe(403);
				expect(JSON.stringify(response.body)).not.toContain(fixtures.A.reference);
			});
		}

		it('gets 403 reading a non-existent complaint', async () => {
			const response = await call('GET', `/workspace/complaints/${randomUUID()}`, { token });
			expect(response.status).toBe(403);
		});

		if (outOfScope.length > 0) {
			it.each(outOfScope)(
				'gets the same 403 reading out-of-scope %s (and its history) as a non-existent complaint',
				async (key) => {
					const [outside, missing] = await Promise.all([
						call('GET', `/workspace/complaints/${fixtures[key].id}`, { token }),
						call('GET', `/workspace/complaints/${randomUUID()}`, { token }),
					]);
					expect(outside.status).toBe(403);
					expect(refusal(outside)).toEqual(refusal(missing));
					expect(JSON.stringify(outside.body)).not.toContain(fixtures[key].reference);
				},
			);

			it.each(outOfScope)(
				'gets the same 403 giving out-of-scope %s a command as a non-existent complaint, and it stays unchanged',
				async (key) => {
					const before = [await asAdmin(key), await historyCount(key)];
					const body = { body: `x ${role.account} ${run}` };
					const outside = await call('POST', `/workspace/complaints/${fixtures[key].id}/commands/note`, {
						token,
						body,
					});
					const missing = await call('POST', `/workspace/complaints/${randomUUID()}/commands/note`, { token, body });
					expect(outside.status).toBe(403);
					expect(refusal(outside)).toEqual(refusal(missing));
					expect([await asAdmin(key), await historyCount(key)]).toEqual(before);
				},
			);
		}

		if (role.works) {
			it(`changes an in-scope complaint (${role.visible[0]}) through a command, recorded in its history`, async () => {
				const key = role.visible[0];
				const before = await historyCount(key);
				const response = await call('POST', `/workspace/complaints/${fixtures[key].id}/commands/note`, {
					token,
					body: { body: `note ${role.account} ${run}` },
				});
				expect(response.status).toBe(200);
				expect(await historyCount(key)).toBe(before + 1);
			});
		} else if (role.visible.length > 0) {
			it(`gets 403 giving even an in-scope complaint (${role.visible[0]}) a command, which stays unchanged`, async () => {
				const key = role.visible[0];
				const before = [await asAdmin(key), await historyCount(key)];
				const response = await call('POST', `/workspace/complaints/${fixtures[key].id}/commands/note`, {
					token,
					body: { body: `x ${run}` },
				});
				expect(response.status).toBe(403);
				expect([await asAdmin(key), await historyCount(key)]).toEqual(before);
			});
		}

		it.each(KEYS)('cannot delete %s (there is no such command), which is still there', async (key) => {
			const response = await call('POST', `/workspace/complaints/${fixtures[key].id}/commands/delete`, {
				token,
				body: {},
			});
			expect(role.visible.includes(key) ? 400 : 403).toBe(response.status);
			expect((await asAdmin(key)).id).toBe(fixtures[key].id);
		});

		if (role.personalData) {
			it(`reads the citizen's contact details of an in-scope complaint (${role.visible[0]}) on request only`, async () => {
				const key = role.visible[0];
				const view = await call('GET', `/workspace/complaints/${fixtures[key].id}`, { token });
				for (const field of PERSONAL) expect(view.body.data).not.toHaveProperty(field);
				expect(JSON.stringify(view.body)).not.toContain(fixtures[key].citizen_phone);
				expect(view.body.data.contact).toEqual({ available: true, may_read: true });
				const contact = await call('GET', `/workspace/complaints/${fixtures[key].id}/contact?screen=complaint`, {
					token,
				});
				expect(contact.status).toBe(200);
				expect(contact.body.data).toMatchObject({
					name: fixtures[key].citizen_name,
					phone: fixtures[key].citizen_phone,
					email: fixtures[key].citizen_email,
				});
			});
			if (outOfScope.length > 0) {
				it.each(outOfScope)('cannot read the contact details of out-of-scope %s', async (key) => {
					const response = await call('GET', `/workspace/complaints/${fixtures[key].id}/contact`, { token });
					expect(response.status).toBe(403);
					expect(JSON.stringify(response.body)).not.toContain(fixtures[key].citizen_phone);
				});
			}
		} else {
			it.each(KEYS)('gets no citizen data of %s, not even through the contact route', async (key) => {
				for (const path of [
					`/workspace/complaints/${fixtures[key].id}`,
					`/workspace/complaints/${fixtures[key].id}/contact`,
				]) {
					const response = await call('GET', path, { token });
					expect(response.status).toBe(403);
					const text = JSON.stringify(response.body);
					for (const field of PERSONAL) expect(text).not.toContain(fixtures[key][field]);
				}
			});
		}
	});
});

describe('as administrator', () => {
	it.each(KEYS)('cannot delete %s either, which is still there', async (key) => {
		const response = await call('DELETE', `/items/complaints/${fixtures[key].id}`, { token: adminToken() });
		expect(response.status).toBe(400);
		expect(response.body.errors?.[0]?.extensions?.reason).toBe('complaint.no_delete');
		expect((await asAdmin(key)).id).toBe(fixtures[key].id);
	});
});

describe('anonymous (no token)', () => {
	// every collection of the data model, so a new one is covered the day it is added
	const COLLECTIONS = collections.map((spec) => spec.collection);

	it.each(COLLECTIONS)('gets 403 listing %s', async (collection) => {
		const response = await call('GET', `/items/${collection}`);
		expect(response.status).toBe(403);
		expect(response.body.data).toBeUndefined();
	});

	it('gets a refusal from /workspace', async () => {
		const response = await call('GET', `/workspace/complaints/${fixtures.A.id}`);
		expect(response.status).toBe(403);
		expect(JSON.stringify(response.body)).not.toContain(fixtures.A.reference);
	});

	it('gets 403 creating a complaint, and nothing is created', async () => {
		const description = `Anonyme ${run}`;
		const response = await call('POST', '/items/complaints', {
			body: { category: 'PROP-01', description, ...IN_HAY_HASSANI, channel: 'web', citizen_name: 'Anonyme' },
		});
		expect(response.status).toBe(403);
		const created = await call(
			'GET',
			`/items/complaints?fields=id&filter[description][_eq]=${encodeURIComponent(description)}`,
			{ token: adminToken() },
		);
		expect(created.status).toBe(200);
		expect(created.body.data).toEqual([]);
	});
});
