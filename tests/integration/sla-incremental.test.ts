// The incremental SLA sweep: each running complaint carries the next instant at
// which its state can change (complaints.sla_next_check_at, set by the
// complaint hooks, moved by the sweep), and a sweep reads only the complaints
// whose instant has passed. The sweep runs here as the flow's operation runs it
// (adapters/sla/sla-sweep.ts) on the platform's database, at chosen instants;
// expectations come from the domain's slaDecision.
import { TZDate } from '@date-fns/tz';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSlaSweep } from '../../extensions/casa-core/src/adapters/sla/sla-sweep';
import { CASABLANCA_TIME_ZONE } from '../../extensions/casa-core/src/domain/calendar/index';
import { toInstant } from '../../extensions/casa-core/src/domain/calendar/instant';
import { CHECK_AT_ONCE, slaDecision } from '../../extensions/casa-core/src/domain/sla/next-check';
import { databaseConnection } from '../../scripts/provision/demo-data';
import { SLA_FLOW_ID } from '../../scripts/provision/flows';
import { adminToken, call, createComplaint, loginAs, platform } from '../helpers/api';

function local(text: string): Date {
	const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text)!;
	return new Date(new TZDate(+y, +mo - 1, +d, +h, +mi, 0, 0, CASABLANCA_TIME_ZONE).getTime());
}
const plus = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

let knex: Knex;
let scheduleWasActive = false;

async function paperMail(category: string, receivedAt: Date) {
	return createComplaint({
		category,
		channel: 'courrier',
		received_at: receivedAt.toISOString(),
		registry_number: `BO-INC-${Math.random().toString(36).slice(2, 8)}`,
	});
}

async function stored(id: string) {
	const row = await knex('complaints').where({ id }).first();
	const instant = (column: string) => toInstant(row[column]);
	return {
		state: String(row.sla_state),
		level: Number(row.escalation_level ?? 0),
		next: instant('sla_next_check_at'),
		swept: {
			acknowledgedAt: instant('acknowledged_at'),
			acknowledgeAtRiskAt: instant('acknowledge_at_risk_at'),
			acknowledgeDueAt: instant('acknowledge_due_at'),
			resolveAtRiskAt: instant('resolve_at_risk_at'),
			resolveDueAt: instant('resolve_due_at'),
			legalDueAt: instant('legal_due_at'),
		},
	};
}

const sweep = (now: Date) => runSlaSweep({ database: knex, now });

beforeAll(async () => {
	knex = databaseConnection(platform().config);
	// the schedule would sweep at the real time in the middle of the test: pause it
	const schedule = await call('GET', `/flows/${SLA_FLOW_ID}?fields=status`, { token: adminToken() });
	scheduleWasActive = schedule.body.data?.status === 'active';
	if (scheduleWasActive)
		expect(
			(await call('PATCH', `/flows/${SLA_FLOW_ID}`, { token: adminToken(), body: { status: 'inactive' } })).status,
		).toBe(200);
});

afterAll(async () => {
	await knex?.destroy();
	if (scheduleWasActive)
		await call('PATCH', `/flows/${SLA_FLOW_ID}`, { token: adminToken(), body: { status: 'active' } });
});

describe('the next instant', () => {
	it('is set by the hooks at creation: the first threshold of a complaint on track', async () => {
		const created = await paperMail('PROP-03', local('2026-11-05 15:00'));
		const row = await stored(created.id);
		expect(row.state).toBe('on_track');
		expect(row.next).toEqual(row.swept.acknowledgeAtRiskAt);
	});

	it('is cleared while the complaint waits for the citizen and set again when it resumes', async () => {
		const created = await paperMail('PROP-03', local('2026-11-05 15:00'));
		expect(
			(
				await call('PATCH', `/items/complaints/${created.id}`, {
					token: adminToken(),
					body: { status: 'acknowledged' },
				})
			).status,
		).toBe(200);
		expect(
			(
				await call('PATCH', `/items/complaints/${created.id}`, {
					token: adminToken(),
					body: { status: 'waiting_citizen' },
				})
			).status,
		).toBe(200);
		expect((await stored(created.id)).next).toBeNull();
		expect(
			(await call('PATCH', `/items/complaints/${created.id}`, { token: adminToken(), body: { status: 'in_progress' } }))
				.status,
		).toBe(200);
		const resumed = await stored(created.id);
		// acknowledged: the resolution's threshold, moved by the pause
		expect(resumed.next).toEqual(resumed.swept.resolveAtRiskAt);
		expect(
			(
				await call('PATCH', `/items/complaints/${created.id}`, {
					token: adminToken(),
					body: { status: 'resolved', public_reply: 'Intervention faite.' },
				})
			).status,
		).toBe(200);
		expect((await stored(created.id)).next).toBeNull();
	});
});

describe('an incremental sweep', () => {
	it('reads nothing when nothing can change, then only the complaints whose instant has passed', async () => {
		const created = await paperMail('PROP-03', local('2026-11-23 09:17'));
		const row = await stored(created.id);
		// everything settled just before its first threshold; a second sweep at that instant has nothing to read
		await sweep(plus(row.next!, -1));
		const steady = await sweep(plus(row.next!, -1));
		expect([steady.checked, steady.changed, steady.recalibrated]).toEqual([0, 0, 0]);
		expect(steady.escalations).toEqual({ at_risk: 0, breached: 0, legal: 0 });
		expect((await stored(created.id)).state).toBe('on_track');

		const crossing = await sweep(row.next!);
		expect(crossing.checked).toBe(1);
		expect(crossing.escalations.at_risk).toBe(1);
		const after = await stored(created.id);
		expect([after.state, after.level]).toEqual(['at_risk', 1]);
		// the next instant the SQL stored is the domain's
		expect(after.next).toEqual(slaDecision(row.next!, after.swept).nextCheckAt);
		expect(after.next).toEqual(plus(after.swept.acknowledgeDueAt!, 1));
		expect((await sweep(row.next!)).checked).toBe(0);
	});

	it('catches up after downtime: every instant passed meanwhile, in one run, each escalation once', async () => {
		const received = [local('2026-12-01 09:00'), local('2026-12-01 11:00'), local('2026-12-02 10:00')];
		const created = await Promise.all(received.map((at) => paperMail('PROP-03', at)));
		// nothing swept for three weeks
		const back = await sweep(local('2026-12-22 10:00'));
		expect(back.checked).toBeGreaterThanOrEqual(3);
		for (const { id } of created) {
			const row = await stored(id);
			expect([row.state, row.level, row.next]).toEqual(['breached', 2, null]);
		}
		const again = await sweep(local('2026-12-22 10:00'));
		expect([again.checked, again.escalations.at_risk, again.escalations.breached]).toEqual([0, 0, 0]);
	});

	it('gives every complaint it reads the next instant of slaDecision', async () => {
		const created = await Promise.all(
			['2026-11-25 09:00', '2026-11-26 14:00', '2026-11-27 16:30'].map((at) => paperMail('PROP-03', local(at))),
		);
		const now = local('2026-11-28 12:00');
		await sweep(now);
		for (const { id } of created) {
			const row = await stored(id);
			const decision = slaDecision(now, row.swept);
			expect([row.state, row.next]).toEqual([decision.state, decision.nextCheckAt]);
		}
	});
});

describe('the migration', () => {
	it('marks the open complaints written before the column existed for the next sweep (administrators only)', async () => {
		const created = await paperMail('PROP-03', local('2026-11-05 15:00'));
		await knex('complaints').where({ id: created.id }).update({ sla_next_check_at: null });
		expect(
			(await call('POST', '/casa-schema/sla-next-check', { token: await loginAs('chef.proprete@casablanca.ma') }))
				.status,
		).toBe(403);
		const response = await call('POST', '/casa-schema/sla-next-check', { token: adminToken() });
		expect(response.status).toBe(200);
		expect(response.body.data.marked).toBeGreaterThanOrEqual(1);
		expect((await stored(created.id)).next).toEqual(CHECK_AT_ONCE);
		// and once marked, nothing is left to mark
		expect((await call('POST', '/casa-schema/sla-next-check', { token: adminToken() })).body.data.marked).toBe(0);
	});
});
