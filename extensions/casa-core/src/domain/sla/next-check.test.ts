import { describe, expect, it } from 'vitest';
import { CHECK_AT_ONCE, nextCheckAfterWrite, nextCheckPatch, slaDecision, thresholds } from './next-check';
import { type SweptRow, sweepState } from './sweep';

const at = (iso: string) => new Date(iso);
const plus = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

/** A running complaint received on 11-02, acknowledgment due 11-04, resolution 11-10, legal ceiling 12-31. */
const row: SweptRow = {
	acknowledgedAt: null,
	acknowledgeAtRiskAt: at('2026-11-03T15:00:00.000Z'),
	acknowledgeDueAt: at('2026-11-04T09:00:00.000Z'),
	resolveAtRiskAt: at('2026-11-08T12:00:00.000Z'),
	resolveDueAt: at('2026-11-10T09:00:00.000Z'),
	legalDueAt: at('2026-12-31T09:00:00.000Z'),
};

/** A pseudo-random generator, so that the property below is reproducible. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

describe('slaDecision', () => {
	it('walks the thresholds one by one: on track, at risk, breached, then nothing left', () => {
		expect(slaDecision(at('2026-11-02T10:00:00.000Z'), row)).toEqual({
			state: 'on_track',
			nextCheckAt: row.acknowledgeAtRiskAt,
		});
		// at risk from the instant itself; then only a deadline can change it
		expect(slaDecision(row.acknowledgeAtRiskAt!, row)).toEqual({
			state: 'at_risk',
			nextCheckAt: plus(row.acknowledgeDueAt!, 1),
		});
		// the deadline itself is still met
		expect(slaDecision(row.acknowledgeDueAt!, row)).toEqual({
			state: 'at_risk',
			nextCheckAt: plus(row.acknowledgeDueAt!, 1),
		});
		expect(slaDecision(plus(row.acknowledgeDueAt!, 1), row)).toEqual({ state: 'breached', nextCheckAt: null });
	});

	it('once acknowledged, only the resolution and the legal ceiling count', () => {
		const acknowledged = { ...row, acknowledgedAt: at('2026-11-02T11:00:00.000Z') };
		expect(slaDecision(at('2026-11-05T10:00:00.000Z'), acknowledged)).toEqual({
			state: 'on_track',
			nextCheckAt: row.resolveAtRiskAt,
		});
		expect(slaDecision(row.resolveAtRiskAt!, acknowledged)).toEqual({
			state: 'at_risk',
			nextCheckAt: plus(row.resolveDueAt!, 1),
		});
		expect(thresholds(acknowledged).map((threshold) => threshold.state)).toEqual(['at_risk', 'breached', 'breached']);
	});

	it('has no next instant without deadlines', () => {
		const none = {
			acknowledgedAt: null,
			acknowledgeAtRiskAt: null,
			acknowledgeDueAt: null,
			resolveAtRiskAt: null,
			resolveDueAt: null,
			legalDueAt: null,
		};
		expect(slaDecision(at('2026-11-02T10:00:00.000Z'), none)).toEqual({ state: 'on_track', nextCheckAt: null });
		// an unqualified complaint has only its legal ceiling
		const legalOnly = { ...none, legalDueAt: row.legalDueAt };
		expect(slaDecision(at('2026-11-02T10:00:00.000Z'), legalOnly)).toEqual({
			state: 'on_track',
			nextCheckAt: plus(row.legalDueAt!, 1),
		});
	});

	it('keeps the state constant until the next instant, and changes it there (random complaints and instants)', () => {
		const next = random(2026);
		const base = at('2026-11-01T00:00:00.000Z').getTime();
		const day = 86_400_000;
		const maybe = (from: number) => (next() < 0.15 ? null : new Date(base + Math.round(from + next() * 20 * day)));
		for (let sample = 0; sample < 400; sample++) {
			const complaint: SweptRow = {
				acknowledgedAt: next() < 0.5 ? new Date(base) : null,
				acknowledgeAtRiskAt: maybe(0),
				acknowledgeDueAt: maybe(0),
				resolveAtRiskAt: maybe(0),
				resolveDueAt: maybe(0),
				legalDueAt: maybe(10 * day),
			};
			const now = new Date(base + Math.round(next() * 30 * day));
			const decision = slaDecision(now, complaint);
			expect(decision.state).toBe(sweepState(now, complaint));
			if (decision.nextCheckAt === null) {
				// nothing left: the state holds for ever (sampled far ahead)
				for (const later of [1, day, 100 * day]) expect(sweepState(plus(now, later), complaint)).toBe(decision.state);
				continue;
			}
			expect(decision.nextCheckAt.getTime()).toBeGreaterThan(now.getTime());
			expect(sweepState(plus(decision.nextCheckAt, -1), complaint)).toBe(decision.state);
			expect(sweepState(decision.nextCheckAt, complaint)).not.toBe(decision.state);
			// and in between
			const span = decision.nextCheckAt.getTime() - now.getTime();
			for (let i = 0; i < 5; i++)
				expect(sweepState(new Date(now.getTime() + Math.floor((span * i) / 5)), complaint)).toBe(decision.state);
		}
	});
});

describe('nextCheckAfterWrite', () => {
	it('is the first threshold of a complaint on track, whatever the clock', () => {
		expect(nextCheckAfterWrite('on_track', true, row)).toEqual(row.acknowledgeAtRiskAt);
		expect(nextCheckAfterWrite(null, true, row)).toEqual(row.acknowledgeAtRiskAt);
	});

	it('is at once when the state kept may be wrong, and none when the sweep leaves the complaint alone', () => {
		expect(nextCheckAfterWrite('breached', true, row)).toEqual(CHECK_AT_ONCE);
		expect(nextCheckAfterWrite('at_risk', true, row)).toEqual(CHECK_AT_ONCE);
		expect(nextCheckAfterWrite('on_track', false, row)).toBeNull();
	});
});

describe('nextCheckPatch', () => {
	const stored = {
		status: 'assigned',
		sla_state: 'on_track',
		sla_paused_at: null,
		acknowledged_at: null,
		// SQLite returns epoch milliseconds
		acknowledge_at_risk_at: row.acknowledgeAtRiskAt!.getTime(),
		acknowledge_due_at: row.acknowledgeDueAt!.getTime(),
		resolve_at_risk_at: row.resolveAtRiskAt!.getTime(),
		resolve_due_at: row.resolveDueAt!.getTime(),
		legal_due_at: row.legalDueAt!.getTime(),
	};

	it('adds nothing when neither status, pause, state nor deadlines change', () => {
		expect(nextCheckPatch({ description: 'x', priority: 'high' }, stored)).toEqual({});
	});

	it('sets the first threshold at creation (on track)', () => {
		const created = { ...stored, status: 'new', acknowledge_at_risk_at: row.acknowledgeAtRiskAt!.toISOString() };
		expect(nextCheckPatch(created, null)).toEqual({ sla_next_check_at: row.acknowledgeAtRiskAt!.toISOString() });
	});

	it('follows the acknowledgment, the pause, the resumption and the closing', () => {
		expect(nextCheckPatch({ status: 'acknowledged', acknowledged_at: '2026-11-02T11:00:00.000Z' }, stored)).toEqual({
			sla_next_check_at: row.resolveAtRiskAt!.toISOString(),
		});
		expect(nextCheckPatch({ status: 'waiting_citizen', sla_paused_at: '2026-11-02T11:00:00.000Z' }, stored)).toEqual({
			sla_next_check_at: null,
		});
		const paused = {
			...stored,
			status: 'waiting_citizen',
			sla_paused_at: at('2026-11-02T11:00:00.000Z').getTime(),
			sla_state: 'at_risk',
		};
		expect(
			nextCheckPatch(
				{ status: 'in_progress', sla_paused_at: null, resolve_due_at: '2026-11-12T09:00:00.000Z' },
				paused,
			),
		).toEqual({ sla_next_check_at: CHECK_AT_ONCE.toISOString() });
		expect(nextCheckPatch({ status: 'closed' }, stored)).toEqual({ sla_next_check_at: null });
		expect(nextCheckPatch({ status: 'resolved' }, stored)).toEqual({ sla_next_check_at: null });
	});
});
