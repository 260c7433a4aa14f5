import { describe, expect, it } from 'vitest';
import {
	type ComplaintFacts,
	availableCommands,
	commandTarget,
	complaintCapabilities,
	hasGlobal,
	inScope,
	LANDING,
} from './capabilities';
import { STAFF_ROLES, type RoleKey, type StaffProfile } from './roles';
import { complaintScope } from './scope';

const ME = '11111111-2222-4333-8444-555555555555';
const OTHER = '99999999-2222-4333-8444-555555555555';
const TEAM = 'team-prop';

function profile(role: RoleKey, extra: Partial<StaffProfile> = {}): StaffProfile {
	return { userId: ME, role, teams: [], service: null, arrondissement: null, ...extra };
}

function complaint(extra: Partial<ComplaintFacts> = {}): ComplaintFacts {
	return {
		status: 'assigned',
		team: TEAM,
		service: 'PROP',
		arrondissement: 'HH',
		assignee: null,
		category: 'PROP-01',
		user_created: null,
		...extra,
	};
}

/** The SQL scope filter evaluated on one row: the matrix and the SQL adapter must agree. */
function matchesFilter(filter: Record<string, any> | null, row: Record<string, unknown>): boolean {
	if (filter === null) return true;
	return Object.entries(filter).every(([key, value]) => {
		if (key === '_or') return (value as Record<string, any>[]).some((entry) => matchesFilter(entry, row));
		if (key === '_and') return (value as Record<string, any>[]).every((entry) => matchesFilter(entry, row));
		if ('_eq' in value) return row[key] === value._eq;
		if ('_in' in value) return (value._in as unknown[]).includes(row[key]);
		if ('_null' in value)
			return value._null ? row[key] === null || row[key] === undefined : row[key] !== null && row[key] !== undefined;
		throw new Error(`unknown operator in ${JSON.stringify(value)}`);
	});
}

describe('inScope agrees with the SQL scope for every role that opens complaints', () => {
	const profiles = [
		profile('registry_office', { arrondissement: 'HH' }),
		profile('registry_office'),
		profile('service_agent', { teams: [TEAM] }),
		profile('service_agent'),
		profile('service_head', { service: 'PROP' }),
		profile('service_head'),
		profile('director_general'),
		profile('administrator'),
	];
	const rows: ComplaintFacts[] = [];
	for (const team of [TEAM, 'team-voi', null])
		for (const service of ['PROP', 'VOI', null])
			for (const arrondissement of ['HH', 'SB', null])
				for (const assignee of [ME, OTHER, null])
					for (const category of ['PROP-01', null])
						for (const user_created of [ME, null])
							rows.push(complaint({ team, service, arrondissement, assignee, category, user_created }));
	it.each(
		profiles.map((p) => [
			`${p.role} ${JSON.stringify({ teams: p.teams, service: p.service, arrondissement: p.arrondissement })}`,
			p,
		]),
	)('%s', (_name, p) => {
		for (const row of rows)
			expect(inScope(p as StaffProfile, row), JSON.stringify(row)).toBe(
				matchesFilter(complaintScope(p as StaffProfile), { id: 'x', ...row }),
			);
	});
});

describe('officials never open a complaint', () => {
	it.each(['elected_official', 'mayor'] as const)('%s', (role) => {
		expect(complaintCapabilities(profile(role), complaint()).size).toBe(0);
		expect(availableCommands(profile(role), complaint())).toEqual([]);
		expect(hasGlobal(profile(role), 'open_complaints')).toBe(false);
		expect(hasGlobal(profile(role), 'view_dashboards')).toBe(true);
		expect(LANDING[role]).toBe('figures');
	});
});

describe('availableCommands: only the moves this role may make now', () => {
	const agent = profile('service_agent', { teams: [TEAM] });
	it('an agent claims an unclaimed team complaint, and may not move it before', () => {
		expect(availableCommands(agent, complaint())).toEqual(['claim', 'note', 'attach']);
	});
	it('once it is theirs, the agent starts, asks the citizen, resolves', () => {
		expect(availableCommands(agent, complaint({ assignee: ME }))).toEqual([
			'start',
			'request_info',
			'resolve',
			'note',
			'attach',
		]);
		expect(availableCommands(agent, complaint({ assignee: ME, status: 'in_progress' }))).toEqual([
			'request_info',
			'resolve',
			'note',
			'attach',
		]);
		expect(availableCommands(agent, complaint({ assignee: ME, status: 'waiting_citizen' }))).toEqual([
			'resume',
			'note',
			'attach',
		]);
	});
	it("an agent neither rejects nor reassigns, nor moves a colleague's complaint", () => {
		const own = availableCommands(agent, complaint({ assignee: ME }));
		expect(own).not.toContain('reject');
		expect(own).not.toContain('assign');
		expect(availableCommands(agent, complaint({ assignee: OTHER }))).toEqual(['note', 'attach']);
	});
	it('nothing out of scope', () => {
		expect(availableCommands(agent, complaint({ team: 'team-voi' }))).toEqual([]);
		expect(availableCommands(profile('service_head', { service: 'VOI' }), complaint())).toEqual([]);
	});
	it('a service head dispatches, rejects, reopens and closes', () => {
		const head = profile('service_head', { service: 'PROP' });
		expect(availableCommands(head, complaint({ status: 'new', team: null }))).toEqual([
			'acknowledge',
			'assign',
			'reject',
			'requalify',
			'note',
			'attach',
			'correct',
			'merge',
		]);
		expect(availableCommands(head, complaint({ status: 'resolved' }))).toEqual([
			'reopen',
			'close',
			'note',
			'attach',
			'correct',
		]);
	});
	it('a service head claims only what one of their teams holds (the assignment rules refuse any other assignee)', () => {
		expect(
			availableCommands(profile('service_head', { service: 'PROP' }), complaint({ status: 'assigned' })),
		).not.toContain('claim');
		expect(
			availableCommands(
				profile('service_head', { service: 'PROP', teams: ['team-prop'] }),
				complaint({ status: 'assigned' }),
			),
		).toContain('claim');
	});
	it('merging a duplicate into its original is a rejection: offered to those who qualify, where the transition table allows it', () => {
		const office = profile('registry_office', { arrondissement: 'HH' });
		expect(availableCommands(office, complaint({ status: 'new', team: null }))).toContain('merge');
		expect(availableCommands(office, complaint({ status: 'resolved' }))).not.toContain('merge');
		// the transition table keeps assigned → rejected for heads and administrators
		expect(availableCommands(office, complaint({ status: 'assigned' }))).not.toContain('merge');
		expect(
			availableCommands(profile('service_head', { service: 'PROP' }), complaint({ status: 'assigned' })),
		).toContain('merge');
		const agent = profile('service_agent', { teams: ['team-prop'], userId: 'me' });
		expect(
			availableCommands(agent, complaint({ status: 'assigned', team: 'team-prop', assignee: 'me' })),
		).not.toContain('merge');
	});
	it('the registry office qualifies; it does not resolve', () => {
		const office = profile('registry_office', { arrondissement: 'HH' });
		const commands = availableCommands(office, complaint({ status: 'new', team: null }));
		expect(commands).toContain('acknowledge');
		expect(commands).toContain('requalify');
		expect(commands).not.toContain('resolve');
		expect(commands).not.toContain('claim');
	});
	it('the director general reads, with contact details on request, and moves nothing', () => {
		const dgs = profile('director_general');
		expect([...complaintCapabilities(dgs, complaint())].sort()).toEqual(['read', 'read_personal']);
		expect(availableCommands(dgs, complaint())).toEqual([]);
	});
	it('every role the platform knows has a landing and global capabilities', () => {
		for (const role of STAFF_ROLES) expect(LANDING[role]).toBeTruthy();
	});
});

describe('commandTarget follows the transition table', () => {
	it('resume goes back to work when the complaint was assigned, to qualification for a registry office', () => {
		expect(commandTarget('resume', 'service_agent', 'waiting_citizen')).toBe('in_progress');
		expect(commandTarget('resume', 'registry_office', 'waiting_citizen')).toBe('acknowledged');
		expect(commandTarget('resolve', 'service_agent', 'new')).toBeNull();
		expect(commandTarget('note', 'service_agent', 'new')).toBeNull();
	});
});
