import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles';
import {
	missingProofOfClosure,
	COMPLAINT_STATUSES,
	OPEN_STATUSES,
	PAUSED_STATUSES,
	TRANSITIONS,
	checkTransition,
	isComplaintStatus,
	isOpen,
	nextStatuses,
	type ComplaintStatus,
	type TransitionContext,
} from './transitions';

const ACTORS: readonly Actor[] = [
	'administrator',
	'registry_office',
	'service_agent',
	'service_head',
	'director_general',
	'elected_official',
	'mayor',
	'citizen',
	'system',
];

/** Every requirement satisfied. */
const FULL: TransitionContext = {
	publicReply: 'La chaussée a été réparée.',
	rejectionReason: 'Hors compétence de la commune.',
	team: 'team-voirie-1',
	withinReopenPeriod: true,
};

/** The (from → to) pairs the workflow allows, written out independently of the table. */
const EXPECTED_PAIRS = [
	'new>acknowledged',
	'new>assigned',
	'new>rejected',
	'acknowledged>assigned',
	'acknowledged>rejected',
	'acknowledged>waiting_citizen',
	'assigned>in_progress',
	'assigned>waiting_citizen',
	'assigned>resolved',
	'assigned>rejected',
	'in_progress>waiting_citizen',
	'in_progress>resolved',
	'in_progress>rejected',
	'waiting_citizen>in_progress',
	'waiting_citizen>acknowledged',
	'waiting_citizen>rejected',
	'resolved>closed',
	'resolved>reopened',
	'closed>reopened',
	'rejected>reopened',
	'reopened>assigned',
	'reopened>in_progress',
	'reopened>resolved',
];

function rowsFor(from: ComplaintStatus, to: ComplaintStatus) {
	return TRANSITIONS.filter((row) => row.from === from && row.to === to);
}

describe('the transition table', () => {
	it('holds exactly the expected (from → to) pairs', () => {
		const pairs = [...new Set(TRANSITIONS.map((row) => `${row.from}>${row.to}`))];
		expect(pairs.sort()).toEqual([...EXPECTED_PAIRS].sort());
	});

	it('only uses known statuses and never loops on a status', () => {
		for (const row of TRANSITIONS) {
			expect(isComplaintStatus(row.from), `${row.from}`).toBe(true);
			expect(isComplaintStatus(row.to), `${row.to}`).toBe(true);
			expect(row.from).not.toBe(row.to);
		}
	});

	it('gives each actor at most one row per (from → to) pair', () => {
		for (const row of TRANSITIONS) {
			for (const actor of row.actors) {
				const matching = rowsFor(row.from, row.to).filter((candidate) => candidate.actors.includes(actor));
				expect(matching, `${row.from}>${row.to} for ${actor}`).toHaveLength(1);
			}
		}
	});

	it('lists the requirements of the guarded moves', () => {
		const requirements = Object.fromEntries(
			TRANSITIONS.filter((row) => row.requires).map((row) => [
				`${row.from}>${row.to}>${row.actors.join('|')}`,
				row.requires,
			]),
		);
		expect(requirements).toEqual({
			'new>assigned>administrator|registry_office|service_head': ['team'],
			'new>rejected>administrator|registry_office|service_head': ['rejection_reason'],
			'acknowledged>assigned>administrator|registry_office|service_head': ['team'],
			'acknowledged>rejected>administrator|registry_office|service_head': ['rejection_reason'],
			'assigned>resolved>administrator|service_agent|service_head': ['public_reply', 'after_photo'],
			'assigned>rejected>administrator|service_head': ['rejection_reason'],
			'in_progress>resolved>administrator|service_agent|service_head': ['public_reply', 'after_photo'],
			'in_progress>rejected>administrator|service_head': ['rejection_reason'],
			'waiting_citizen>rejected>administrator|service_head': ['rejection_reason'],
			'resolved>reopened>citizen': ['within_reopen_period'],
			'reopened>assigned>administrator|registry_office|service_head': ['team'],
			'reopened>resolved>administrator|service_agent|service_head': ['public_reply', 'after_photo'],
		});
	});
});

describe('checkTransition: every row is allowed for each of its actors', () => {
	const cases = TRANSITIONS.flatMap((row) => row.actors.map((actor) => ({ row, actor })));

	it.each(cases.map(({ row, actor }) => [row.from, row.to, actor, row] as const))(
		'%s → %s by %s',
		(from, to, actor, row) => {
			const result = checkTransition(from, to, actor, FULL);
			expect(result.allowed).toBe(true);
			if (result.allowed) expect(result.transition).toBe(row);
		},
	);

	it('covers 68 (row, actor) cases', () => {
		expect(cases).toHaveLength(68);
	});

	it('allows the unguarded rows with an empty context and refuses the guarded ones with their first requirement', () => {
		for (const { row, actor } of cases) {
			const result = checkTransition(row.from, row.to, actor);
			if (!row.requires || row.requires.length === 0) {
				expect(result, `${row.from}>${row.to} by ${actor}`).toEqual({ allowed: true, transition: row });
			} else {
				expect(result, `${row.from}>${row.to} by ${actor}`).toEqual({
					allowed: false,
					reason: 'missing_requirement',
					requirement: row.requires[0],
				});
			}
		}
	});
});

describe('checkTransition: every combination outside the table is refused', () => {
	const refused: [ComplaintStatus, ComplaintStatus, Actor, 'not_in_table' | 'actor_not_allowed'][] = [];
	for (const from of COMPLAINT_STATUSES) {
		for (const to of COMPLAINT_STATUSES) {
			if (from === to) continue;
			const pairInTable = EXPECTED_PAIRS.includes(`${from}>${to}`);
			for (const actor of ACTORS) {
				const actorListed = TRANSITIONS.some((row) => row.from === from && row.to === to && row.actors.includes(actor));
				if (actorListed) continue;
				refused.push([from, to, actor, pairInTable ? 'actor_not_allowed' : 'not_in_table']);
			}
		}
	}

	it('builds the expected number of refused combinations', () => {
		// 9 statuses → 72 ordered pairs × 9 actors = 648 combinations, 68 of them allowed
		expect(refused).toHaveLength(648 - 68);
		expect(refused.filter((entry) => entry[3] === 'not_in_table')).toHaveLength(
			(72 - EXPECTED_PAIRS.length) * ACTORS.length,
		);
	});

	it.each(refused)('%s → %s by %s is refused (%s)', (from, to, actor, reason) => {
		expect(checkTransition(from, to, actor, FULL)).toEqual({ allowed: false, reason });
	});

	it('uses actor_not_allowed for a pair in the table and not_in_table for a pair outside it', () => {
		expect(checkTransition('new', 'resolved', 'administrator', FULL)).toEqual({
			allowed: false,
			reason: 'not_in_table',
		});
		expect(checkTransition('closed', 'new', 'administrator', FULL)).toEqual({ allowed: false, reason: 'not_in_table' });
		expect(checkTransition('new', 'acknowledged', 'service_agent', FULL)).toEqual({
			allowed: false,
			reason: 'actor_not_allowed',
		});
		expect(checkTransition('assigned', 'rejected', 'service_agent', FULL)).toEqual({
			allowed: false,
			reason: 'actor_not_allowed',
		});
		expect(checkTransition('resolved', 'reopened', 'registry_office', FULL)).toEqual({
			allowed: false,
			reason: 'actor_not_allowed',
		});
		expect(checkTransition('closed', 'reopened', 'citizen', FULL)).toEqual({
			allowed: false,
			reason: 'actor_not_allowed',
		});
	});
});

describe('checkTransition: requirements', () => {
	describe('proof of closure: a category that asks for it needs an after-photo to resolve', () => {
		for (const from of ['assigned', 'in_progress', 'reopened'] as const) {
			it(`${from} → resolved without an after-photo is refused`, () => {
				for (const afterPhotos of [undefined, 0])
					expect(
						checkTransition(from, 'resolved', 'service_agent', {
							publicReply: 'Réparé.',
							afterPhotoRequired: true,
							afterPhotos,
						}),
					).toEqual({ allowed: false, reason: 'missing_requirement', requirement: 'after_photo' });
			});
			it(`${from} → resolved with an after-photo is allowed`, () => {
				expect(
					checkTransition(from, 'resolved', 'service_head', {
						publicReply: 'Réparé.',
						afterPhotoRequired: true,
						afterPhotos: 1,
					}).allowed,
				).toBe(true);
			});
		}
		it('is not asked of a category that does not ask for it', () => {
			expect(
				checkTransition('in_progress', 'resolved', 'service_agent', {
					publicReply: 'Réparé.',
					afterPhotoRequired: false,
					afterPhotos: 0,
				}).allowed,
			).toBe(true);
			expect(checkTransition('in_progress', 'resolved', 'service_agent', { publicReply: 'Réparé.' }).allowed).toBe(
				true,
			);
		});
		it('names the public reply first when both are missing', () => {
			expect(checkTransition('in_progress', 'resolved', 'service_agent', { afterPhotoRequired: true })).toMatchObject({
				requirement: 'public_reply',
			});
		});
		it('missingProofOfClosure says the same', () => {
			expect(missingProofOfClosure({ afterPhotoRequired: true, afterPhotos: 0 })).toBe(true);
			expect(missingProofOfClosure({ afterPhotoRequired: true, afterPhotos: 2 })).toBe(false);
			expect(missingProofOfClosure({ afterPhotoRequired: false })).toBe(false);
		});
	});

	describe('resolving needs a public reply', () => {
		for (const from of ['assigned', 'in_progress', 'reopened'] as const) {
			for (const publicReply of [undefined, null, '', '   ', '\n\t  \n']) {
				it(`${from} → resolved with publicReply=${JSON.stringify(publicReply)} is refused`, () => {
					expect(checkTransition(from, 'resolved', 'service_agent', { ...FULL, publicReply })).toEqual({
						allowed: false,
						reason: 'missing_requirement',
						requirement: 'public_reply',
					});
				});
			}
		}

		it('accepts a reply with surrounding whitespace', () => {
			const result = checkTransition('in_progress', 'resolved', 'service_head', { publicReply: '  Réparé.  ' });
			expect(result.allowed).toBe(true);
		});

		it('checks the actor before the requirement', () => {
			expect(checkTransition('in_progress', 'resolved', 'registry_office', { publicReply: '' })).toEqual({
				allowed: false,
				reason: 'actor_not_allowed',
			});
		});
	});

	describe('rejecting needs a reason', () => {
		const rejections: [ComplaintStatus, Actor][] = [
			['new', 'registry_office'],
			['acknowledged', 'service_head'],
			['assigned', 'administrator'],
			['in_progress', 'service_head'],
			['waiting_citizen', 'administrator'],
		];
		for (const [from, actor] of rejections) {
			for (const rejectionReason of [undefined, null, '', ' \t ']) {
				it(`${from} → rejected by ${actor} with rejectionReason=${JSON.stringify(rejectionReason)} is refused`, () => {
					expect(checkTransition(from, 'rejected', actor, { ...FULL, rejectionReason })).toEqual({
						allowed: false,
						reason: 'missing_requirement',
						requirement: 'rejection_reason',
					});
				});
			}
		}

		it('is allowed once a reason is given', () => {
			const result = checkTransition('new', 'rejected', 'registry_office', {
				rejectionReason: 'Doublon de CAS-2025-000012',
			});
			expect(result.allowed).toBe(true);
		});

		it('is not satisfied by a public reply', () => {
			expect(checkTransition('new', 'rejected', 'registry_office', { publicReply: 'Réponse' })).toEqual({
				allowed: false,
				reason: 'missing_requirement',
				requirement: 'rejection_reason',
			});
		});
	});

	describe('assigning needs a team', () => {
		for (const from of ['new', 'acknowledged', 'reopened'] as const) {
			for (const team of [undefined, null, '', '  ']) {
				it(`${from} → assigned with team=${JSON.stringify(team)} is refused`, () => {
					expect(checkTransition(from, 'assigned', 'registry_office', { ...FULL, team })).toEqual({
						allowed: false,
						reason: 'missing_requirement',
						requirement: 'team',
					});
				});
			}
		}

		it('is allowed with a team', () => {
			const result = checkTransition('acknowledged', 'assigned', 'service_head', { team: 'team-eclairage' });
			expect(result.allowed).toBe(true);
		});
	});

	describe('reopening a resolved complaint', () => {
		it('is allowed to the citizen within the reopen period', () => {
			const result = checkTransition('resolved', 'reopened', 'citizen', { withinReopenPeriod: true });
			expect(result.allowed).toBe(true);
			if (result.allowed) expect(result.transition.requires).toEqual(['within_reopen_period']);
		});

		for (const withinReopenPeriod of [false, undefined]) {
			it(`is refused to the citizen when withinReopenPeriod=${withinReopenPeriod}`, () => {
				expect(checkTransition('resolved', 'reopened', 'citizen', { ...FULL, withinReopenPeriod })).toEqual({
					allowed: false,
					reason: 'missing_requirement',
					requirement: 'within_reopen_period',
				});
			});
		}

		for (const actor of ['service_head', 'administrator'] as const) {
			for (const withinReopenPeriod of [true, false, undefined]) {
				it(`is allowed to ${actor} regardless of the period (withinReopenPeriod=${withinReopenPeriod})`, () => {
					const result = checkTransition('resolved', 'reopened', actor, { withinReopenPeriod });
					expect(result.allowed).toBe(true);
					if (result.allowed) {
						expect(result.transition.actors).toEqual(['administrator', 'service_head']);
						expect(result.transition.requires).toBeUndefined();
					}
				});
			}
		}

		it('is refused to the citizen once the complaint is closed, even within the period', () => {
			expect(checkTransition('closed', 'reopened', 'citizen', { withinReopenPeriod: true })).toEqual({
				allowed: false,
				reason: 'actor_not_allowed',
			});
		});

		it('is refused to a service agent', () => {
			expect(checkTransition('resolved', 'reopened', 'service_agent', FULL)).toEqual({
				allowed: false,
				reason: 'actor_not_allowed',
			});
		});
	});
});

describe('checkTransition: same and unknown statuses', () => {
	it.each(COMPLAINT_STATUSES.map((status) => [status]))('%s → %s is same_status', (status) => {
		expect(checkTransition(status, status, 'administrator', FULL)).toEqual({ allowed: false, reason: 'same_status' });
	});

	it.each([
		['new', 'archived'],
		['archived', 'new'],
		['', 'new'],
		['new', ''],
		['NEW', 'acknowledged'],
		['in progress', 'resolved'],
		['archived', 'archived'],
	])('%j → %j is unknown_status', (from, to) => {
		expect(checkTransition(from, to, 'administrator', FULL)).toEqual({ allowed: false, reason: 'unknown_status' });
	});
});

describe('nextStatuses', () => {
	it("gives a service agent exactly in_progress, waiting_citizen, resolved from 'assigned'", () => {
		expect(nextStatuses('assigned', 'service_agent')).toEqual(['in_progress', 'waiting_citizen', 'resolved']);
	});

	it('lists each target once even when two rows lead there', () => {
		expect(nextStatuses('resolved', 'administrator')).toEqual(['closed', 'reopened']);
		expect(nextStatuses('resolved', 'service_head')).toEqual(['closed', 'reopened']);
	});

	it('matches the table for a few more actors', () => {
		expect(nextStatuses('new', 'registry_office')).toEqual(['acknowledged', 'assigned', 'rejected']);
		expect(nextStatuses('new', 'service_agent')).toEqual([]);
		expect(nextStatuses('assigned', 'service_head')).toEqual([
			'in_progress',
			'waiting_citizen',
			'resolved',
			'rejected',
		]);
		expect(nextStatuses('waiting_citizen', 'citizen')).toEqual(['in_progress', 'acknowledged']);
		expect(nextStatuses('waiting_citizen', 'system')).toEqual(['in_progress', 'acknowledged']);
		expect(nextStatuses('resolved', 'citizen')).toEqual(['reopened']);
		expect(nextStatuses('resolved', 'system')).toEqual(['closed']);
		expect(nextStatuses('closed', 'service_agent')).toEqual([]);
		expect(nextStatuses('reopened', 'service_agent')).toEqual(['in_progress', 'resolved']);
	});
});

describe('read-only roles', () => {
	for (const actor of ['elected_official', 'mayor', 'director_general'] as const) {
		it(`${actor} can make no transition at all`, () => {
			let checked = 0;
			for (const from of COMPLAINT_STATUSES) {
				for (const to of COMPLAINT_STATUSES) {
					const result = checkTransition(from, to, actor, FULL);
					expect(result.allowed, `${from} → ${to}`).toBe(false);
					checked++;
				}
				expect(nextStatuses(from, actor)).toEqual([]);
			}
			expect(checked).toBe(81);
		});

		it(`${actor} is refused with actor_not_allowed on a pair that exists`, () => {
			expect(checkTransition('new', 'acknowledged', actor, FULL)).toEqual({
				allowed: false,
				reason: 'actor_not_allowed',
			});
			expect(checkTransition('resolved', 'closed', actor, FULL)).toEqual({
				allowed: false,
				reason: 'actor_not_allowed',
			});
		});
	}
});

describe('isOpen', () => {
	it.each([
		['new', true],
		['acknowledged', true],
		['assigned', true],
		['in_progress', true],
		['waiting_citizen', true],
		['reopened', true],
		['resolved', false],
		['closed', false],
		['rejected', false],
		['', false],
		['archived', false],
		['New', false],
	])('isOpen(%j) is %s', (status, expected) => {
		expect(isOpen(status)).toBe(expected);
	});

	it('agrees with OPEN_STATUSES and the paused statuses are open', () => {
		expect([...OPEN_STATUSES]).toEqual([
			'new',
			'acknowledged',
			'assigned',
			'in_progress',
			'waiting_citizen',
			'reopened',
		]);
		for (const status of PAUSED_STATUSES) expect(isOpen(status)).toBe(true);
	});
});

describe('isComplaintStatus', () => {
	it('accepts the nine statuses only', () => {
		expect(COMPLAINT_STATUSES.filter((status) => isComplaintStatus(status))).toHaveLength(9);
		for (const value of [undefined, null, 0, 1, {}, [], 'Resolved', ' new', 'new '])
			expect(isComplaintStatus(value)).toBe(false);
	});
});
