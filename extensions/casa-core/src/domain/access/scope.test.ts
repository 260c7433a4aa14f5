import { describe, expect, it } from 'vitest';
import { POLICY_IDS, ROLE_IDS, STAFF_ROLES, roleKeyFromId, type RoleKey, type StaffProfile } from './roles';
import { MATCH_NOTHING, PERSONAL_FIELDS, ROLE_RIGHTS, andFilters, complaintScope, linkedComplaintPaths, protectedFieldsInQuery, scopeThrough, stripFields, type Filter } from './scope';

const USER = '11111111-2222-4333-8444-555555555555';

function profile(role: RoleKey, extra: Partial<StaffProfile> = {}): StaffProfile {
	return { userId: USER, role, teams: [], service: null, arrondissement: null, ...extra };
}

/** e-mail complaints without place or category, waiting for any registry office to qualify them */
const UNQUALIFIED = { _and: [{ category: { _null: true } }, { arrondissement: { _null: true } }] };

describe('complaintScope', () => {
	it('limits a registry office with an arrondissement to it and to what it recorded', () => {
		expect(complaintScope(profile('registry_office', { arrondissement: 'arr-maarif' }))).toEqual({
			_or: [{ arrondissement: { _eq: 'arr-maarif' } }, { user_created: { _eq: USER } }, UNQUALIFIED],
		});
	});

	it('limits a registry office without an arrondissement to what it recorded and what waits for qualification', () => {
		expect(complaintScope(profile('registry_office'))).toEqual({ _or: [{ user_created: { _eq: USER } }, UNQUALIFIED] });
	});

	it('ignores teams and service for a registry office', () => {
		expect(complaintScope(profile('registry_office', { teams: ['t1'], service: 'svc-voirie' }))).toEqual({ _or: [{ user_created: { _eq: USER } }, UNQUALIFIED] });
	});

	it("limits an agent with teams to its teams' complaints and those assigned to it", () => {
		expect(complaintScope(profile('service_agent', { teams: ['team-a', 'team-b'] }))).toEqual({
			_or: [{ team: { _in: ['team-a', 'team-b'] } }, { assignee: { _eq: USER } }],
		});
	});

	it('limits an agent without a team to complaints assigned to it', () => {
		expect(complaintScope(profile('service_agent', { service: 'svc-voirie', arrondissement: 'arr-anfa' }))).toEqual({ assignee: { _eq: USER } });
	});

	it("limits a head with a service to that service's complaints", () => {
		expect(complaintScope(profile('service_head', { service: 'svc-eclairage', teams: ['team-a'] }))).toEqual({ service: { _eq: 'svc-eclairage' } });
	});

	it('gives a head without a service nothing', () => {
		expect(complaintScope(profile('service_head', { teams: ['team-a'] }))).toEqual({ id: { _null: true } });
		expect(complaintScope(profile('service_head'))).toBe(MATCH_NOTHING);
	});

	it.each(['administrator', 'director_general', 'elected_official', 'mayor'] as const)('gives %s every row (null)', (role) => {
		expect(complaintScope(profile(role, { teams: ['team-a'], service: 'svc', arrondissement: 'arr' }))).toBeNull();
	});
});

describe('andFilters', () => {
	const a: Filter = { status: { _eq: 'new' } };
	const b: Filter = { service: { _eq: 'svc' } };

	it('returns null when nothing is given or everything is empty', () => {
		expect(andFilters()).toBeNull();
		expect(andFilters(null, undefined, {})).toBeNull();
	});

	it('returns a single filter as is', () => {
		expect(andFilters(a)).toBe(a);
		expect(andFilters(null, a, {}, undefined)).toBe(a);
	});

	it('ANDs two or more filters in order, leaving out the empty ones', () => {
		expect(andFilters(a, b)).toEqual({ _and: [a, b] });
		expect(andFilters(b, null, a, {})).toEqual({ _and: [b, a] });
		expect(andFilters(a, b, MATCH_NOTHING)).toEqual({ _and: [a, b, { id: { _null: true } }] });
	});
});

describe('scopeThrough', () => {
	it('keeps null (every row) as null', () => {
		expect(scopeThrough('complaint', null)).toBeNull();
	});

	it('nests the scope under the relation', () => {
		const scope = complaintScope(profile('service_head', { service: 'svc-proprete' }));
		expect(scopeThrough('complaint', scope)).toEqual({ complaint: { service: { _eq: 'svc-proprete' } } });
		expect(scopeThrough('complaints_id', MATCH_NOTHING)).toEqual({ complaints_id: { id: { _null: true } } });
	});
});

describe('ROLE_RIGHTS', () => {
	it('keeps personal data from elected officials and the mayor only', () => {
		const withoutPersonalData = (Object.keys(ROLE_RIGHTS) as RoleKey[]).filter((role) => !ROLE_RIGHTS[role].personalData);
		expect(withoutPersonalData.sort()).toEqual(['elected_official', 'mayor']);
	});

	it('lets only the working roles update complaints', () => {
		const updaters = (Object.keys(ROLE_RIGHTS) as RoleKey[]).filter((role) => ROLE_RIGHTS[role].updateComplaints);
		expect(updaters.sort()).toEqual(['administrator', 'registry_office', 'service_agent', 'service_head']);
	});
});

describe('protectedFieldsInQuery', () => {
	const P = PERSONAL_FIELDS;

	it('protects the three citizen fields', () => {
		expect([...PERSONAL_FIELDS]).toEqual(['citizen_name', 'citizen_phone', 'citizen_email']);
	});

	it('finds nothing in an empty or null query', () => {
		expect(protectedFieldsInQuery({}, P)).toEqual([]);
		expect(protectedFieldsInQuery({ fields: null, filter: null, sort: null, groupBy: null, aggregate: null, deep: null, alias: null }, P)).toEqual([]);
	});

	it('finds plain and nested fields', () => {
		expect(protectedFieldsInQuery({ fields: ['id', 'citizen_name', 'status'] }, P)).toEqual(['citizen_name']);
		expect(protectedFieldsInQuery({ fields: ['id', 'complaint.citizen_phone'] }, P)).toEqual(['citizen_phone']);
		expect(protectedFieldsInQuery({ fields: ['complaint.reference', 'complaint.team.name_fr'] }, P)).toEqual([]);
	});

	it('ignores wildcards', () => {
		expect(protectedFieldsInQuery({ fields: ['*', 'complaint.*', '*.*'] }, P)).toEqual([]);
	});

	it('matches whole names only', () => {
		expect(protectedFieldsInQuery({ fields: ['citizen_name_ar', 'my_citizen_email', 'citizen'] }, P)).toEqual([]);
	});

	it('finds fields in a filter, through _and / _or at any depth', () => {
		const filter = {
			_and: [{ status: { _eq: 'new' } }, { _or: [{ priority: { _eq: 'urgent' } }, { _and: [{ citizen_email: { _contains: '@gmail' } }] }] }],
		};
		expect(protectedFieldsInQuery({ filter }, P)).toEqual(['citizen_email']);
	});

	it('finds fields in a relational filter', () => {
		expect(protectedFieldsInQuery({ filter: { complaint: { citizen_phone: { _starts_with: '0661' } } } }, P)).toEqual(['citizen_phone']);
		expect(protectedFieldsInQuery({ filter: { events: { _some: { complaint: { citizen_name: { _nnull: true } } } } } }, P)).toEqual(['citizen_name']);
	});

	it('does not mistake filter values for field names', () => {
		expect(protectedFieldsInQuery({ filter: { status: { _eq: 'citizen_name' }, channel: { _in: ['citizen_phone'] } } }, P)).toEqual([]);
	});

	it('finds fields in sort, with or without the descending prefix', () => {
		expect(protectedFieldsInQuery({ sort: ['-citizen_name'] }, P)).toEqual(['citizen_name']);
		expect(protectedFieldsInQuery({ sort: ['citizen_phone', '-received_at'] }, P)).toEqual(['citizen_phone']);
		expect(protectedFieldsInQuery({ sort: ['-complaint.citizen_email'] }, P)).toEqual(['citizen_email']);
		expect(protectedFieldsInQuery({ sort: ['-received_at', 'reference'] }, P)).toEqual([]);
	});

	it('finds fields in groupBy', () => {
		expect(protectedFieldsInQuery({ groupBy: ['arrondissement', 'citizen_email'] }, P)).toEqual(['citizen_email']);
	});

	it('finds fields in aggregate, as a list or a single field, and ignores count(*)', () => {
		expect(protectedFieldsInQuery({ aggregate: { countDistinct: ['citizen_phone'] } }, P)).toEqual(['citizen_phone']);
		expect(protectedFieldsInQuery({ aggregate: { count: 'citizen_name' } }, P)).toEqual(['citizen_name']);
		expect(protectedFieldsInQuery({ aggregate: { count: ['*'], countDistinct: 'service' } }, P)).toEqual([]);
	});

	it('finds fields in deep filters', () => {
		expect(protectedFieldsInQuery({ deep: { complaint: { _filter: { citizen_name: { _icontains: 'alaoui' } } } } }, P)).toEqual(['citizen_name']);
		expect(protectedFieldsInQuery({ deep: { history: { _limit: 5, _filter: { visibility: { _eq: 'public' } } } } }, P)).toEqual([]);
	});

	it('finds fields behind an alias', () => {
		expect(protectedFieldsInQuery({ alias: { who: 'citizen_name' } }, P)).toEqual(['citizen_name']);
		expect(protectedFieldsInQuery({ alias: { phone: 'complaint.citizen_phone' } }, P)).toEqual(['citizen_phone']);
		expect(protectedFieldsInQuery({ alias: { citizen_name: 'reference' } }, P)).toEqual([]);
	});

	it('reports each field once, in the order fields, sort, groupBy, aggregate, alias, filter, deep', () => {
		expect(
			protectedFieldsInQuery(
				{
					fields: ['citizen_phone', 'complaint.citizen_phone'],
					sort: ['-citizen_name'],
					groupBy: ['citizen_phone'],
					filter: { citizen_email: { _null: false } },
					deep: { x: { _filter: { citizen_name: { _null: false } } } },
				},
				P,
			),
		).toEqual(['citizen_phone', 'citizen_name', 'citizen_email']);
	});

	it('uses the given list of protected fields', () => {
		expect(protectedFieldsInQuery({ fields: ['reference', 'citizen_name'], sort: ['-internal_note'] }, ['internal_note', 'reference'])).toEqual(['reference', 'internal_note']);
	});
});

describe('stripFields', () => {
	it('removes protected fields from a single record and keeps the rest', () => {
		expect(stripFields({ id: 'c1', reference: 'CAS-2025-000001', citizen_name: 'Fatima', citizen_phone: '0661', citizen_email: 'f@x.ma', status: 'new' }, PERSONAL_FIELDS)).toEqual({
			id: 'c1',
			reference: 'CAS-2025-000001',
			status: 'new',
		});
	});

	it('removes them from every record of a list', () => {
		expect(
			stripFields(
				[
					{ id: 1, citizen_name: 'A' },
					{ id: 2, citizen_email: 'b@x.ma' },
				],
				PERSONAL_FIELDS,
			),
		).toEqual([{ id: 1 }, { id: 2 }]);
	});

	it('removes them at any depth, including arrays of nested relations', () => {
		const records = [
			{
				id: 'e1',
				complaint: {
					id: 'c1',
					citizen_phone: '0661',
					team: { id: 't1', name_fr: 'Voirie' },
					files: [
						{ id: 'f1', complaints_id: { id: 'c1', citizen_name: 'Fatima', citizen_email: 'f@x.ma' } },
						{ id: 'f2', complaints_id: { id: 'c2', citizen_name: null } },
					],
				},
			},
		];
		expect(stripFields(records, PERSONAL_FIELDS)).toEqual([
			{
				id: 'e1',
				complaint: {
					id: 'c1',
					team: { id: 't1', name_fr: 'Voirie' },
					files: [
						{ id: 'f1', complaints_id: { id: 'c1' } },
						{ id: 'f2', complaints_id: { id: 'c2' } },
					],
				},
			},
		]);
	});

	it('keeps Date objects intact', () => {
		const receivedAt = new Date('2025-03-14T09:30:00Z');
		const resolvedAt = new Date('2025-03-20T16:00:00Z');
		const result = stripFields({ id: 'c1', received_at: receivedAt, citizen_name: 'A', history: [{ at: resolvedAt }] }, PERSONAL_FIELDS);
		expect(result.received_at).toBeInstanceOf(Date);
		expect(result.received_at).toBe(receivedAt);
		expect(result.received_at.toISOString()).toBe('2025-03-14T09:30:00.000Z');
		expect(result.history[0].at).toBeInstanceOf(Date);
		expect(result.history[0].at.getTime()).toBe(resolvedAt.getTime());
		expect(Object.keys(result)).toEqual(['id', 'received_at', 'history']);
	});

	it('keeps scalar arrays and primitives', () => {
		expect(stripFields({ tags: ['citizen_name', 'x'], count: 0, flag: false, nothing: null }, PERSONAL_FIELDS)).toEqual({
			tags: ['citizen_name', 'x'],
			count: 0,
			flag: false,
			nothing: null,
		});
		expect(stripFields(null, PERSONAL_FIELDS)).toBeNull();
		expect(stripFields('citizen_name', PERSONAL_FIELDS)).toBe('citizen_name');
		expect(stripFields(42, PERSONAL_FIELDS)).toBe(42);
	});

	it('does not modify its input', () => {
		const input = { id: 'c1', citizen_name: 'A', complaint: { citizen_phone: '0661' } };
		stripFields(input, PERSONAL_FIELDS);
		expect(input).toEqual({ id: 'c1', citizen_name: 'A', complaint: { citizen_phone: '0661' } });
	});
});

describe('roleKeyFromId', () => {
	it('maps each role id to its key', () => {
		for (const [key, id] of Object.entries(ROLE_IDS)) expect(roleKeyFromId(id, false)).toBe(key);
		expect(Object.keys(ROLE_IDS).sort()).toEqual([...STAFF_ROLES].sort());
	});

	it('knows the fixed ids', () => {
		expect(roleKeyFromId('7a0c5b7e-0001-4c1a-9c55-ca5a00000001', false)).toBe('registry_office');
		expect(roleKeyFromId('7a0c5b7e-0002-4c1a-9c55-ca5a00000002', false)).toBe('service_agent');
		expect(roleKeyFromId('7a0c5b7e-0003-4c1a-9c55-ca5a00000003', false)).toBe('service_head');
		expect(roleKeyFromId('7a0c5b7e-0004-4c1a-9c55-ca5a00000004', false)).toBe('director_general');
		expect(roleKeyFromId('7a0c5b7e-0005-4c1a-9c55-ca5a00000005', false)).toBe('elected_official');
		expect(roleKeyFromId('7a0c5b7e-0006-4c1a-9c55-ca5a00000006', false)).toBe('mayor');
	});

	it('uses distinct role ids', () => {
		expect(new Set(Object.values(ROLE_IDS)).size).toBe(6);
	});

	it('returns administrator whenever the admin flag is set', () => {
		expect(roleKeyFromId(null, true)).toBe('administrator');
		expect(roleKeyFromId(undefined, true)).toBe('administrator');
		expect(roleKeyFromId(ROLE_IDS.mayor, true)).toBe('administrator');
	});

	it('returns null for a missing or unknown role', () => {
		expect(roleKeyFromId(null, false)).toBeNull();
		expect(roleKeyFromId(undefined, false)).toBeNull();
		expect(roleKeyFromId('', false)).toBeNull();
		expect(roleKeyFromId('7a0c5b7e-0007-4c1a-9c55-ca5a00000007', false)).toBeNull();
		expect(roleKeyFromId(POLICY_IDS.service_head, false)).toBeNull();
		expect(roleKeyFromId(ROLE_IDS.service_head.toUpperCase(), false)).toBeNull();
	});
});

describe('scopeThrough keeps logical operators on top (Directus drops an _or nested under a relation)', () => {
	it('distributes the relation into each branch of an _or, recursively', () => {
		const scope = { _or: [{ arrondissement: { _eq: 'HH' } }, { _and: [{ team: { _in: ['t1'] } }, { status: { _eq: 'new' } }] }] };
		expect(scopeThrough('complaint', scope)).toEqual({
			_or: [{ complaint: { arrondissement: { _eq: 'HH' } } }, { _and: [{ complaint: { team: { _in: ['t1'] } } }, { complaint: { status: { _eq: 'new' } } }] }],
		});
	});

	it('splits a multi-key filter into an _and of single relations', () => {
		expect(scopeThrough('complaint', { service: { _eq: 'PROP' }, team: { _eq: 't' } })).toEqual({
			_and: [{ complaint: { service: { _eq: 'PROP' } } }, { complaint: { team: { _eq: 't' } } }],
		});
	});
});

describe('protectedFieldsInQuery on a parsed query', () => {
	it('reads `group`, the parsed name of groupBy', () => {
		expect(protectedFieldsInQuery({ group: ['citizen_phone'], aggregate: { count: ['*'] } }, PERSONAL_FIELDS)).toEqual(['citizen_phone']);
	});
});

describe('linkedComplaintPaths', () => {
	it('lets id, reference and status of a linked complaint through and flags anything deeper', () => {
		expect(linkedComplaintPaths(['reference', 'duplicate_of.reference', 'duplicate_of.status', 'duplicate_of.id'])).toEqual([]);
		expect(linkedComplaintPaths(['duplicate_of.*', 'duplicate_of.citizen_phone', 'duplicate_of.duplicate_of.reference'])).toEqual([
			'duplicate_of.*',
			'duplicate_of.citizen_phone',
			'duplicate_of.duplicate_of.reference',
		]);
		expect(linkedComplaintPaths(undefined)).toEqual([]);
	});
});
