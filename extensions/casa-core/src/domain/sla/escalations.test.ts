import { describe, expect, it } from 'vitest';
import { ROLE_IDS } from '../access/roles';
import { ESCALATIONS, type StaffMember, escalationLevelOf, escalationsDue, recipientsOf } from './escalations';

const staff: StaffMember[] = [
	{ id: 'agent', role: ROLE_IDS.service_agent, service: 'PROP', teams: ['prop-nord'] },
	{ id: 'colleague', role: ROLE_IDS.service_agent, service: 'PROP', teams: ['prop-nord'] },
	{ id: 'other-team', role: ROLE_IDS.service_agent, service: 'PROP', teams: ['prop-sud'] },
	{ id: 'archived', role: ROLE_IDS.service_agent, service: 'PROP', teams: ['prop-nord'], status: 'archived' },
	{ id: 'chef', role: ROLE_IDS.service_head, service: 'PROP', teams: [] },
	{ id: 'chef-voirie', role: ROLE_IDS.service_head, service: 'VOIR', teams: [] },
	{ id: 'dgs', role: ROLE_IDS.director_general, service: null, teams: [] },
];
const complaint = { assignee: 'agent', team: 'prop-nord', service: 'PROP' };

describe('escalation recipients', () => {
	it('at risk: the assignee and the members of the team, each once, never an archived user', () => {
		expect(recipientsOf('at_risk', complaint, staff, ROLE_IDS)).toEqual(['agent', 'colleague']);
		// assigned outside the team: told as well
		expect(recipientsOf('at_risk', { ...complaint, assignee: 'other-team' }, staff, ROLE_IDS)).toEqual([
			'agent',
			'colleague',
			'other-team',
		]);
		expect(recipientsOf('at_risk', { assignee: null, team: null, service: 'PROP' }, staff, ROLE_IDS)).toEqual([]);
	});

	it("breached: the head of the complaint's service only; legal ceiling: the director general", () => {
		expect(recipientsOf('breached', complaint, staff, ROLE_IDS)).toEqual(['chef']);
		expect(recipientsOf('breached', { ...complaint, service: null }, staff, ROLE_IDS)).toEqual([]);
		expect(recipientsOf('legal', complaint, staff, ROLE_IDS)).toEqual(['dgs']);
	});

	it('one row per escalation, levels in order, only the breach raises the priority', () => {
		expect(ESCALATIONS.map((entry) => [entry.kind, entry.level, entry.raisesPriority])).toEqual([
			['at_risk', 1, false],
			['breached', 2, true],
			['legal', null, false],
		]);
	});
});

describe('escalationsDue', () => {
	it('crosses each level once, both at once for a complaint found already late', () => {
		expect(escalationsDue({ state: 'at_risk', level: 0, legalNear: false, legalWarned: false })).toEqual(['at_risk']);
		expect(escalationsDue({ state: 'at_risk', level: 1, legalNear: false, legalWarned: false })).toEqual([]);
		expect(escalationsDue({ state: 'breached', level: 0, legalNear: false, legalWarned: false })).toEqual([
			'at_risk',
			'breached',
		]);
		expect(escalationsDue({ state: 'breached', level: 1, legalNear: true, legalWarned: false })).toEqual([
			'breached',
			'legal',
		]);
		expect(escalationsDue({ state: 'on_track', level: 2, legalNear: true, legalWarned: true })).toEqual([]);
		expect([escalationLevelOf('on_track'), escalationLevelOf('at_risk'), escalationLevelOf('breached')]).toEqual([
			0, 1, 2,
		]);
	});
});
