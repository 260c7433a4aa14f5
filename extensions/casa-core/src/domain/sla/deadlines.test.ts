import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { CASABLANCA_TIME_ZONE, WorkingCalendar } from '../calendar/index';
import { casablanca2026 } from '../calendar/casablanca-2026.fixture';
import {
	type SlaTarget,
	LEGAL_ANSWER_CEILING_DAYS,
	addDuration,
	computeDeadlines,
	shiftDeadlinesForPause,
	slaState,
	worstSlaState,
} from './index';

const calendar = new WorkingCalendar(casablanca2026);

/** Instant of a Casablanca wall-clock time 'YYYY-MM-DD HH:mm[:ss.SSS]'. */
function local(text: string): Date {
	const [, y, mo, d, h, mi, s = '0', ms = '0'] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})\.(\d{3}))?$/.exec(
		text,
	)!;
	return new Date(new TZDate(+y, +mo - 1, +d, +h, +mi, +s, +ms, CASABLANCA_TIME_ZONE).getTime());
}

/** Casablanca wall-clock reading of an instant (or null/undefined as is). */
function wall(instant: Date | null | undefined): string | null | undefined {
	return instant && format(new TZDate(instant.getTime(), CASABLANCA_TIME_ZONE), 'EEE yyyy-MM-dd HH:mm:ss.SSS');
}

const ms = (n: number) => new Date(n);

describe('addDuration', () => {
	it('adds working or calendar days', () => {
		// Fri 06-05 15:00: 90 min left, Mon takes 390 min → 15:00
		expect(wall(addDuration(local('2026-06-05 15:00'), 1, 'working_days', calendar))).toBe(
			'Mon 2026-06-08 15:00:00.000',
		);
		expect(wall(addDuration(local('2026-06-05 15:00'), 1, 'calendar_days', calendar))).toBe(
			'Sat 2026-06-06 15:00:00.000',
		);
	});
});

describe('computeDeadlines', () => {
	it('computes the three deadlines of a complaint received on the eve of Aïd Al-Adha', () => {
		const target: SlaTarget = {
			acknowledgeIn: 1,
			acknowledgeUnit: 'working_days',
			resolveIn: 5,
			resolveUnit: 'working_days',
		};
		const deadlines = computeDeadlines(local('2026-05-26 16:20'), target, calendar);
		// ack: 10/480 on Tue, 27–28 Aïd, 470/480 on Fri 29 → 16:20
		expect(wall(deadlines.acknowledgeDueAt)).toBe('Fri 2026-05-29 16:20:00.000');
		// resolve: 10/480 Tue, Fri 29, Mon 1, Tue 2, Wed 3 (4 + 10/480), then 470/480 on Thu 06-04 → 16:20
		expect(wall(deadlines.resolveDueAt)).toBe('Thu 2026-06-04 16:20:00.000');
		// legal: 05-26 + 6 = 06-01, + 30 = 07-01, + 24 = 07-25; 16:20 at UTC+1 = 15:20Z
		expect(deadlines.legalDueAt.toISOString()).toBe('2026-07-25T15:20:00.000Z');
		expect(LEGAL_ANSWER_CEILING_DAYS).toBe(60);
	});

	it('caps the resolution at the legal ceiling and the acknowledgment at the resolution', () => {
		// 60 working days is about 12 weeks, beyond 60 calendar days
		const target: SlaTarget = {
			acknowledgeIn: 70,
			acknowledgeUnit: 'calendar_days',
			resolveIn: 60,
			resolveUnit: 'working_days',
		};
		const deadlines = computeDeadlines(local('2026-06-01 09:00'), target, calendar);
		// 06-01 + 30 = 07-01, + 30 = 07-31; 09:00 at UTC+1 = 08:00Z
		expect(deadlines.legalDueAt.toISOString()).toBe('2026-07-31T08:00:00.000Z');
		expect(deadlines.resolveDueAt.toISOString()).toBe('2026-07-31T08:00:00.000Z');
		expect(deadlines.acknowledgeDueAt.toISOString()).toBe('2026-07-31T08:00:00.000Z');

		const quickResolve: SlaTarget = {
			acknowledgeIn: 3,
			acknowledgeUnit: 'working_days',
			resolveIn: 1,
			resolveUnit: 'working_days',
		};
		const capped = computeDeadlines(local('2026-06-01 09:00'), quickResolve, calendar);
		// 1 working day from Mon 09:00: 450/480 on Mon, 30 min on Tue → 09:00
		expect(wall(capped.resolveDueAt)).toBe('Tue 2026-06-02 09:00:00.000');
		expect(wall(capped.acknowledgeDueAt)).toBe('Tue 2026-06-02 09:00:00.000');
	});

	it('takes another legal ceiling and counts it on the wall clock across Ramadan', () => {
		const target: SlaTarget = {
			acknowledgeIn: 2,
			acknowledgeUnit: 'calendar_days',
			resolveIn: 90,
			resolveUnit: 'calendar_days',
		};
		expect(wall(computeDeadlines(local('2026-06-01 09:00'), target, calendar, 30).legalDueAt)).toBe(
			'Wed 2026-07-01 09:00:00.000',
		);
		const deadlines = computeDeadlines(local('2026-01-10 10:00'), target, calendar);
		// 01-10 + 60 = 03-11 at 10:00 on the wall clock (UTC+0 then → 10:00Z)
		expect(deadlines.legalDueAt.toISOString()).toBe('2026-03-11T10:00:00.000Z');
		expect(deadlines.resolveDueAt.toISOString()).toBe('2026-03-11T10:00:00.000Z');
		expect(wall(deadlines.acknowledgeDueAt)).toBe('Mon 2026-01-12 10:00:00.000');
	});

	it('throws on a calendar without working days when a working-day target is asked', () => {
		const empty = new WorkingCalendar({ timeZone: CASABLANCA_TIME_ZONE, schedules: [], holidays: [] });
		const target: SlaTarget = {
			acknowledgeIn: 2,
			acknowledgeUnit: 'working_days',
			resolveIn: 10,
			resolveUnit: 'working_days',
		};
		expect(() => computeDeadlines(local('2026-06-01 09:00'), target, empty)).toThrow(/no working day/);
	});
});

describe('shiftDeadlinesForPause', () => {
	// received Mon 06-01 08:30: ack 2 working days → Tue 06-02 16:30, resolve 10 → Fri 06-12 16:30, legal → Fri 07-31 08:30
	const deadlines = {
		acknowledgeDueAt: local('2026-06-02 16:30'),
		resolveDueAt: local('2026-06-12 16:30'),
		legalDueAt: local('2026-07-31 08:30'),
	};
	const workingUnits = { acknowledge: 'working_days', resolve: 'working_days' } as const;

	it('moves working-day deadlines by the working time paused and the legal one by the elapsed time', () => {
		// paused Wed 06-03 10:30 → Thu 06-04 12:30: 6 h + 4 h of 8 h days = 1.25 working days; 26 h elapsed
		const shifted = shiftDeadlinesForPause(
			deadlines,
			workingUnits,
			local('2026-06-03 10:30'),
			local('2026-06-04 12:30'),
			calendar,
		);
		// ack (Tue 06-02) had passed when the pause began
		expect(wall(shifted.acknowledgeDueAt)).toBe('Tue 2026-06-02 16:30:00.000');
		// resolve Fri 16:30 (a closing) + 1.25: Mon 06-15 in full, 0.25 × 480 = 2 h on Tue → 10:30
		expect(wall(shifted.resolveDueAt)).toBe('Tue 2026-06-16 10:30:00.000');
		// legal + 26 h
		expect(wall(shifted.legalDueAt)).toBe('Sat 2026-08-01 10:30:00.000');
	});

	it('moves calendar-day deadlines by the elapsed time', () => {
		const calendarDeadlines = {
			acknowledgeDueAt: local('2026-06-04 08:30'),
			resolveDueAt: local('2026-06-16 08:30'),
			legalDueAt: local('2026-07-31 08:30'),
		};
		// paused Wed 06-03 10:30 → Thu 06-04 12:30 = 26 h
		const shifted = shiftDeadlinesForPause(
			calendarDeadlines,
			{ acknowledge: 'calendar_days', resolve: 'calendar_days' },
			local('2026-06-03 10:30'),
			local('2026-06-04 12:30'),
			calendar,
		);
		expect(wall(shifted.acknowledgeDueAt)).toBe('Fri 2026-06-05 10:30:00.000');
		expect(wall(shifted.resolveDueAt)).toBe('Wed 2026-06-17 10:30:00.000');
		expect(wall(shifted.legalDueAt)).toBe('Sat 2026-08-01 10:30:00.000');
	});

	it('shifts calendar deadlines by elapsed time, not wall clock, across the offset change', () => {
		// paused Thu 03-19 10:00Z → Sun 03-22 10:00Z = 72 h; legal 03-20 10:00Z + 72 h = 03-23 10:00Z = 11:00 at UTC+1
		const shifted = shiftDeadlinesForPause(
			{ legalDueAt: new Date('2026-03-20T10:00:00Z') },
			workingUnits,
			new Date('2026-03-19T10:00:00Z'),
			new Date('2026-03-22T10:00:00Z'),
			calendar,
		);
		expect(shifted.legalDueAt!.toISOString()).toBe('2026-03-23T10:00:00.000Z');
		expect(wall(shifted.legalDueAt)).toBe('Mon 2026-03-23 11:00:00.000');
	});

	it('adds no working time for a pause over a weekend', () => {
		// Fri 06-05 16:30 → Mon 06-08 08:30: no working time, 64 h elapsed
		const shifted = shiftDeadlinesForPause(
			deadlines,
			workingUnits,
			local('2026-06-05 16:30'),
			local('2026-06-08 08:30'),
			calendar,
		);
		expect(wall(shifted.resolveDueAt)).toBe('Fri 2026-06-12 16:30:00.000');
		expect(wall(shifted.legalDueAt)).toBe('Mon 2026-08-03 00:30:00.000');
		// Sat 10:00 → Sun 18:00 likewise
		const weekend = shiftDeadlinesForPause(
			deadlines,
			workingUnits,
			local('2026-06-06 10:00'),
			local('2026-06-07 18:00'),
			calendar,
		);
		expect(wall(weekend.resolveDueAt)).toBe('Fri 2026-06-12 16:30:00.000');
	});

	it('moves a deadline falling exactly at the pause start, not one just before', () => {
		// paused Mon 06-08 08:30 → 12:30: 0.5 working day
		const at = shiftDeadlinesForPause(
			{ acknowledgeDueAt: local('2026-06-08 08:30') },
			workingUnits,
			local('2026-06-08 08:30'),
			local('2026-06-08 12:30'),
			calendar,
		);
		expect(wall(at.acknowledgeDueAt)).toBe('Mon 2026-06-08 12:30:00.000');
		const before = shiftDeadlinesForPause(
			{ acknowledgeDueAt: local('2026-06-08 08:29:59.999') },
			workingUnits,
			local('2026-06-08 08:30'),
			local('2026-06-08 12:30'),
			calendar,
		);
		expect(wall(before.acknowledgeDueAt)).toBe('Mon 2026-06-08 08:29:59.999');
	});

	it('keeps null and absent deadlines as they are, and changes nothing for an empty pause', () => {
		const shifted = shiftDeadlinesForPause(
			{ acknowledgeDueAt: null, resolveDueAt: local('2026-06-12 16:30') },
			workingUnits,
			local('2026-06-08 10:00'),
			local('2026-06-08 12:00'),
			calendar,
		);
		expect(shifted.acknowledgeDueAt).toBeNull();
		expect('legalDueAt' in shifted).toBe(false);
		// 2 h = 0.25 day from Fri 16:30 → Mon 06-15 10:30
		expect(wall(shifted.resolveDueAt)).toBe('Mon 2026-06-15 10:30:00.000');
		expect(
			shiftDeadlinesForPause(deadlines, workingUnits, local('2026-06-08 10:00'), local('2026-06-08 10:00'), calendar),
		).toEqual(deadlines);
		expect(
			shiftDeadlinesForPause(deadlines, workingUnits, local('2026-06-08 10:00'), local('2026-06-08 09:00'), calendar),
		).toEqual(deadlines);
	});

	it('keeps resolve within the shifted legal ceiling and the acknowledgment within the resolution', () => {
		// resolve capped at legal, Wed 07-29 12:30; paused Mon 07-27 08:30 → 16:30 = 1 working day, 8 h.
		// legal → Wed 20:30; resolve + 1 working day → Fri 07-31 12:30 (Thu 30 is Fête du Trône), capped to 20:30 Wed
		const shifted = shiftDeadlinesForPause(
			{
				acknowledgeDueAt: local('2026-07-29 12:30'),
				resolveDueAt: local('2026-07-29 12:30'),
				legalDueAt: local('2026-07-29 12:30'),
			},
			{ acknowledge: 'calendar_days', resolve: 'working_days' },
			local('2026-07-27 08:30'),
			local('2026-07-27 16:30'),
			calendar,
		);
		expect(wall(shifted.legalDueAt)).toBe('Wed 2026-07-29 20:30:00.000');
		expect(wall(shifted.resolveDueAt)).toBe('Wed 2026-07-29 20:30:00.000');
		expect(wall(shifted.acknowledgeDueAt)).toBe('Wed 2026-07-29 20:30:00.000');
	});
});

describe('slaState', () => {
	it('follows a working-day deadline through the weekend', () => {
		// Fri 06-05 08:30 → due Mon 06-08 16:30 = 2 working days; 75 % = 1.5 days → Mon 12:30
		const start = local('2026-06-05 08:30');
		const due = local('2026-06-08 16:30');
		const state = (now: Date) => slaState(now, start, due, 'working_days', calendar);
		expect(state(local('2026-06-05 08:30'))).toBe('on_track');
		expect(state(local('2026-06-06 12:00'))).toBe('on_track'); // Saturday: 1 of 2 days used
		expect(state(local('2026-06-08 12:29:59.999'))).toBe('on_track');
		expect(state(local('2026-06-08 12:30'))).toBe('at_risk');
		expect(state(local('2026-06-08 12:30:00.001'))).toBe('at_risk');
		expect(state(local('2026-06-08 16:29:59.999'))).toBe('at_risk');
		expect(state(local('2026-06-08 16:30'))).toBe('at_risk');
		expect(state(local('2026-06-08 16:30:00.001'))).toBe('breached');
	});

	it('measures a calendar deadline in elapsed time, across the Ramadan offset change', () => {
		// 01-10 10:00 (09:00Z) → 03-11 10:00 (10:00Z): 60 days + 1 h = 1441 h; 75 % = 1080.75 h = 45 d 45 min
		// → 02-24 09:45Z = 09:45 local (UTC+0)
		const start = local('2026-01-10 10:00');
		const due = local('2026-03-11 10:00');
		const state = (now: Date) => slaState(now, start, due, 'calendar_days', calendar);
		expect(state(new Date('2026-02-24T09:44:59.999Z'))).toBe('on_track');
		expect(state(new Date('2026-02-24T09:45:00.000Z'))).toBe('at_risk');
		expect(state(new Date('2026-02-24T09:45:00.001Z'))).toBe('at_risk');
		expect(state(new Date('2026-03-11T10:00:00.000Z'))).toBe('at_risk');
		expect(state(new Date('2026-03-11T10:00:00.001Z'))).toBe('breached');
	});

	it('takes another share', () => {
		// Mon 06-08 08:30 → 16:30 (1 working day); half at 12:30
		const start = local('2026-06-08 08:30');
		const due = local('2026-06-08 16:30');
		expect(slaState(local('2026-06-08 12:29:59.999'), start, due, 'working_days', calendar, 0.5)).toBe('on_track');
		expect(slaState(local('2026-06-08 12:30'), start, due, 'working_days', calendar, 0.5)).toBe('at_risk');
	});

	it('is on track up to a deadline equal to its start, breached after', () => {
		const at = local('2026-06-08 10:00');
		expect(slaState(at, at, at, 'working_days', calendar)).toBe('on_track');
		expect(slaState(ms(at.getTime() + 1), at, at, 'calendar_days', calendar)).toBe('breached');
	});
});

describe('worstSlaState', () => {
	it('returns the most severe state', () => {
		expect(worstSlaState('on_track', 'at_risk', 'on_track')).toBe('at_risk');
		expect(worstSlaState('at_risk', 'breached', 'on_track')).toBe('breached');
		expect(worstSlaState('on_track')).toBe('on_track');
		expect(worstSlaState()).toBe('on_track');
	});
});
