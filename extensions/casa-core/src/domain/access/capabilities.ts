// The one access matrix of the platform. Scoped staff roles hold no Directus
// permission on complaint data: every project endpoint asks this module what
// a user may do, globally (may they open the desk? export?) and with one
// complaint (read it, read the citizen's contact details, claim, resolve…).
// Plain data and functions: the differential access test computes scope
// independently in SQL and compares.
import type { RoleKey, StaffProfile } from './roles';
import { type ComplaintStatus, isComplaintStatus, nextStatuses } from '../workflow/transitions';

/** What a user may do anywhere, whatever the complaint. */
export type GlobalCapability =
	| 'use_workspace'
	| 'use_desk'
	| 'read_queue'
	| 'bulk_assign'
	| 'export'
	| 'view_city'
	| 'view_dashboards'
	| 'view_figures'
	| 'share_reports'
	| 'open_complaints'
	// loi 09-08: produce everything held about a person, erase at their request
	| 'serve_data_requests';

/** What a user may do with one complaint. Workflow moves are commands too (see COMMANDS). */
export type ComplaintCapability =
	'read' | 'read_personal' | 'note' | 'attach' | 'claim' | 'assign' | 'requalify' | 'correct' | 'merge';

export const GLOBAL_CAPABILITIES: Record<RoleKey, readonly GlobalCapability[]> = {
	administrator: [
		'use_workspace',
		'use_desk',
		'read_queue',
		'bulk_assign',
		'export',
		'view_city',
		'view_dashboards',
		'view_figures',
		'share_reports',
		'open_complaints',
		'serve_data_requests',
	],
	registry_office: ['use_workspace', 'use_desk', 'read_queue', 'view_figures', 'open_complaints'],
	service_agent: ['use_workspace', 'read_queue', 'view_figures', 'open_complaints'],
	service_head: [
		'use_workspace',
		'read_queue',
		'bulk_assign',
		'export',
		'view_dashboards',
		'view_figures',
		'open_complaints',
	],
	director_general: [
		'use_workspace',
		'read_queue',
		'export',
		'view_city',
		'view_dashboards',
		'view_figures',
		'share_reports',
		'open_complaints',
		'serve_data_requests',
	],
	// officials see figures, never a complaint or a citizen
	elected_official: ['use_workspace', 'view_city', 'view_dashboards', 'view_figures'],
	mayor: ['use_workspace', 'view_city', 'view_dashboards', 'view_figures', 'share_reports'],
};

/** Complaint capabilities a role has on complaints inside its scope. */
export const COMPLAINT_CAPABILITIES: Record<RoleKey, readonly ComplaintCapability[]> = {
	administrator: ['read', 'read_personal', 'note', 'attach', 'claim', 'assign', 'requalify', 'correct', 'merge'],
	registry_office: ['read', 'read_personal', 'note', 'attach', 'assign', 'requalify', 'correct', 'merge'],
	service_agent: ['read', 'read_personal', 'note', 'attach', 'claim'],
	service_head: ['read', 'read_personal', 'note', 'attach', 'claim', 'assign', 'requalify', 'correct', 'merge'],
	director_general: ['read', 'read_personal'],
	elected_official: [],
	mayor: [],
};

/** The screen each role lands on after login. */
export type Landing = 'queue' | 'service' | 'desk' | 'city' | 'dashboard' | 'figures';
export const LANDING: Record<RoleKey, Landing> = {
	administrator: 'city',
	registry_office: 'desk',
	service_agent: 'queue',
	service_head: 'service',
	// officials land on their figures (modules/workspace/officials-view): the city, by type and place
	director_general: 'figures',
	elected_official: 'figures',
	mayor: 'figures',
};

/** The facts of a complaint that decide scope and moves. */
export interface ComplaintFacts {
	status: string;
	team: string | null;
	service: string | null;
	arrondissement: string | null;
	assignee: string | null;
	category: string | null;
	user_created: string | null;
}

/**
 * Is this complaint inside the user's scope? The same rule as the SQL scope
 * (scope.ts `complaintScope`), written as a predicate for one row.
 */
export function inScope(profile: StaffProfile, complaint: ComplaintFacts): boolean {
	switch (profile.role) {
		case 'administrator':
		case 'director_general':
			return true;
		case 'elected_official':
		case 'mayor':
			// aggregates only: no complaint is theirs to open
			return false;
		case 'registry_office':
			return (
				(profile.arrondissement !== null && complaint.arrondissement === profile.arrondissement) ||
				complaint.user_created === profile.userId ||
				(complaint.category === null && complaint.arrondissement === null)
			);
		case 'service_agent':
			return (
				(complaint.team !== null && profile.teams.includes(complaint.team)) || complaint.assignee === profile.userId
			);
		case 'service_head':
			return profile.service !== null && complaint.service === profile.service;
	}
}

export function hasGlobal(profile: StaffProfile | null, capability: GlobalCapability): boolean {
	return !!profile && GLOBAL_CAPABILITIES[profile.role].includes(capability);
}

/** Commands a user gives a complaint; each is a recorded event (see application/complaint-commands). */
export const COMMANDS = [
	'acknowledge',
	'assign',
	'claim',
	'start',
	'request_info',
	'resume',
	'resolve',
	'reject',
	'reopen',
	'close',
	'requalify',
	'note',
	'attach',
	'correct',
	// a duplicate joins the original: rejected with the reason "duplicate of …", its citizen a supporter of the original
	'merge',
] as const;
export type Command = (typeof COMMANDS)[number];

export function isCommand(value: unknown): value is Command {
	return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}

/** The workflow move behind each status command (from the transition table). */
export const STATUS_COMMANDS: Partial<Record<Command, readonly ComplaintStatus[]>> = {
	acknowledge: ['acknowledged'],
	start: ['in_progress'],
	request_info: ['waiting_citizen'],
	// a citizen's answer resumes the work where it stood: in progress once assigned, else back to qualification
	resume: ['in_progress', 'acknowledged'],
	resolve: ['resolved'],
	reject: ['rejected'],
	reopen: ['reopened'],
	close: ['closed'],
	merge: ['rejected'],
};

/** Commands that only make sense from some statuses (the table alone allows waiting_citizen → acknowledged for both). */
const COMMAND_FROM: Partial<Record<Command, readonly string[]>> = {
	acknowledge: ['new'],
	start: ['assigned', 'reopened'],
	resume: ['waiting_citizen'],
};

/** Fields a command needs from the user (the screen asks for them). */
export const COMMAND_INPUTS: Record<Command, readonly string[]> = {
	acknowledge: [],
	assign: ['team', 'assignee'],
	claim: [],
	start: [],
	request_info: ['message'],
	resume: [],
	resolve: ['public_reply'],
	reject: ['rejection_reason'],
	reopen: [],
	close: [],
	requalify: ['category'],
	note: ['body'],
	attach: ['file'],
	correct: ['field', 'value'],
	merge: ['into'],
};

/** Status commands that also need a capability of their own. */
const STATUS_CAPABILITY: Partial<Record<Command, ComplaintCapability>> = { merge: 'merge' };

const NON_STATUS_COMMANDS: Partial<Record<Command, ComplaintCapability>> = {
	assign: 'assign',
	claim: 'claim',
	requalify: 'requalify',
	note: 'note',
	attach: 'attach',
	correct: 'correct',
};

/** Statuses in which a complaint's work may still change hands or category. */
const WORKABLE: readonly string[] = ['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'];

/** What this user may do with this complaint now. Empty when it is out of scope. */
export function complaintCapabilities(
	profile: StaffProfile | null,
	complaint: ComplaintFacts,
): Set<ComplaintCapability> {
	if (!profile || !inScope(profile, complaint)) return new Set();
	const granted = new Set(COMPLAINT_CAPABILITIES[profile.role]);
	if (!WORKABLE.includes(complaint.status)) {
		granted.delete('claim');
		granted.delete('assign');
		granted.delete('requalify');
	}
	if (granted.has('claim')) {
		// an agent takes only what their teams hold and nobody has taken; a head takes what a team of theirs holds
		// (the assignment rules refuse an assignee outside the complaint's team: the button must not offer it)
		const already = complaint.assignee === profile.userId;
		const member = complaint.team !== null && profile.teams.includes(complaint.team);
		const teamOk = member && (profile.role !== 'service_agent' || complaint.assignee === null);
		if (already || !teamOk || complaint.team === null) granted.delete('claim');
	}
	return granted;
}

/** The commands this user may give this complaint now: the buttons of the complaint screen. */
export function availableCommands(profile: StaffProfile | null, complaint: ComplaintFacts): Command[] {
	const capabilities = complaintCapabilities(profile, complaint);
	if (!profile || !capabilities.has('read')) return [];
	const commands: Command[] = [];
	for (const command of COMMANDS) {
		const targets = STATUS_COMMANDS[command];
		if (targets) {
			// only those who work the complaint move it (the director general reads)
			if (!capabilities.has('note')) continue;
			// an agent works what is theirs or their team's; a move on another's complaint needs a claim first
			if (profile.role === 'service_agent' && complaint.assignee !== profile.userId) continue;
			// a status command with its own capability (merge) needs it too
			if (STATUS_CAPABILITY[command] && !capabilities.has(STATUS_CAPABILITY[command]!)) continue;
			if (commandTarget(command, profile.role, complaint.status)) commands.push(command);
			continue;
		}
		const needed = NON_STATUS_COMMANDS[command];
		if (needed && capabilities.has(needed)) commands.push(command);
	}
	return commands;
}

/** The status a status command leads to from the current one, or null when none may. */
export function commandTarget(command: Command, role: RoleKey, from: string): ComplaintStatus | null {
	const targets = STATUS_COMMANDS[command];
	if (!targets || !isComplaintStatus(from)) return null;
	if (COMMAND_FROM[command] && !COMMAND_FROM[command]!.includes(from)) return null;
	const moves = nextStatuses(from, role);
	return targets.find((target) => moves.includes(target)) ?? null;
}

/** Fields a correction may change; the original stays in the history event. */
export const CORRECTABLE_FIELDS = [
	'citizen_name',
	'citizen_phone',
	'citizen_email',
	'citizen_postal_address',
	'address',
] as const;
