import { describe, expect, it } from 'vitest';
import type { RoleKey, StaffProfile } from '../access/roles';
import { checkAssignment, pickLeastLoaded, type AssignmentTarget } from './assignment-rules';

const VOIRIE = 'svc-voirie';
const ECLAIRAGE = 'svc-eclairage';

function profile(role: RoleKey, extra: Partial<StaffProfile> = {}): StaffProfile {
	return { userId: 'user-self', role, teams: [], service: null, arrondissement: null, ...extra };
}

/** A complaint of the roads service, routed to a roads team whose members are given. */
function target(extra: Partial<AssignmentTarget> = {}): AssignmentTarget {
	return { service: VOIRIE, teamService: VOIRIE, teamMembers: ['user-self', 'user-other'], ...extra };
}

const ALLOWED = { allowed: true };
const refused = (reason: string) => ({ allowed: false, reason });

describe('checkAssignment: registry office', () => {
	const registry = profile('registry_office', { arrondissement: 'arr-anfa' });

	it('may route to a team, in any service', () => {
		expect(checkAssignment(registry, { team: 'team-voirie-1' }, target({ teamMembers: undefined }))).toEqual(ALLOWED);
		expect(
			checkAssignment(
				registry,
				{ team: 'team-eclairage-1' },
				target({ teamService: ECLAIRAGE, teamMembers: undefined }),
			),
		).toEqual(ALLOWED);
	});

	it('may clear the team', () => {
		expect(checkAssignment(registry, { team: null }, target({ teamService: null, teamMembers: undefined }))).toEqual(
			ALLOWED,
		);
	});

	it('may not set an assignee, with or without a team', () => {
		expect(checkAssignment(registry, { assignee: 'user-other' }, target())).toEqual(refused('role_cannot_assign'));
		expect(checkAssignment(registry, { team: 'team-voirie-1', assignee: 'user-other' }, target())).toEqual(
			refused('role_cannot_assign'),
		);
		expect(checkAssignment(registry, { team: 'team-voirie-1', assignee: 'user-self' }, target())).toEqual(
			refused('role_cannot_assign'),
		);
	});

	it('may not clear an assignee either', () => {
		expect(checkAssignment(registry, { assignee: null }, target({ teamMembers: undefined }))).toEqual(
			refused('role_cannot_assign'),
		);
	});
});

describe('checkAssignment: service head', () => {
	const head = profile('service_head', { service: VOIRIE });

	it("may route to a team of the head's own service", () => {
		expect(checkAssignment(head, { team: 'team-voirie-2' }, target({ teamMembers: undefined }))).toEqual(ALLOWED);
	});

	it("may not route to another service's team", () => {
		expect(
			checkAssignment(head, { team: 'team-eclairage-1' }, target({ teamService: ECLAIRAGE, teamMembers: undefined })),
		).toEqual(refused('team_outside_service'));
	});

	it('may not route to a team whose service is unknown', () => {
		expect(checkAssignment(head, { team: 'team-x' }, target({ teamService: null, teamMembers: undefined }))).toEqual(
			refused('team_outside_service'),
		);
		expect(checkAssignment(head, { team: 'team-x' }, { service: VOIRIE })).toEqual(refused('team_outside_service'));
	});

	it('may not route anywhere without a service of its own', () => {
		const headWithoutService = profile('service_head');
		expect(checkAssignment(headWithoutService, { team: 'team-voirie-1' }, target({ teamMembers: undefined }))).toEqual(
			refused('team_outside_service'),
		);
		expect(
			checkAssignment(headWithoutService, { team: 'team-x' }, target({ teamService: null, teamMembers: undefined })),
		).toEqual(refused('team_outside_service'));
	});

	it('may dispatch to a member of the team, and with a new team of its service', () => {
		expect(checkAssignment(head, { assignee: 'user-other' }, target())).toEqual(ALLOWED);
		expect(checkAssignment(head, { team: 'team-voirie-1', assignee: 'user-other' }, target())).toEqual(ALLOWED);
	});

	it('may clear the team or the assignee', () => {
		expect(checkAssignment(head, { team: null }, target({ teamService: null, teamMembers: undefined }))).toEqual(
			ALLOWED,
		);
		expect(checkAssignment(head, { assignee: null }, target({ teamMembers: undefined }))).toEqual(ALLOWED);
	});

	it('may not dispatch to someone outside the team', () => {
		expect(checkAssignment(head, { assignee: 'user-stranger' }, target())).toEqual(refused('assignee_not_in_team'));
	});
});

describe('checkAssignment: service agent', () => {
	const agent = profile('service_agent', { teams: ['team-voirie-1'] });

	it('may claim a complaint for itself', () => {
		expect(checkAssignment(agent, { assignee: 'user-self' }, target())).toEqual(ALLOWED);
	});

	it('may not give a complaint to someone else, nor release it', () => {
		expect(checkAssignment(agent, { assignee: 'user-other' }, target())).toEqual(refused('agent_claims_only_own'));
		expect(checkAssignment(agent, { assignee: null }, target({ teamMembers: undefined }))).toEqual(
			refused('agent_claims_only_own'),
		);
	});

	it('may not change the team, even when claiming for itself', () => {
		expect(checkAssignment(agent, { team: 'team-voirie-2' }, target({ teamMembers: undefined }))).toEqual(
			refused('role_cannot_assign'),
		);
		expect(checkAssignment(agent, { team: 'team-voirie-1', assignee: 'user-self' }, target())).toEqual(
			refused('role_cannot_assign'),
		);
		expect(checkAssignment(agent, { team: null }, target({ teamMembers: undefined }))).toEqual(
			refused('role_cannot_assign'),
		);
	});

	it('may not claim a complaint of a team it is not a member of', () => {
		expect(checkAssignment(agent, { assignee: 'user-self' }, target({ teamMembers: ['user-other'] }))).toEqual(
			refused('assignee_not_in_team'),
		);
	});
});

describe('checkAssignment: administrator', () => {
	const admin = profile('administrator');

	it('may do anything within the team membership rule', () => {
		expect(
			checkAssignment(admin, { team: 'team-eclairage-1' }, target({ teamService: ECLAIRAGE, teamMembers: undefined })),
		).toEqual(ALLOWED);
		expect(
			checkAssignment(
				admin,
				{ team: 'team-eclairage-1', assignee: 'user-e' },
				target({ teamService: ECLAIRAGE, teamMembers: ['user-e'] }),
			),
		).toEqual(ALLOWED);
		expect(
			checkAssignment(admin, { team: null, assignee: null }, target({ teamService: null, teamMembers: undefined })),
		).toEqual(ALLOWED);
		expect(checkAssignment(admin, { team: 'team-x' }, { service: null })).toEqual(ALLOWED);
	});

	it('may not assign someone who is not a member of the team', () => {
		expect(checkAssignment(admin, { assignee: 'user-stranger' }, target())).toEqual(refused('assignee_not_in_team'));
		expect(checkAssignment(admin, { assignee: 'user-self' }, target({ teamMembers: [] }))).toEqual(
			refused('assignee_not_in_team'),
		);
	});

	it('skips the membership rule when the members are not known', () => {
		expect(checkAssignment(admin, { assignee: 'user-stranger' }, target({ teamMembers: undefined }))).toEqual(ALLOWED);
	});
});

describe('checkAssignment: read-only roles', () => {
	for (const role of ['director_general', 'elected_official', 'mayor'] as const) {
		it(`refuses ${role} any change`, () => {
			const reader = profile(role, { service: VOIRIE, teams: ['team-voirie-1'] });
			expect(checkAssignment(reader, { team: 'team-voirie-1' }, target({ teamMembers: undefined }))).toEqual(
				refused('role_cannot_assign'),
			);
			expect(checkAssignment(reader, { assignee: 'user-self' }, target())).toEqual(refused('role_cannot_assign'));
			expect(checkAssignment(reader, { team: null, assignee: null }, target({ teamMembers: undefined }))).toEqual(
				refused('role_cannot_assign'),
			);
			expect(checkAssignment(reader, {}, target())).toEqual(refused('role_cannot_assign'));
		});
	}
});

describe('pickLeastLoaded', () => {
	it('returns null for an empty team', () => {
		expect(pickLeastLoaded([])).toBeNull();
	});

	it('returns the only member', () => {
		expect(pickLeastLoaded([{ userId: 'u-9', openComplaints: 40 }])).toBe('u-9');
	});

	it('picks the member with the fewest open complaints, whatever its id', () => {
		expect(
			pickLeastLoaded([
				{ userId: 'a', openComplaints: 5 },
				{ userId: 'z', openComplaints: 2 },
				{ userId: 'm', openComplaints: 3 },
			]),
		).toBe('z');
	});

	it('breaks ties with the smallest id, whatever the input order', () => {
		const members = [
			{ userId: 'c3d4', openComplaints: 1 },
			{ userId: 'a1b2', openComplaints: 1 },
			{ userId: 'b0b0', openComplaints: 1 },
			{ userId: '0000', openComplaints: 7 },
		];
		expect(pickLeastLoaded(members)).toBe('a1b2');
		expect(pickLeastLoaded([...members].reverse())).toBe('a1b2');
	});

	it('treats zero as the lowest load', () => {
		expect(
			pickLeastLoaded([
				{ userId: 'b', openComplaints: 1 },
				{ userId: 'c', openComplaints: 0 },
				{ userId: 'd', openComplaints: 0 },
			]),
		).toBe('c');
	});

	it('does not reorder its input', () => {
		const members = [
			{ userId: 'b', openComplaints: 3 },
			{ userId: 'a', openComplaints: 1 },
		];
		pickLeastLoaded(members);
		expect(members.map((member) => member.userId)).toEqual(['b', 'a']);
	});
});
