// Who is told at each escalation, as a table. The sweep records each
// escalation once per complaint (complaints.escalation_level, legal_warned_at)
// and tells the staff these rules name, in-app and by e-mail; its SQL
// (adapters/sla/sweep-queries.ts) is built from this table, one join per rule.
// No I/O, no Directus import.
import type { RoleKey } from '../access/roles';
import type { SlaState } from './deadlines';

export type EscalationKind = 'at_risk' | 'breached' | 'legal';

/** Whom a rule names, relative to the complaint. */
export type RecipientRule =
	/** the agent the complaint is assigned to */
	| { who: 'assignee' }
	/** every member of the complaint's team */
	| { who: 'team_members' }
	/** users of a role working in the complaint's service */
	| { who: 'role_in_service'; role: RoleKey }
	/** every user of a role */
	| { who: 'role'; role: RoleKey };

export interface Escalation {
	kind: EscalationKind;
	/** complaints.escalation_level once recorded (the legal warning has its own column: legal_warned_at) */
	level: number | null;
	/** the SLA state that triggers it (the legal warning: a legal ceiling within the warning period) */
	state: Exclude<SlaState, 'on_track'> | null;
	recipients: readonly RecipientRule[];
	/** raises the priority when the flow's option says so (normal → high, high → urgent) */
	raisesPriority: boolean;
}

export const ESCALATIONS: readonly Escalation[] = [
	{
		kind: 'at_risk',
		level: 1,
		state: 'at_risk',
		recipients: [{ who: 'assignee' }, { who: 'team_members' }],
		raisesPriority: false,
	},
	{
		kind: 'breached',
		level: 2,
		state: 'breached',
		recipients: [{ who: 'role_in_service', role: 'service_head' }],
		raisesPriority: true,
	},
	{
		kind: 'legal',
		level: null,
		state: null,
		recipients: [{ who: 'role', role: 'director_general' }],
		raisesPriority: false,
	},
];

export function escalation(kind: EscalationKind): Escalation {
	return ESCALATIONS.find((entry) => entry.kind === kind)!;
}

/** Escalation levels, stored in complaints.escalation_level: each is recorded once. */
export const ESCALATION_LEVELS = { none: 0, at_risk: 1, breached: 2 } as const;

/** complaints.escalation_level of a state: 0 on track, 1 at risk, 2 breached. */
export function escalationLevelOf(state: SlaState): number {
	return state === 'breached'
		? ESCALATION_LEVELS.breached
		: state === 'at_risk'
			? ESCALATION_LEVELS.at_risk
			: ESCALATION_LEVELS.none;
}

export interface EscalationFacts {
	state: SlaState;
	/** complaints.escalation_level recorded so far */
	level: number;
	/** the legal ceiling is within the warning period (legal_due_at <= now + N calendar days) */
	legalNear: boolean;
	legalWarned: boolean;
}

/** The escalations a running complaint crosses now, each once: a complaint found already late crosses both levels. */
export function escalationsDue(facts: EscalationFacts): EscalationKind[] {
	const due: EscalationKind[] = [];
	const reached = escalationLevelOf(facts.state);
	for (const entry of ESCALATIONS) {
		if (entry.level !== null && facts.level < entry.level && reached >= entry.level) due.push(entry.kind);
	}
	if (facts.legalNear && !facts.legalWarned) due.push('legal');
	return due;
}

export interface StaffMember {
	id: string;
	role: string | null;
	service: string | null;
	/** teams the user belongs to */
	teams: readonly string[];
	/** archived users are never told */
	status?: string | null;
}

export interface EscalatedComplaint {
	assignee: string | null;
	team: string | null;
	service: string | null;
}

/** Does a rule name this user for this complaint? (what the SQL join of the rule selects) */
export function isNamedBy(
	rule: RecipientRule,
	complaint: EscalatedComplaint,
	user: StaffMember,
	roleIds: Readonly<Record<string, string>>,
): boolean {
	switch (rule.who) {
		case 'assignee':
			return complaint.assignee !== null && complaint.assignee === user.id;
		case 'team_members':
			return complaint.team !== null && user.teams.includes(complaint.team);
		case 'role_in_service':
			return user.role === roleIds[rule.role] && complaint.service !== null && user.service === complaint.service;
		case 'role':
			return user.role === roleIds[rule.role];
	}
}

/** Everyone told of one escalation of a complaint, each once. */
export function recipientsOf(
	kind: EscalationKind,
	complaint: EscalatedComplaint,
	staff: readonly StaffMember[],
	roleIds: Readonly<Record<string, string>>,
): string[] {
	const rules = escalation(kind).recipients;
	return staff
		.filter((user) => user.status !== 'archived' && rules.some((rule) => isNamedBy(rule, complaint, user, roleIds)))
		.map((user) => user.id);
}
