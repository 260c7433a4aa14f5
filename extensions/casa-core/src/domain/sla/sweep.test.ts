import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { CASABLANCA_TIME_ZONE, WorkingCalendar } from '../calendar/index';
import { casablanca2026 } from '../calendar/casablanca-2026.fixture';
import { type DurationUnit, type SlaTarget, computeDeadlines, slaState, worstSlaState } from './deadlines';
import {
	DEFAULT_LEGAL_WARNING_DAYS,
	atRiskInstant,
	atRiskInstants,
	atRiskPatch,
	escalationLevelOf,
	legalWarningBound,
	readSweepOptions,
	sweepState,
} from './sweep';

const calendar = new WorkingCalendar(casablanca2026);

/** Instant of a Casablanca wall-clock time 'YYYY-MM-DD HH:mm[:ss.SSS]'. */
function local(text: string): Date {
	const [, y, mo, d, h, mi, s = '0', ms = '0'] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})\.(\d{3}))?$/.exec(
		text,
	)!;
	return new Date(new TZDate(+y, +mo - 1, +d, +h, +mi, +s, +ms, CASABLANCA_TIME_ZONE).getTime());
}

/** Casablanca wall-clock reading of an instant. */
function wall(instant: Date | null): string | null {
	return instant && format(new TZDate(instant.getTime(), CASABLANCA_TIME_ZONE), 'EEE yyyy-MM-dd HH:mm:ss.SSS');
}

const plus = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

/** at_risk exactly from the instant on, as slaState says, up to the deadline. */
function expectAgreesWithSlaState(start: Date, due: Date, unit: DurationUnit, share = 0.75) {
	const instant = atRiskInstant(start, due, unit, calendar, share)!;
	expect(instant).not.toBeNull();
	expect(slaState(plus(instant, -1), start, due, unit, calendar, share)).toBe('on_track');
	expect(slaState(instant, start, due, unit, calendar, share)).toBe('at_risk');
	// and everywhere else: a sample of instants between the start and just after the deadline
	const span = due.getTime() - start.getTime();
	for (let i = 0; i <= 200; i++) {
		const now = new Date(start.getTime() + Math.round((span * i) / 200));
		const expected = now.getTime() < instant.getTime() ? 'on_track' : 'at_risk';
		expect(slaState(now, start, due, unit, calendar, share), wall(now)!).toBe(expected);
	}
	expect(slaState(plus(due, 1), start, due, unit, calendar, share)).toBe('breached');
	return instant;
}

describe('atRiskInstant: working days on the Moroccan calendar', () => {
	it('counts the weekend out: Fri 08:30 → Mon 16:30 is 2 working days, 75 % reached Mon 12:30', () => {
		const instant = expectAgreesWithSlaState(local('2026-06-05 08:30'), local('2026-06-08 16:30'), 'working_days');
		expect(wall(instant)).toBe('Mon 2026-06-08 12:30:00.000');
	});

	it('counts the Aïd Al-Adha holidays out', () => {
		const target: SlaTarget = {
			acknowledgeIn: 1,
			acknowledgeUnit: 'working_days',
			resolveIn: 5,
			resolveUnit: 'working_days',
		};
		const received = local('2026-05-26 16:20');
		const { resolveDueAt } = computeDeadlines(received, target, calendar);
		expect(wall(resolveDueAt)).toBe('Thu 2026-06-04 16:20:00.000');
		// 3.75 of 5 days: 10 min Tue, (27–28 Aïd), Fri 29, Mon 1, Tue 2 = 3 + 10/480; 350 min on Wed 06-03 → 14:20
		// (to the millisecond, slaState's floating-point sums of day fractions decide: here 14:20:00.001)
		const instant = expectAgreesWithSlaState(received, resolveDueAt, 'working_days');
		expect(Math.abs(instant.getTime() - local('2026-06-03 14:20').getTime())).toBeLessThanOrEqual(1);
	});

	it('counts a 6-hour Ramadan day as one working day, then the Aïd Al-Fitr holidays out', () => {
		// Wed 03-18 14:00 (Ramadan 09:00–15:00): 1 h = 1/6 day; 1 working day → Thu 03-19 14:00
		const received = local('2026-03-18 14:00');
		const due = calendar.addWorkingDays(received, 1);
		expect(wall(due)).toBe('Thu 2026-03-19 14:00:00.000');
		// 0.75 day: 1/6 on Wed, 7/12 of 6 h = 3 h 30 on Thu → 12:30
		expect(wall(expectAgreesWithSlaState(received, due, 'working_days'))).toBe('Thu 2026-03-19 12:30:00.000');

		// Thu 03-19 14:00 + 2 days: 1/6 Thu, Fri–Sat Aïd, Sun, Mon 03-23 (8 h, UTC+1 again), 5/6 of Tue → 15:10
		const across = local('2026-03-19 14:00');
		const acrossDue = calendar.addWorkingDays(across, 2);
		expect(wall(acrossDue)).toBe('Tue 2026-03-24 15:10:00.000');
		// 1.5 days: 1/6 Thu, 1 Mon, 1/3 of 8 h = 2 h 40 on Tue → 11:10
		expect(wall(expectAgreesWithSlaState(across, acrossDue, 'working_days'))).toBe('Tue 2026-03-24 11:10:00.000');
	});

	it('counts from the next opening when received outside working time', () => {
		// Sat 06-06 10:00 → 1 working day: Mon 06-08 08:30–16:30; 75 % at 14:30
		const received = local('2026-06-06 10:00');
		const due = calendar.addWorkingDays(received, 1);
		expect(wall(due)).toBe('Mon 2026-06-08 16:30:00.000');
		expect(wall(expectAgreesWithSlaState(received, due, 'working_days'))).toBe('Mon 2026-06-08 14:30:00.000');
	});

	it('lands on a closing when the share ends a day exactly', () => {
		// Mon 08:30 → Tue 16:30 = 2 days; 50 % = all of Monday → Mon 16:30, not Tue 08:30
		const instant = expectAgreesWithSlaState(local('2026-06-08 08:30'), local('2026-06-09 16:30'), 'working_days', 0.5);
		expect(wall(instant)).toBe('Mon 2026-06-08 16:30:00.000');
	});

	it('agrees with slaState on odd fractions and shares', () => {
		for (const share of [0.1, 1 / 3, 0.6, 0.75, 0.9, 1]) {
			expectAgreesWithSlaState(
				local('2026-07-28 11:17:13.457'),
				calendar.addWorkingDays(local('2026-07-28 11:17:13.457'), 7.3),
				'working_days',
				share,
			);
			expectAgreesWithSlaState(
				local('2026-02-13 15:59'),
				calendar.addWorkingDays(local('2026-02-13 15:59'), 3),
				'working_days',
				share,
			);
		}
	});

	it('is the deadline itself with a share of 1', () => {
		const due = local('2026-06-08 16:30');
		expect(atRiskInstant(local('2026-06-05 08:30'), due, 'working_days', calendar, 1)).toEqual(due);
	});

	it('is null when there is no working time to measure', () => {
		expect(
			atRiskInstant(local('2026-06-08 10:00'), local('2026-06-08 10:00'), 'working_days', calendar, 0.75),
		).toBeNull();
		// Sat → Sun: no window in between
		expect(
			atRiskInstant(local('2026-06-06 10:00'), local('2026-06-07 18:00'), 'working_days', calendar, 0.75),
		).toBeNull();
		expect(
			atRiskInstant(local('2026-06-08 10:00'), local('2026-06-08 09:00'), 'calendar_days', calendar, 0.75),
		).toBeNull();
	});

	it('refuses a share outside ]0, 1]', () => {
		for (const share of [0, -0.5, 1.2, Number.NaN, 75]) {
			expect(() =>
				atRiskInstant(local('2026-06-05 08:30'), local('2026-06-08 16:30'), 'working_days', calendar, share),
			).toThrow(RangeError);
		}
	});
});

describe('atRiskInstant: calendar days', () => {
	it('measures elapsed time across the Ramadan offset change', () => {
		// 01-10 10:00 (UTC+1) → 03-11 10:00 (UTC+0): 60 days + 1 h elapsed; 75 % = 45 d 0 h 45 min → 02-24 09:45Z
		const instant = expectAgreesWithSlaState(local('2026-01-10 10:00'), local('2026-03-11 10:00'), 'calendar_days');
		expect(instant.toISOString()).toBe('2026-02-24T09:45:00.000Z');
	});
});

describe('atRiskInstants', () => {
	const units = { acknowledge: 'working_days', resolve: 'working_days' } as const;

	it('gives the acknowledgment and resolution instants of a complaint', () => {
		const target: SlaTarget = {
			acknowledgeIn: 2,
			acknowledgeUnit: 'working_days',
			resolveIn: 3,
			resolveUnit: 'working_days',
		};
		// Thu 11-05 15:00; Fri 11-06 Marche Verte
		const received = local('2026-11-05 15:00');
		const deadlines = computeDeadlines(received, target, calendar);
		expect(wall(deadlines.acknowledgeDueAt)).toBe('Tue 2026-11-10 15:00:00.000');
		expect(wall(deadlines.resolveDueAt)).toBe('Wed 2026-11-11 15:00:00.000');
		const instants = atRiskInstants({ receivedAt: received, ...deadlines }, units, calendar, 0.75);
		// ack 1.5 days: 1.5 h Thu (3/16), Mon 1 → 1 + 3/16; 5/16 of Tue = 2 h 30 → 11:00
		expect(wall(instants.acknowledgeAtRiskAt)).toBe('Tue 2026-11-10 11:00:00.000');
		// resolve 2.25 days: 3/16 Thu, Mon, 1 Tue → 2 + 3/16; 1/16 of Wed = 30 min → 09:00
		expect(wall(instants.resolveAtRiskAt)).toBe('Wed 2026-11-11 09:00:00.000');
	});

	it('takes the legal ceiling when it is at risk first', () => {
		// a resolution capped at the legal ceiling, in working days through the August holidays:
		// the working-time share comes later than 75 % of the 60 elapsed days
		const received = local('2026-08-12 09:00');
		const target: SlaTarget = {
			acknowledgeIn: 2,
			acknowledgeUnit: 'working_days',
			resolveIn: 60,
			resolveUnit: 'working_days',
		};
		const deadlines = computeDeadlines(received, target, calendar);
		expect(deadlines.resolveDueAt).toEqual(deadlines.legalDueAt);
		const resolveOnly = atRiskInstant(received, deadlines.resolveDueAt, 'working_days', calendar, 0.75)!;
		const legalOnly = atRiskInstant(received, deadlines.legalDueAt, 'calendar_days', calendar, 0.75)!;
		expect(legalOnly.getTime()).toBeLessThan(resolveOnly.getTime());
		expect(atRiskInstants({ receivedAt: received, ...deadlines }, units, calendar, 0.75).resolveAtRiskAt).toEqual(
			legalOnly,
		);
		// 75 % of the elapsed time to 10-11 09:00 (45 days, and 45 min more if the runtime's tzdata has
		// Morocco leave UTC+1 in September 2026, as tzdata 2026c does)
		expect(legalOnly.getTime()).toBe(
			received.getTime() + Math.ceil(0.75 * (deadlines.legalDueAt.getTime() - received.getTime())),
		);
		expect(wall(legalOnly)).toMatch(/^Sat 2026-09-26 0(8:45|9:00):00.000$/);
	});

	it('has nothing to say without a receipt date or deadlines', () => {
		expect(
			atRiskInstants(
				{ receivedAt: null, acknowledgeDueAt: local('2026-06-08 10:00'), resolveDueAt: null, legalDueAt: null },
				units,
				calendar,
				0.75,
			),
		).toEqual({
			acknowledgeAtRiskAt: null,
			resolveAtRiskAt: null,
		});
		expect(
			atRiskInstants(
				{ receivedAt: local('2026-06-08 10:00'), acknowledgeDueAt: null, resolveDueAt: null, legalDueAt: null },
				units,
				calendar,
				0.75,
			),
		).toEqual({
			acknowledgeAtRiskAt: null,
			resolveAtRiskAt: null,
		});
	});
});

describe('sweepState', () => {
	const target: SlaTarget = {
		acknowledgeIn: 2,
		acknowledgeUnit: 'working_days',
		resolveIn: 3,
		resolveUnit: 'working_days',
	};
	const received = local('2026-11-05 15:00');
	const deadlines = computeDeadlines(received, target, calendar);
	const instants = atRiskInstants(
		{ receivedAt: received, ...deadlines },
		{ acknowledge: 'working_days', resolve: 'working_days' },
		calendar,
		0.75,
	);

	it('says what slaState says of every deadline that applies, with stored instants only', () => {
		for (const acknowledgedAt of [null, local('2026-11-05 16:00')]) {
			const row = { acknowledgedAt, ...deadlines, ...instants };
			for (let minutes = 0; minutes <= 8 * 24 * 60; minutes += 7) {
				const now = plus(received, minutes * 60_000);
				const states = [
					slaState(now, received, deadlines.resolveDueAt, 'working_days', calendar),
					slaState(now, received, deadlines.legalDueAt, 'calendar_days', calendar),
				];
				if (!acknowledgedAt) states.push(slaState(now, received, deadlines.acknowledgeDueAt, 'working_days', calendar));
				expect(sweepState(now, row), wall(now)!).toBe(worstSlaState(...states));
			}
		}
	});

	it('is on track without deadlines, and maps states to escalation levels', () => {
		const empty = {
			acknowledgedAt: null,
			acknowledgeDueAt: null,
			resolveDueAt: null,
			legalDueAt: null,
			acknowledgeAtRiskAt: null,
			resolveAtRiskAt: null,
		};
		expect(sweepState(local('2026-11-05 15:00'), empty)).toBe('on_track');
		expect(['on_track', 'at_risk', 'breached'].map((state) => escalationLevelOf(state as 'on_track'))).toEqual([
			0, 1, 2,
		]);
	});
});

describe('atRiskPatch', () => {
	const categories = new Map<string, { acknowledgeUnit: DurationUnit; resolveUnit: DurationUnit }>([
		['PROP-03', { acknowledgeUnit: 'working_days', resolveUnit: 'working_days' }],
		['ADM-01', { acknowledgeUnit: 'working_days', resolveUnit: 'calendar_days' }],
	]);

	it('adds nothing when no deadline is set or moved', () => {
		expect(
			atRiskPatch(
				{ status: 'assigned' },
				{ received_at: '2026-06-01T09:00:00.000Z', category: 'PROP-03' },
				categories,
				calendar,
				0.75,
			),
		).toEqual({});
	});

	it('computes the instants of a new complaint from its plan', () => {
		const planned = {
			category: 'PROP-03',
			received_at: local('2026-11-05 15:00').toISOString(),
			acknowledge_due_at: local('2026-11-10 15:00').toISOString(),
			resolve_due_at: local('2026-11-11 15:00').toISOString(),
			legal_due_at: local('2027-01-04 15:00').toISOString(),
		};
		expect(atRiskPatch(planned, null, categories, calendar, 0.75)).toEqual({
			acknowledge_at_risk_at: local('2026-11-10 11:00').toISOString(),
			resolve_at_risk_at: local('2026-11-11 09:00').toISOString(),
			sla_at_risk_share: 0.75,
		});
	});

	it('reads the stored row (epoch milliseconds on SQLite) for what the plan leaves as is', () => {
		// a resumption moved resolve and legal; received_at and the acknowledgment stay
		const current = {
			category: 'ADM-01',
			received_at: local('2026-01-10 10:00').getTime(),
			acknowledge_due_at: local('2026-01-13 10:00').getTime(),
			resolve_due_at: local('2026-03-11 10:00').getTime(),
			legal_due_at: local('2026-03-11 10:00').getTime(),
		};
		const patch = atRiskPatch(
			{ resolve_due_at: '2026-03-11T10:00:00.000Z', legal_due_at: '2026-03-11T10:00:00.000Z' },
			current,
			categories,
			calendar,
			0.75,
		);
		expect(patch.resolve_at_risk_at).toBe('2026-02-24T09:45:00.000Z');
		expect(patch.acknowledge_at_risk_at).toBe(
			atRiskInstant(
				local('2026-01-10 10:00'),
				local('2026-01-13 10:00'),
				'working_days',
				calendar,
				0.75,
			)!.toISOString(),
		);
	});
});

describe('readSweepOptions', () => {
	it('defaults: platform share, priority raised, 10 days, now', () => {
		const defaults = {
			atRiskShare: null,
			raisePriority: true,
			legalWarningDays: DEFAULT_LEGAL_WARNING_DAYS,
			now: null,
		};
		expect(readSweepOptions(undefined)).toEqual(defaults);
		expect(readSweepOptions({ at_risk_share: '', raise_priority: '', legal_warning_days: '', now: '' })).toEqual(
			defaults,
		);
		// a flow template ({{$trigger.body.x}}) without its value renders as 'undefined'
		expect(
			readSweepOptions({
				at_risk_share: 'undefined',
				raise_priority: 'undefined',
				legal_warning_days: 'undefined',
				now: 'undefined',
			}),
		).toEqual(defaults);
		expect(readSweepOptions({ at_risk_share: null, raise_priority: null })).toEqual(defaults);
	});

	it('reads the values of the flow editor and of templates', () => {
		expect(
			readSweepOptions({
				at_risk_share: 0.8,
				raise_priority: false,
				legal_warning_days: 5,
				now: '2026-11-10T10:00:00.000Z',
			}),
		).toEqual({
			atRiskShare: 0.8,
			raisePriority: false,
			legalWarningDays: 5,
			now: new Date('2026-11-10T10:00:00.000Z'),
		});
		expect(readSweepOptions({ at_risk_share: '0.5', raise_priority: 'false', legal_warning_days: '0' })).toMatchObject({
			atRiskShare: 0.5,
			raisePriority: false,
			legalWarningDays: 0,
		});
		expect(readSweepOptions({ raise_priority: 'true' }).raisePriority).toBe(true);
	});

	it('refuses what it cannot use, in French', () => {
		expect(() => readSweepOptions({ at_risk_share: 75 })).toThrow('Seuil « à risque » invalide : 75');
		expect(() => readSweepOptions({ at_risk_share: 'beaucoup' })).toThrow(RangeError);
		expect(() => readSweepOptions({ legal_warning_days: 2.5 })).toThrow("Délai d'alerte");
		expect(() => readSweepOptions({ legal_warning_days: -1 })).toThrow(RangeError);
		expect(() => readSweepOptions({ raise_priority: 'peut-être' })).toThrow(RangeError);
		expect(() => readSweepOptions({ now: 'demain' })).toThrow('Instant de référence invalide');
	});
});

describe('legalWarningBound', () => {
	it('adds calendar days on the Casablanca clock, across the end of Ramadan', () => {
		// Sun 03-15 10:00 (UTC+0) + 10 days = Wed 03-25 10:00 (UTC+1)
		const bound = legalWarningBound(local('2026-03-15 10:00'), 10, calendar);
		expect(wall(bound)).toBe('Wed 2026-03-25 10:00:00.000');
		expect(bound.toISOString()).toBe('2026-03-25T09:00:00.000Z');
		expect(legalWarningBound(local('2026-03-15 10:00'), 0, calendar)).toEqual(local('2026-03-15 10:00'));
	});
});
