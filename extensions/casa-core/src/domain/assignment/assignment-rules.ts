// Who may put a complaint in whose hands, and the least-loaded choice.
import type { StaffProfile } from '../access/roles';

export interface AssignmentChange {
	team?: string | null;
	assignee?: string | null;
}

export interface AssignmentTarget {
	/** service of the complaint */
	service: string | null;
	/** service the target team belongs to */
	teamService?: string | null;
	/** members of the target team (ids) */
	teamMembers?: string[];
}

export type AssignmentCheck =
	| { allowed: true }
	| {
			allowed: false;
			reason: 'role_cannot_assign' | 'team_outside_service' | 'assignee_not_in_team' | 'agent_claims_only_own';
	  };

/**
 * Registry offices route to a team; heads dispatch within their service; an
 * agent may only take a complaint of one of their teams for themselves.
 */
export function checkAssignment(
	profile: StaffProfile,
	change: AssignmentChange,
	target: AssignmentTarget,
): AssignmentCheck {
	const { role } = profile;
	if (change.assignee && target.teamMembers && !target.teamMembers.includes(change.assignee))
		return { allowed: false, reason: 'assignee_not_in_team' };
	switch (role) {
		case 'administrator':
			return { allowed: true };
		case 'registry_office':
			if (change.assignee !== undefined) return { allowed: false, reason: 'role_cannot_assign' };
			return { allowed: true };
		case 'service_head':
			// fail closed: a head without a service, or a team whose service is unknown, is outside the head's service
			if (change.team && (!profile.service || target.teamService !== profile.service))
				return { allowed: false, reason: 'team_outside_service' };
			return { allowed: true };
		case 'service_agent':
			if (change.team !== undefined) return { allowed: false, reason: 'role_cannot_assign' };
			if (change.assignee !== profile.userId) return { allowed: false, reason: 'agent_claims_only_own' };
			return { allowed: true };
		default:
			return { allowed: false, reason: 'role_cannot_assign' };
	}
}

export interface MemberLoad {
	userId: string;
	openComplaints: number;
}

/** The member with the fewest open complaints; ties go to the smallest id so the choice is repeatable. */
export function pickLeastLoaded(members: MemberLoad[]): string | null {
	if (members.length === 0) return null;
	const sorted = [...members].sort((a, b) => a.openComplaints - b.openComplaints || a.userId.localeCompare(b.userId));
	return sorted[0].userId;
}
