import { describe, expect, it } from 'vitest';
import { POLICY_IDS, ROLE_IDS, STAFF_ROLES, roleKeyFromId, type RoleKey, type StaffProfile } from './roles';
import { MATCH_NOTHING, complaintScope } from './scope';

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
		expect(complaintScope(profile('registry_office', { teams: ['t1'], service: 'svc-voirie' }))).toEqual({
			_or: [{ user_created: { _eq: USER } }, UNQUALIFIED],
		});
	});

	it("limits an agent with teams to its teams' complaints and those assigned to it", () => {
		expect(complaintScope(profile('service_agent', { teams: ['team-a', 'team-b'] }))).toEqual({
			_or: [{ team: { _in: ['team-a', 'team-b'] } }, { assignee: { _eq: USER } }],
		});
	});

	it('limits an agent without a team to complaints assigned to it', () => {
		expect(complaintScope(profile('service_agent', { service: 'svc-voirie', arrondissement: 'arr-anfa' }))).toEqual({
			assignee: { _eq: USER },
		});
	});

	it("limits a head with a service to that service's complaints", () => {
		expect(complaintScope(profile('service_head', { service: 'svc-eclairage', teams: ['team-a'] }))).toEqual({
			service: { _eq: 'svc-eclairage' },
		});
	});

	it('gives a head without a service nothing', () => {
		expect(complaintScope(profile('service_head', { teams: ['team-a'] }))).toEqual({ id: { _null: true } });
		expect(complaintScope(profile('service_head'))).toBe(MATCH_NOTHING);
	});

	it.each(['administrator', 'director_general', 'elected_official', 'mayor'] as const)(
		'gives %s every row (null)',
		(role) => {
			expect(complaintScope(profile(role, { teams: ['team-a'], service: 'svc', arrondissement: 'arr' }))).toBeNull();
		},
	);
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
