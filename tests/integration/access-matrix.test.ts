// Access matrix over real HTTP: for every staff role, which complaints it can
// list, read, update, delete, count, export and query through GraphQL, what it
// sees of the citizen's personal data and of the history; and what an
// anonymous caller gets. Row scope and personal-data hiding are enforced by the
// casa-core hooks (Directus Core has no row or field permissions).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections } from '../../schema/collections';
import { defaultTeamId } from '../../scripts/provision/reference-data';
import { type ApiResponse, adminToken, adminUser, call, createComplaint, loginAs } from '../helpers/api';

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
	citizen_name: string;
	citizen_phone: string;
	citizen_email: string;
}
const fixtures = {} as Record<Key, Fixture>;
const run = randomUUID().slice(0, 8);

interface RoleCase {
	account: string;
	/** fixtures the role must see (and only those) */
	visible: Key[];
	/** may PATCH complaints in its scope */
	canUpdate: boolean;
	/** sees citizen_name / citizen_phone / citizen_email */
	personalData: boolean;
	/** has read permission on complaint_events */
	readsHistory: boolean;
}

const MATRIX: RoleCase[] = [
	{ account: 'bureau-ordre', visible: ['A'], canUpdate: true, personalData: true, readsHistory: true },
	{ account: 'agent', visible: ['A', 'B'], canUpdate: true, personalData: true, readsHistory: true },
	{ account: 'chef-service', visible: ['A', 'B'], canUpdate: true, personalData: true, readsHistory: true },
	{ account: 'dgs', visible: ['A', 'B', 'C'], canUpdate: false, personalData: true, readsHistory: true },
	{ account: 'elu', visible: ['A', 'B', 'C'], canUpdate: false, personalData: false, readsHistory: false },
	{ account: 'maire', visible: ['A', 'B', 'C'], canUpdate: false, personalData: false, readsHistory: false },
];

const ids = (...keys: Key[]) => keys.map((key) => fixtures[key].id);
const keyOf = (id: string): Key | string => KEYS.find((key) => fixtures[key].id === id) ?? id;
/** Fixture keys (or raw ids for anything else) of the rows in a response, sorted. */
const keysIn = (rows: { id: string }[] | undefined) => (rows ?? []).map((row) => keyOf(row.id)).sort();
const idList = () => ids(...KEYS).join(',');
const inFilter = () => `filter[id][_in]=${idList()}`;
/** Fixture keys a list of rows points at through `field`, deduplicated and sorted. */
const pointedAt = (rows: Record<string, any>[] | undefined, field: string) =>
	[...new Set((rows ?? []).map((row) => keyOf(typeof row[field] === 'object' && row[field] ? row[field].id : row[field])))].sort();

async function asAdmin(key: Key) {
	const response = await call('GET', `/items/complaints/${fixtures[key].id}?fields=*`, { token: adminToken() });
	expect(response.status, `admin read of ${key}`).toBe(200);
	return response.body.data as Record<string, any>;
}

/** Status and error of a refusal, for comparing two refusals byte for byte. */
const refusal = (response: ApiResponse) => ({ status: response.status, errors: response.body.errors, data: response.body.data });

beforeAll(async () => {
	const personal = (key: Key) => ({
		citizen_name: `Citoyen ${key} ${run}`,
		citizen_phone: `+2126${run.replace(/[^0-9]/g, '').padEnd(4, '0').slice(0, 4)}00${KEYS.indexOf(key)}`,
		citizen_email: `citoyen.${key.toLowerCase()}.${run}@example.ma`,
	});
	const specs: Record<Key, Record<string, unknown>> = {
		A: { category: 'PROP-01', ...IN_HAY_HASSANI, description: `Matrice A ${run}` },
		B: { category: 'PROP-01', ...IN_SIDI_BERNOUSSI, description: `Matrice B ${run}` },
		C: { category: 'VOI-01', ...IN_SIDI_BERNOUSSI, description: `Matrice C ${run}` },
	};
	for (const key of KEYS) {
		const data = personal(key);
		const created = await createComplaint({ ...specs[key], ...data });
		fixtures[key] = { id: created.id, ...data };
	}
	// one attachment row per complaint (no file behind it: only its scope matters here)
	for (const key of KEYS) {
		const attachment = await call('POST', '/items/complaint_files', { token: adminToken(), body: { complaints_id: fixtures[key].id, kind: 'document' } });
		if (attachment.status !== 200) throw new Error(`attachment for ${key}: ${attachment.status} ${JSON.stringify(attachment.body)}`);
	}
});

describe('fixtures (as administrator)', () => {
	it('are routed and located as the matrix assumes', async () => {
		expect(defaultTeamId('PROP')).toBe(PROP_TEAM);
		const rows = await Promise.all(KEYS.map(asAdmin));
		const [a, b, c] = rows;
		const registry = await adminUser('bureau.ordre@casablanca.ma');
		expect(registry?.id).toBeTruthy();
		expect({ arrondissement: a.arrondissement, service: a.service, team: a.team }).toEqual({ arrondissement: HAY_HASSANI, service: 'PROP', team: PROP_TEAM });
		expect({ arrondissement: b.arrondissement, service: b.service, team: b.team }).toEqual({ arrondissement: SIDI_BERNOUSSI, service: 'PROP', team: PROP_TEAM });
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
		const events = await call('GET', `/items/complaint_events?filter[complaint][_in]=${idList()}&fields=complaint&limit=-1`, { token: adminToken() });
		expect(events.status).toBe(200);
		expect(pointedAt(events.body.data, 'complaint')).toEqual(KEYS);
		const files = await call('GET', `/items/complaint_files?filter[complaints_id][_in]=${idList()}&fields=complaints_id&limit=-1`, { token: adminToken() });
		expect(files.status).toBe(200);
		expect(pointedAt(files.body.data, 'complaints_id')).toEqual(KEYS);
	});
});

describe.each(MATRIX)('as $account', (role) => {
	const outOfScope = KEYS.filter((key) => !role.visible.includes(key));
	let token: string;

	beforeAll(async () => {
		// roles share the 3 Core seats: log in right before this role's tests
		token = await loginAs(role.account);
	});

	it(`lists exactly {${role.visible.join(',')}}`, async () => {
		const response = await call('GET', `/items/complaints?${inFilter()}&fields=id`, { token });
		expect(response.status).toBe(200);
		expect(keysIn(response.body.data)).toEqual(role.visible);
	});

	it('reads an in-scope complaint (A)', async () => {
		const response = await call('GET', `/items/complaints/${fixtures.A.id}?fields=id`, { token });
		expect(response.status).toBe(200);
		expect(response.body.data.id).toBe(fixtures.A.id);
	});

	it('gets 403 FORBIDDEN reading a non-existent complaint', async () => {
		const response = await call('GET', `/items/complaints/${randomUUID()}?fields=id`, { token });
		expect(response.status).toBe(403);
		expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
	});

	if (outOfScope.length > 0) {
		it.each(outOfScope)('gets the same 403 reading out-of-scope %s as a non-existent complaint', async (key) => {
			const [outside, missing] = await Promise.all([
				call('GET', `/items/complaints/${fixtures[key].id}?fields=id`, { token }),
				call('GET', `/items/complaints/${randomUUID()}?fields=id`, { token }),
			]);
			expect(outside.status).toBe(403);
			expect(refusal(outside)).toEqual(refusal(missing));
		});
	}

	if (role.canUpdate) {
		it('updates an in-scope complaint (A)', async () => {
			const address = `x ${role.account} ${run}`;
			const response = await call('PATCH', `/items/complaints/${fixtures.A.id}`, { token, body: { address } });
			expect(response.status).toBe(200);
			expect(response.body.data.address).toBe(address);
			expect((await asAdmin('A')).address).toBe(address);
		});
	} else {
		it('gets 403 updating even an in-scope complaint (A), which stays unchanged', async () => {
			const before = await asAdmin('A');
			const response = await call('PATCH', `/items/complaints/${fixtures.A.id}`, { token, body: { address: `x ${role.account} ${run}` } });
			expect(response.status).toBe(403);
			expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
			expect(await asAdmin('A')).toEqual(before);
		});
	}

	it('gets 403 FORBIDDEN updating a non-existent complaint', async () => {
		const response = await call('PATCH', `/items/complaints/${randomUUID()}`, { token, body: { address: `x ${role.account} ${run}` } });
		expect(response.status).toBe(403);
		expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
	});

	if (outOfScope.length > 0) {
		it.each(outOfScope)('gets the same 403 updating out-of-scope %s as a non-existent complaint, and it stays unchanged', async (key) => {
			const before = await asAdmin(key);
			const body = { address: `x ${role.account} ${run}` };
			const outside = await call('PATCH', `/items/complaints/${fixtures[key].id}`, { token, body });
			const missing = await call('PATCH', `/items/complaints/${randomUUID()}`, { token, body });
			expect(outside.status).toBe(403);
			expect(refusal(outside)).toEqual(refusal(missing));
			expect(await asAdmin(key)).toEqual(before);
		});
	}

	it.each(KEYS)('cannot delete %s, which is still there', async (key) => {
		const response = await call('DELETE', `/items/complaints/${fixtures[key].id}`, { token });
		expect([400, 403]).toContain(response.status);
		expect(response.body.errors?.length).toBeGreaterThan(0);
		const missing = await call('DELETE', `/items/complaints/${randomUUID()}`, { token });
		expect(refusal(response)).toEqual(refusal(missing));
		expect((await asAdmin(key)).id).toBe(fixtures[key].id);
	});

	it(`counts ${role.visible.length} with aggregate[count]`, async () => {
		const response = await call('GET', `/items/complaints?aggregate[count]=*&${inFilter()}`, { token });
		expect(response.status).toBe(200);
		expect(response.body.data).toHaveLength(1);
		expect(Number(response.body.data[0].count)).toBe(role.visible.length);
	});

	it('exports (export=json) only the visible rows', async () => {
		const response = await call('GET', `/items/complaints?export=json&${inFilter()}&fields=id,reference`, { token });
		expect(response.status).toBe(200);
		expect(Array.isArray(response.body)).toBe(true);
		const rows = response.body as unknown as { id: string; reference: string }[];
		expect(keysIn(rows)).toEqual(role.visible);
		for (const row of rows) expect(row.reference).toMatch(/^CAS-\d{4}-\d{6}$/);
	});

	it('sees only the visible rows through GraphQL', async () => {
		const query = `{ complaints(filter: { id: { _in: ${JSON.stringify(ids(...KEYS))} } }) { id } }`;
		const response = await call('POST', '/graphql', { token, body: { query } });
		expect(response.status).toBe(200);
		expect(response.body.errors).toBeUndefined();
		expect(keysIn(response.body.data?.complaints)).toEqual(role.visible);
	});

	if (role.personalData) {
		it('sees the citizen personal data of an in-scope complaint (A)', async () => {
			const response = await call('GET', `/items/complaints/${fixtures.A.id}?fields=*`, { token });
			expect(response.status).toBe(200);
			for (const field of PERSONAL) expect(response.body.data[field]).toBe(fixtures.A[field]);
		});
	} else {
		it('gets no citizen_* keys with fields=* (one item and list)', async () => {
			const one = await call('GET', `/items/complaints/${fixtures.A.id}?fields=*`, { token });
			expect(one.status).toBe(200);
			expect(one.body.data.description).toBe(`Matrice A ${run}`);
			for (const field of PERSONAL) expect(one.body.data).not.toHaveProperty(field);
			const list = await call('GET', `/items/complaints?fields=*&${inFilter()}`, { token });
			expect(list.status).toBe(200);
			expect(keysIn(list.body.data)).toEqual(role.visible);
			for (const row of list.body.data) for (const field of PERSONAL) expect(row).not.toHaveProperty(field);
			expect(JSON.stringify(list.body)).not.toContain(fixtures.A.citizen_phone);
		});

		const refusedQueries: [string, () => string][] = [
			['fields=citizen_phone', () => `/items/complaints/${fixtures.A.id}?fields=citizen_phone`],
			['fields=citizen_phone (list)', () => `/items/complaints?fields=id,citizen_phone&${inFilter()}`],
			['filter[citizen_phone][_eq]', () => `/items/complaints?fields=id&filter[citizen_phone][_eq]=${encodeURIComponent(fixtures.A.citizen_phone)}`],
			['filter nested in _or on citizen_name', () => `/items/complaints?fields=id&filter[_or][0][citizen_name][_eq]=${encodeURIComponent(fixtures.A.citizen_name)}`],
			['search', () => `/items/complaints?fields=id&search=${encodeURIComponent(fixtures.A.citizen_phone)}`],
			['sort=citizen_phone', () => `/items/complaints?fields=id&sort=citizen_phone&${inFilter()}`],
			['groupBy citizen_phone', () => `/items/complaints?aggregate[count]=*&groupBy[]=citizen_phone&${inFilter()}`],
			['aggregate[countDistinct]=citizen_email', () => `/items/complaints?aggregate[countDistinct]=citizen_email&${inFilter()}`],
		];
		it.each(refusedQueries)('is refused: %s', async (_label, path) => {
			const response = await call('GET', path(), { token });
			expect([400, 403]).toContain(response.status);
			expect(response.body.data).toBeUndefined();
			expect(JSON.stringify(response.body)).not.toContain(fixtures.A.citizen_phone);
		});

		it('is refused citizen_phone through GraphQL', async () => {
			const query = `{ complaints(filter: { id: { _in: ${JSON.stringify(ids('A'))} } }) { id citizen_phone } }`;
			const response = await call('POST', '/graphql', { token, body: { query } });
			expect(response.body.errors?.length).toBeGreaterThan(0);
			expect(JSON.stringify(response.body)).not.toContain(fixtures.A.citizen_phone);
		});
	}

	if (role.readsHistory) {
		it(`reads history only of {${role.visible.join(',')}}`, async () => {
			const response = await call('GET', `/items/complaint_events?filter[complaint][_in]=${idList()}&fields=complaint&limit=-1`, { token });
			expect(response.status).toBe(200);
			expect(pointedAt(response.body.data, 'complaint')).toEqual(role.visible);
		});

		it(`reads attachments only of {${role.visible.join(',')}}`, async () => {
			const response = await call('GET', `/items/complaint_files?filter[complaints_id][_in]=${idList()}&fields=complaints_id&limit=-1`, { token });
			expect(response.status).toBe(200);
			expect(pointedAt(response.body.data, 'complaints_id')).toEqual(role.visible);
		});

		if (outOfScope.length > 0) {
			it(`cannot reach citizen data of out-of-scope {${outOfScope.join(',')}} through the history`, async () => {
				const response = await call('GET', `/items/complaint_events?filter[complaint][_in]=${idList()}&fields=complaint.id,complaint.citizen_name,complaint.citizen_phone&limit=-1`, { token });
				expect(response.status).toBe(200);
				const text = JSON.stringify(response.body);
				for (const key of outOfScope) {
					expect(text, `citizen_phone of ${key}`).not.toContain(fixtures[key].citizen_phone);
					expect(text, `citizen_name of ${key}`).not.toContain(fixtures[key].citizen_name);
				}
			});
		}
	} else {
		it.each(['complaint_events', 'complaint_files'])('gets 403 on %s (no permission)', async (collection) => {
			const field = collection === 'complaint_events' ? 'complaint' : 'complaints_id';
			const response = await call('GET', `/items/${collection}?filter[${field}][_in]=${idList()}&fields=${field}`, { token });
			expect(response.status).toBe(403);
			expect(response.body.data).toBeUndefined();
		});
	}
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

	it('gets 403 creating a complaint, and nothing is created', async () => {
		const description = `Anonyme ${run}`;
		const response = await call('POST', '/items/complaints', { body: { category: 'PROP-01', description, ...IN_HAY_HASSANI, channel: 'web', citizen_name: 'Anonyme' } });
		expect(response.status).toBe(403);
		const created = await call('GET', `/items/complaints?fields=id&filter[description][_eq]=${encodeURIComponent(description)}`, { token: adminToken() });
		expect(created.status).toBe(200);
		expect(created.body.data).toEqual([]);
	});
});
