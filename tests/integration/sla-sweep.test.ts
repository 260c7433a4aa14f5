// The SLA sweep over a real Directus: the provisioned schedule flow, and a
// manual flow created here that runs the same `sla-sweep` operation at a chosen
// instant ({{$trigger.body.now}}), so that every threshold can be crossed to the
// millisecond. Complaints are paper mail received at fixed past dates (staff
// may backdate it); expectations come from the domain's slaState and the
// working calendar as stored in the database, independently of the sweep.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASABLANCA_TIME_ZONE, WorkingCalendar } from '../../extensions/casa-core/src/domain/calendar/index';
import { type DurationUnit, slaState } from '../../extensions/casa-core/src/domain/sla/deadlines';
import type { SweepResult } from '../../extensions/casa-core/src/operations/sla-sweep/run-sla-sweep';
import { SWEEP_LOCK_KEY } from '../../extensions/casa-core/src/operations/sla-sweep/run-sla-sweep';
import { databaseConnection } from '../../scripts/provision/demo-data';
import { SLA_FLOW_ID, SLA_OPERATION_ID, SLA_SWEEP_CRON } from '../../scripts/provision/flows';
import { adminToken, adminUser, call, createComplaint, platform } from '../helpers/api';

const PROP_TEAM = '5e7a0000-0000-4000-8000-50524f503030';
const OPEN = ['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'];

/** Instant of a Casablanca wall-clock time 'YYYY-MM-DD HH:mm[:ss.SSS]'. */
function local(text: string): Date {
	const [, y, mo, d, h, mi, s = '0', ms = '0'] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})\.(\d{3}))?$/.exec(
		text,
	)!;
	return new Date(new TZDate(+y, +mo - 1, +d, +h, +mi, +s, +ms, CASABLANCA_TIME_ZONE).getTime());
}

function wall(instant: Date | string | null): string | null {
	return (
		instant && format(new TZDate(new Date(instant).getTime(), CASABLANCA_TIME_ZONE), 'EEE yyyy-MM-dd HH:mm:ss.SSS')
	);
}

const plus = (instant: Date | string, ms: number) => new Date(new Date(instant).getTime() + ms);
const HOUR = 3_600_000;

let calendar: WorkingCalendar;
let platformShare: number;
let testFlow: string;
let scheduleFlowWasActive = false;
const users: Record<'agent' | 'chef' | 'dgs', { id: string; email: string }> = {} as never;
let propTeamMembers: string[] = [];

const token = () => adminToken();

/** The working calendar as the platform stores it (seed/holidays.csv, work schedules). */
async function loadCalendar(): Promise<WorkingCalendar> {
	const holidays = (await call('GET', '/items/holidays?limit=-1&fields=date', { token: token() })).body.data as {
		date: string;
	}[];
	const schedules = (
		await call(
			'GET',
			'/items/work_schedules?limit=-1&fields=name_fr,valid_from,valid_to,weekdays,start_time,end_time',
			{ token: token() },
		)
	).body.data as Record<string, unknown>[];
	const day = (value: unknown) => (value ? String(value).slice(0, 10) : null);
	return new WorkingCalendar({
		timeZone: CASABLANCA_TIME_ZONE,
		holidays: holidays.map((holiday) => ({ date: day(holiday.date)! })),
		schedules: schedules.map((schedule) => ({
			name: String(schedule.name_fr),
			validFrom: day(schedule.valid_from),
			validTo: day(schedule.valid_to),
			weekdays: (Array.isArray(schedule.weekdays)
				? schedule.weekdays
				: String(schedule.weekdays ?? '1,2,3,4,5').split(',')
			)
				.filter((value) => String(value).trim() !== '')
				.map(Number),
			startTime: String(schedule.start_time).slice(0, 5),
			endTime: String(schedule.end_time).slice(0, 5),
		})),
	});
}

/** The first millisecond slaState calls the deadline at risk (binary search), or null. */
function firstAtRisk(start: Date | string, due: Date | string, unit: DurationUnit, share = platformShare): Date | null {
	const [from, to] = [new Date(start), new Date(due)];
	const state = (ms: number) => slaState(new Date(ms), from, to, unit, calendar, share);
	if (state(to.getTime()) !== 'at_risk') return null;
	let [lo, hi] = [from.getTime() - 1, to.getTime()];
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (state(mid) === 'at_risk') hi = mid;
		else lo = mid;
	}
	return new Date(hi);
}

function earliest(...instants: (Date | null)[]): Date | null {
	return instants.reduce<Date | null>(
		(best, instant) => (!instant ? best : !best || instant.getTime() < best.getTime() ? instant : best),
		null,
	);
}

async function sweep(
	now: Date,
	options: { share?: number | ''; raise?: boolean | ''; days?: number | '' } = {},
): Promise<SweepResult> {
	const response = await call('POST', `/flows/trigger/${testFlow}`, {
		token: token(),
		body: { collection: 'complaints', now: now.toISOString(), share: '', raise: '', days: '', ...options },
	});
	expect(response.status, JSON.stringify(response.body)).toBe(200);
	return response.body as unknown as SweepResult;
}

/** Paper mail received at a past instant: deadlines run from its arrival. */
async function paperMail(category: string, receivedAt: Date, fields: Record<string, unknown> = {}) {
	return createComplaint({
		category,
		channel: 'courrier',
		received_at: receivedAt.toISOString(),
		registry_number: `BO-SLA-${Math.random().toString(36).slice(2, 8)}`,
		...fields,
	});
}

async function complaint(id: string) {
	const fields =
		'id,reference,status,priority,category,team,received_at,acknowledged_at,acknowledge_due_at,resolve_due_at,legal_due_at,sla_state,acknowledge_at_risk_at,resolve_at_risk_at,sla_at_risk_share,escalation_level,legal_warned_at';
	return (await call('GET', `/items/complaints/${id}?fields=${fields}`, { token: token() })).body.data;
}

async function escalations(id: string): Promise<{ body: string; visibility: string; actor_kind: string }[]> {
	const response = await call(
		'GET',
		`/items/complaint_events?filter[complaint][_eq]=${id}&filter[type][_eq]=escalation&fields=body,visibility,actor_kind,actor&sort=id&limit=-1`,
		{ token: token() },
	);
	return response.body.data;
}

async function notifications(id: string): Promise<{ recipient: string; subject: string; message: string }[]> {
	const response = await call(
		'GET',
		`/notifications?filter[collection][_eq]=complaints&filter[item][_eq]=${id}&fields=recipient,subject,message,status&sort=id&limit=-1`,
		{ token: token() },
	);
	return response.body.data;
}

async function emails(
	id: string,
): Promise<
	{ event: string; channel: string; recipient: string; language: string; payload: Record<string, unknown> }[]
> {
	const response = await call(
		'GET',
		`/items/outbox?filter[complaint][_eq]=${id}&filter[event][_starts_with]=escalation_&fields=event,channel,recipient,language,payload&sort=id&limit=-1`,
		{ token: token() },
	);
	return response.body.data.map((row: { payload: unknown }) => ({
		...row,
		payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
	}));
}

const recipientsOf = (rows: { recipient: string }[]) => rows.map((row) => row.recipient).sort();

/** Members of a team (the routing rules decide which team a complaint lands in). */
async function membersOf(team: string): Promise<string[]> {
	const response = await call('GET', `/items/team_members?filter[team][_eq]=${team}&fields=user&limit=-1`, {
		token: token(),
	});
	return [...new Set((response.body.data as { user: string }[]).map((row) => row.user))].sort();
}
const sorted = (values: string[]) => [...new Set(values)].sort();

beforeAll(async () => {
	calendar = await loadCalendar();
	platformShare = Number(
		(await call('GET', '/items/platform_settings?fields=at_risk_share', { token: token() })).body.data.at_risk_share ??
			0.75,
	);
	for (const [key, email] of [
		['agent', 'agent.proprete@casablanca.ma'],
		['chef', 'chef.proprete@casablanca.ma'],
		['dgs', 'dgs@casablanca.ma'],
	] as const) {
		users[key] = { id: (await adminUser(email)).id, email };
	}
	propTeamMembers = await membersOf(PROP_TEAM);

	// the schedule would sweep at the real time in the middle of the test: pause it
	const schedule = await call('GET', `/flows/${SLA_FLOW_ID}?fields=status`, { token: token() });
	scheduleFlowWasActive = schedule.body.data?.status === 'active';
	if (scheduleFlowWasActive)
		expect(
			(await call('PATCH', `/flows/${SLA_FLOW_ID}`, { token: token(), body: { status: 'inactive' } })).status,
		).toBe(200);

	// a manual flow running the same operation at the instant given in the request
	const flow = await call('POST', '/flows', {
		token: token(),
		body: {
			name: 'Test — balayage SLA à un instant donné',
			icon: 'science',
			trigger: 'manual',
			status: 'active',
			accountability: null,
			options: {
				collections: ['complaints'],
				requireSelection: false,
				location: 'collection',
				async: false,
				error_on_reject: true,
			},
		},
	});
	expect(flow.status, JSON.stringify(flow.body)).toBe(200);
	testFlow = flow.body.data.id;
	const operation = await call('POST', '/operations', {
		token: token(),
		body: {
			flow: testFlow,
			key: 'sweep',
			name: 'Balayage',
			type: 'sla-sweep',
			position_x: 19,
			position_y: 1,
			options: {
				now: '{{$trigger.body.now}}',
				at_risk_share: '{{$trigger.body.share}}',
				raise_priority: '{{$trigger.body.raise}}',
				legal_warning_days: '{{$trigger.body.days}}',
			},
		},
	});
	expect(operation.status, JSON.stringify(operation.body)).toBe(200);
	expect(
		(await call('PATCH', `/flows/${testFlow}`, { token: token(), body: { operation: operation.body.data.id } })).status,
	).toBe(200);

	// what is already there (the demo complaints) is adopted at the real time, without alerts, as by the first scheduled sweep
	await sweep(new Date());
});

afterAll(async () => {
	if (testFlow) await call('DELETE', `/flows/${testFlow}`, { token: token() });
	// the staff e-mails of the complaints crossed here are test data: not queued before other tests' messages
	await call('DELETE', '/items/outbox', {
		token: token(),
		body: {
			query: {
				filter: { _and: [{ event: { _starts_with: 'escalation_' } }, { status: { _in: ['pending', 'retry'] } }] },
				limit: -1,
			},
		},
	});
	if (scheduleFlowWasActive)
		await call('PATCH', `/flows/${SLA_FLOW_ID}`, { token: token(), body: { status: 'active' } });
});

describe('provisioning', () => {
	it('creates the schedule flow "Suivi des délais (SLA)", every 5 minutes, starting with sla-sweep', async () => {
		const response = await call(
			'GET',
			`/flows/${SLA_FLOW_ID}?fields=name,trigger,options,operation,accountability,operations.id,operations.type,operations.options`,
			{ token: token() },
		);
		expect(response.status).toBe(200);
		const flow = response.body.data;
		expect(scheduleFlowWasActive).toBe(true);
		expect(flow).toMatchObject({
			name: 'Suivi des délais (SLA)',
			trigger: 'schedule',
			options: { cron: SLA_SWEEP_CRON },
			operation: SLA_OPERATION_ID,
		});
		expect(flow.operations).toEqual([
			{
				id: SLA_OPERATION_ID,
				type: 'sla-sweep',
				options: { at_risk_share: null, raise_priority: true, legal_warning_days: 10 },
			},
		]);
		// one flow of the 5 Core allows
		const active = await call(
			'GET',
			'/flows?filter[status][_eq]=active&filter[id][_neq]=' + testFlow + '&fields=id&limit=-1',
			{ token: token() },
		);
		expect(active.body.data.length + (scheduleFlowWasActive ? 1 : 0)).toBeLessThanOrEqual(2);
	});
});

describe('at-risk instants stored with the deadlines', () => {
	it('are the thresholds of slaState in working time, computed at creation', async () => {
		// Thu 11-05 15:00; Fri 11-06 is the Marche Verte holiday
		const created = await paperMail('PROP-03', local('2026-11-05 15:00'));
		const row = await complaint(created.id);
		expect(wall(row.acknowledge_due_at)).toBe('Tue 2026-11-10 15:00:00.000');
		expect(wall(row.resolve_due_at)).toBe('Wed 2026-11-11 15:00:00.000');
		expect(new Date(row.acknowledge_at_risk_at)).toEqual(
			firstAtRisk(row.received_at, row.acknowledge_due_at, 'working_days'),
		);
		expect(new Date(row.resolve_at_risk_at)).toEqual(
			earliest(
				firstAtRisk(row.received_at, row.resolve_due_at, 'working_days'),
				firstAtRisk(row.received_at, row.legal_due_at, 'calendar_days'),
			),
		);
		expect(Number(row.sla_at_risk_share)).toBeCloseTo(platformShare, 6);
		expect(row.escalation_level).toBe(0);
		if (platformShare === 0.75) {
			// 1.5 of 2 working days: 1.5 h on Thu, (Fri holiday, weekend), Mon, 2 h 30 on Tue
			expect(wall(row.acknowledge_at_risk_at)).toBe('Tue 2026-11-10 11:00:00.000');
			expect(wall(row.resolve_at_risk_at)).toBe('Wed 2026-11-11 09:00:00.000');
		}
	});

	it('are never written by a client', async () => {
		const created = await paperMail('PROP-03', local('2026-11-05 15:00'));
		const response = await call('PATCH', `/items/complaints/${created.id}`, {
			token: token(),
			body: { escalation_level: 2, resolve_at_risk_at: new Date().toISOString() },
		});
		expect(response.status).toBe(400);
		expect(response.body.errors!.map((error) => error.extensions.field).sort()).toEqual([
			'escalation_level',
			'resolve_at_risk_at',
		]);
	});
});

describe('states and escalations at each threshold', () => {
	it('acknowledgment: on track, at risk (agent and team told once), breached (service head told once, priority raised)', async () => {
		const created = await paperMail('PROP-03', local('2026-11-05 15:00'));
		const row = await complaint(created.id);
		expect(row.priority).toBe('normal');
		expect(row.team).toBe(PROP_TEAM);
		const atRisk = new Date(row.acknowledge_at_risk_at);

		await sweep(plus(atRisk, -1));
		expect((await complaint(created.id)).sla_state).toBe('on_track');
		expect(await escalations(created.id)).toEqual([]);

		await sweep(atRisk);
		const risky = await complaint(created.id);
		expect([risky.sla_state, risky.escalation_level]).toEqual(['at_risk', 1]);
		const events = await escalations(created.id);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ visibility: 'internal', actor_kind: 'system', actor: null });
		expect(events[0].body).toContain('Escalade niveau 1');
		const teamTold = await membersOf(row.team);
		expect(teamTold).toContain(users.agent.id);
		expect(recipientsOf(await notifications(created.id))).toEqual(teamTold);

		// a second sweep at the same instant, and one later in the same state, add nothing
		await sweep(atRisk);
		await sweep(new Date(row.acknowledge_due_at));
		expect((await complaint(created.id)).sla_state).toBe('at_risk');
		expect(await escalations(created.id)).toHaveLength(1);
		expect(await notifications(created.id)).toHaveLength(teamTold.length);

		// the deadline itself is still met; one millisecond later it is not
		await sweep(plus(row.acknowledge_due_at, 1));
		const late = await complaint(created.id);
		expect([late.sla_state, late.escalation_level, late.priority]).toEqual(['breached', 2, 'high']);
		const after = await escalations(created.id);
		expect(after).toHaveLength(2);
		expect(after[1].body).toContain('Escalade niveau 2');
		expect(after[1].body).toContain('Priorité relevée : Normale → Haute.');
		const told = await notifications(created.id);
		expect(recipientsOf(told)).toEqual([...teamTold, users.chef.id].sort());
		expect(told.filter((row) => row.recipient === users.chef.id).at(-1)!.subject).toBe(
			`Réclamation ${row.reference} : délai dépassé`,
		);

		await sweep(plus(row.acknowledge_due_at, 2 * HOUR));
		expect(await escalations(created.id)).toHaveLength(2);
		expect(await notifications(created.id)).toHaveLength(told.length);
		expect((await complaint(created.id)).priority).toBe('high');
	});

	it('resolution once acknowledged: the acknowledgment deadline no longer counts', async () => {
		const created = await paperMail('PROP-03', local('2026-11-05 15:00'));
		// assigned to the team and its agent: acknowledged
		const assigned = await call('POST', '/workspace/assignments', {
			token: token(),
			body: { complaints: [created.id], team: PROP_TEAM, assignee: users.agent.id },
		});
		expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
		const row = await complaint(created.id);
		expect(row.acknowledged_at).not.toBeNull();
		const atRisk = new Date(row.resolve_at_risk_at);
		expect(atRisk.getTime()).toBeGreaterThan(new Date(row.acknowledge_due_at).getTime());

		// past the acknowledgment deadline, before the resolution's threshold
		await sweep(plus(row.acknowledge_due_at, HOUR));
		expect((await complaint(created.id)).sla_state).toBe('on_track');
		await sweep(plus(atRisk, -1));
		expect((await complaint(created.id)).sla_state).toBe('on_track');
		await sweep(atRisk);
		expect((await complaint(created.id)).sla_state).toBe('at_risk');
		// the assignee, also a member of the team, is told once
		const told = await notifications(created.id);
		expect(recipientsOf(told)).toEqual(sorted([...propTeamMembers, users.agent.id]));
		// in their language: the demo agent works in Arabic
		const toAgent = told.find((row) => row.recipient === users.agent.id)!;
		expect(toAgent.subject).toBe(`الشكاية ${row.reference}: الأجل في خطر`);
		expect(toAgent.message).toContain(row.reference);
		// and by e-mail, through the outbox
		const mails = await emails(created.id);
		const toAgentMail = mails.find((mail) => mail.recipient === users.agent.email)!;
		expect(toAgentMail).toMatchObject({ event: 'escalation_at_risk', channel: 'email', language: 'ar' });
		expect(toAgentMail.payload).toMatchObject({
			reference: row.reference,
			level: 'at_risk',
			share: Math.round(platformShare * 100),
			days: 10,
		});
		expect(String(toAgentMail.payload.url)).toMatch(new RegExp(`/admin/casa-workspace/complaints/${created.id}$`));
		expect(new Date(String(toAgentMail.payload.resolve_due_at))).toEqual(new Date(row.resolve_due_at));

		await sweep(plus(row.resolve_due_at, 1));
		expect((await complaint(created.id)).sla_state).toBe('breached');
		const mailsAfter = await emails(created.id);
		expect(mailsAfter.filter((mail) => mail.event === 'escalation_breached').map((mail) => mail.recipient)).toEqual([
			users.chef.email,
		]);
		expect(mailsAfter.find((mail) => mail.event === 'escalation_breached')!.language).toBe('fr');
	});

	it('Ramadan hours and the Aïd Al-Fitr holidays; a high priority becomes urgent', async () => {
		// Wed 03-18 14:00 during Ramadan (09:00–15:00): 1 working day → Thu 03-19 14:00; 03-20 and 03-21 are Aïd
		const created = await paperMail('PROP-01', local('2026-03-18 14:00'));
		const row = await complaint(created.id);
		expect(row.priority).toBe('high');
		expect(wall(row.resolve_due_at)).toBe('Thu 2026-03-19 14:00:00.000');
		const atRisk = firstAtRisk(row.received_at, row.resolve_due_at, 'working_days')!;
		expect(new Date(row.resolve_at_risk_at)).toEqual(atRisk);
		if (platformShare === 0.75) expect(wall(atRisk)).toBe('Thu 2026-03-19 12:30:00.000');

		await sweep(plus(atRisk, -1));
		expect((await complaint(created.id)).sla_state).toBe('on_track');
		await sweep(atRisk);
		expect((await complaint(created.id)).sla_state).toBe('at_risk');
		// through the holidays and the weekend, still at risk until the deadline passes
		await sweep(local('2026-03-19 14:00'));
		expect((await complaint(created.id)).sla_state).toBe('at_risk');
		await sweep(local('2026-03-23 09:00'));
		const late = await complaint(created.id);
		expect([late.sla_state, late.priority]).toEqual(['breached', 'urgent']);
	});

	it('a calendar-day deadline in elapsed time, and the director general warned once before the legal ceiling', async () => {
		// ADM-01: acknowledgment in working days, resolution = the 60-day legal ceiling
		const created = await paperMail('ADM-01', local('2026-10-01 10:00'));
		await call('PATCH', `/items/complaints/${created.id}`, { token: token(), body: { status: 'acknowledged' } });
		const row = await complaint(created.id);
		expect(row.resolve_due_at).toBe(row.legal_due_at);
		expect(wall(row.legal_due_at)).toBe('Mon 2026-11-30 10:00:00.000');
		const atRisk = firstAtRisk(row.received_at, row.resolve_due_at, 'calendar_days')!;
		expect(new Date(row.resolve_at_risk_at)).toEqual(atRisk);
		expect(atRisk.getTime()).toBe(
			new Date(row.received_at).getTime() +
				Math.ceil(platformShare * (new Date(row.legal_due_at).getTime() - new Date(row.received_at).getTime())),
		);

		await sweep(plus(atRisk, -1));
		expect((await complaint(created.id)).sla_state).toBe('on_track');
		await sweep(atRisk);
		expect((await complaint(created.id)).sla_state).toBe('at_risk');
		expect(await escalations(created.id)).toHaveLength(1);

		// 10 calendar days before the ceiling, on the Casablanca clock
		await sweep(local('2026-11-20 09:59:59.999'));
		expect((await notifications(created.id)).filter((row) => row.recipient === users.dgs.id)).toEqual([]);
		await sweep(local('2026-11-20 10:00'));
		const warned = await complaint(created.id);
		expect(warned.legal_warned_at).not.toBeNull();
		const toDgs = (await notifications(created.id)).filter((row) => row.recipient === users.dgs.id);
		expect(toDgs).toHaveLength(1);
		expect(toDgs[0].subject).toBe(`Réclamation ${row.reference} : échéance légale proche`);
		expect(
			(await emails(created.id)).filter((mail) => mail.event === 'escalation_legal').map((mail) => mail.recipient),
		).toEqual([users.dgs.email]);
		const events = await escalations(created.id);
		expect(events).toHaveLength(2);
		expect(events[1].body).toContain('directeur général des services');

		// once: neither later sweeps nor a longer warning period warn again
		await sweep(local('2026-11-25 10:00'), { days: 20 });
		await sweep(plus(row.legal_due_at, 1));
		expect((await complaint(created.id)).sla_state).toBe('breached');
		expect((await notifications(created.id)).filter((row) => row.recipient === users.dgs.id)).toHaveLength(1);
		expect((await escalations(created.id)).map((event) => event.body.slice(0, 18))).toEqual([
			'Escalade niveau 1 ',
			'Échéance légale de',
			'Escalade niveau 2 ',
		]);
	});

	it('a complaint found already late records both levels, each once; the priority stays when the option says so', async () => {
		const created = await paperMail('PROP-03', local('2026-11-02 09:00'));
		await sweep(local('2026-11-20 10:00'), { raise: false });
		const row = await complaint(created.id);
		expect([row.sla_state, row.escalation_level, row.priority]).toEqual(['breached', 2, 'normal']);
		const events = await escalations(created.id);
		expect(events.map((event) => event.body.slice(0, 17))).toEqual(['Escalade niveau 1', 'Escalade niveau 2']);
		expect(events[1].body).not.toContain('Priorité');
		const told = await notifications(created.id);
		expect(sorted(told.map((row) => row.recipient))).toEqual(sorted([...propTeamMembers, users.chef.id]));
		// nobody else: not the director general (ceiling far), not the other services' staff
		expect(told.some((row) => row.recipient === users.dgs.id)).toBe(false);
	});
});

describe('pause', () => {
	it('a complaint waiting for the citizen keeps its state and is not escalated until it resumes', async () => {
		const created = await paperMail('PROP-03', local('2026-11-02 09:00'));
		expect(
			(
				await call('POST', '/workspace/assignments', {
					token: token(),
					body: { complaints: [created.id], team: PROP_TEAM },
				})
			).status,
		).toBe(200);
		expect(
			(await call('PATCH', `/items/complaints/${created.id}`, { token: token(), body: { status: 'waiting_citizen' } }))
				.status,
		).toBe(200);
		const paused = await complaint(created.id);
		expect(paused.sla_state).toBe('on_track');

		const result = await sweep(local('2026-11-20 10:00'));
		expect(result.paused).toBeGreaterThanOrEqual(1);
		const still = await complaint(created.id);
		expect([still.sla_state, still.escalation_level]).toEqual(['on_track', 0]);
		expect(await escalations(created.id)).toEqual([]);

		// resumed: deadlines moved by the working time paused (the hooks recompute the at-risk instants)
		expect(
			(await call('PATCH', `/items/complaints/${created.id}`, { token: token(), body: { status: 'in_progress' } }))
				.status,
		).toBe(200);
		const resumed = await complaint(created.id);
		expect(new Date(resumed.resolve_at_risk_at)).toEqual(
			earliest(
				firstAtRisk(resumed.received_at, resumed.resolve_due_at, 'working_days'),
				firstAtRisk(resumed.received_at, resumed.legal_due_at, 'calendar_days'),
			),
		);
		await sweep(local('2026-11-20 10:00'));
		const late = await complaint(created.id);
		expect([late.sla_state, late.escalation_level]).toEqual(['breached', 2]);
		expect(await escalations(created.id)).toHaveLength(2);
	});
});

describe('set-based and safe when run concurrently', () => {
	it('issues the same handful of statements for one complaint crossing or forty', async () => {
		const received = local('2026-11-04 09:00');
		const base = platform().database === 'pg' ? 13 : 11;
		// settle the state of everything at that instant (and recompute whatever needs it)
		const settle = await sweep(local('2026-11-19 10:00'));
		expect(settle.statements).toBe(base + Math.ceil(settle.recalibrated / 150));

		const one = await paperMail('PROP-03', received);
		const single = await sweep(local('2026-11-19 10:00'));
		expect(single.recalibrated).toBe(0);
		expect(single.escalations).toMatchObject({ at_risk: 1, breached: 1 });
		expect((await complaint(one.id)).sla_state).toBe('breached');

		const forty: { id: string }[] = [];
		for (let batch = 0; batch < 4; batch++)
			forty.push(...(await Promise.all(Array.from({ length: 10 }, () => paperMail('PROP-03', received)))));
		const many = await sweep(local('2026-11-19 10:00'));
		expect(many.recalibrated).toBe(0);
		expect(many.escalations).toMatchObject({ at_risk: 40, breached: 40 });
		expect(many.notifications).toBe(40 * (propTeamMembers.length + 1));
		expect([single.statements, many.statements]).toEqual([base, base]);
		const states = await call(
			'GET',
			`/items/complaints?filter[id][_in]=${forty.map((row) => row.id).join(',')}&fields=sla_state,escalation_level&limit=-1`,
			{ token: token() },
		);
		expect(
			new Set(
				states.body.data.map(
					(row: { sla_state: string; escalation_level: number }) => `${row.sla_state}/${row.escalation_level}`,
				),
			),
		).toEqual(new Set(['breached/2']));

		// the counts cover every open complaint
		const open = await call('GET', `/items/complaints?filter[status][_in]=${OPEN.join(',')}&aggregate[count]=*`, {
			token: token(),
		});
		expect(many.on_track + many.at_risk + many.breached + many.paused).toBe(Number(open.body.data[0].count));
	});

	it('two sweeps at once record each escalation once', async () => {
		const created = await Promise.all([1, 2, 3].map(() => paperMail('PROP-03', local('2026-11-03 09:00'))));
		const results = await Promise.all([sweep(local('2026-11-19 11:00')), sweep(local('2026-11-19 11:00'))]);
		// on PostgreSQL the second may find the lock taken and do nothing; either way the work is done once
		expect(results.reduce((sum, result) => sum + result.escalations.breached, 0)).toBeGreaterThanOrEqual(3);
		for (const { id } of created) {
			expect((await escalations(id)).map((event) => event.body.slice(0, 17))).toEqual([
				'Escalade niveau 1',
				'Escalade niveau 2',
			]);
			const told = await notifications(id);
			expect(told).toHaveLength(propTeamMembers.length + 1);
			expect(sorted(told.map((row) => row.recipient))).toHaveLength(told.length);
			expect(await emails(id)).toHaveLength(told.length);
		}
		// and again, both at once: nothing
		const again = await Promise.all([sweep(local('2026-11-19 11:00')), sweep(local('2026-11-19 11:00'))]);
		for (const result of again) expect(result.escalations).toEqual({ at_risk: 0, breached: 0, legal: 0 });
	});

	it('a sweep that finds another one at work changes nothing; the next one records once', async () => {
		const created = await paperMail('PROP-03', local('2026-11-05 09:00'));
		const knex = databaseConnection(platform().config);
		try {
			if (platform().database === 'pg') {
				// another instance's sweep, holding the advisory lock in its transaction
				await knex.transaction(async (trx) => {
					await trx.raw('SELECT pg_advisory_xact_lock(CAST(? AS bigint))', [SWEEP_LOCK_KEY]);
					const blocked = await sweep(local('2026-11-19 12:00'));
					expect(blocked).toMatchObject({
						skipped: true,
						statements: 1,
						escalations: { at_risk: 0, breached: 0, legal: 0 },
					});
				});
			} else {
				// SQLite has one writer: a sweep meeting another write transaction fails as a whole
				await knex.transaction(async (trx) => {
					await trx.raw('UPDATE platform_settings SET at_risk_share = at_risk_share');
					const response = await call('POST', `/flows/trigger/${testFlow}`, {
						token: token(),
						body: { collection: 'complaints', now: local('2026-11-19 12:00').toISOString() },
					});
					expect(response.status).toBeGreaterThanOrEqual(400);
				});
			}
		} finally {
			await knex.destroy();
		}
		const untouched = await complaint(created.id);
		expect([untouched.sla_state, untouched.escalation_level]).toEqual(['on_track', 0]);
		expect(await escalations(created.id)).toEqual([]);

		await sweep(local('2026-11-19 12:00'));
		expect((await escalations(created.id)).map((event) => event.body.slice(0, 17))).toEqual([
			'Escalade niveau 1',
			'Escalade niveau 2',
		]);
	});
});

describe('adoption', () => {
	it('adopts a complaint met for the first time at its current level, without alerts; later crossings are alerted', async () => {
		const late = await paperMail('PROP-03', local('2026-11-02 09:00'));
		const onTrack = await paperMail('PROP-03', local('2026-11-05 15:00'));
		// as if written before the sweep existed: no at-risk instants yet
		const knex = databaseConnection(platform().config);
		try {
			await knex('complaints')
				.whereIn('id', [late.id, onTrack.id])
				.update({ sla_at_risk_share: null, acknowledge_at_risk_at: null, resolve_at_risk_at: null });
		} finally {
			await knex.destroy();
		}
		const result = await sweep(local('2026-11-09 10:00'));
		expect(result.adopted).toBe(2);
		const adopted = await complaint(late.id);
		expect([adopted.sla_state, adopted.escalation_level, adopted.priority]).toEqual(['breached', 2, 'normal']);
		expect(new Date(adopted.resolve_at_risk_at)).toEqual(
			earliest(
				firstAtRisk(adopted.received_at, adopted.resolve_due_at, 'working_days'),
				firstAtRisk(adopted.received_at, adopted.legal_due_at, 'calendar_days'),
			),
		);
		expect([await escalations(late.id), await notifications(late.id), await emails(late.id)]).toEqual([[], [], []]);
		const running = await complaint(onTrack.id);
		expect([running.sla_state, running.escalation_level]).toEqual(['on_track', 0]);

		// from then on, a crossing is a crossing
		await sweep(new Date(running.acknowledge_at_risk_at));
		expect((await complaint(onTrack.id)).sla_state).toBe('at_risk');
		expect(await escalations(onTrack.id)).toHaveLength(1);
		expect(recipientsOf(await notifications(onTrack.id))).toEqual(propTeamMembers);
		expect(await escalations(late.id)).toEqual([]);
	});
});

describe('another share', () => {
	it('recomputes the at-risk instants once when the flow overrides the share, and back', async () => {
		const created = await paperMail('PROP-03', local('2026-11-05 15:00'));
		const before = await complaint(created.id);
		// 0.8 is not exact as a PostgreSQL real: recomputed once all the same
		const first = await sweep(local('2026-11-06 10:00'), { share: 0.8 });
		expect(first.recalibrated).toBeGreaterThanOrEqual(1);
		expect(first.share).toBe(0.8);
		const row = await complaint(created.id);
		expect(Number(row.sla_at_risk_share)).toBeCloseTo(0.8, 6);
		expect(new Date(row.acknowledge_at_risk_at)).toEqual(
			firstAtRisk(row.received_at, row.acknowledge_due_at, 'working_days', 0.8),
		);
		expect(new Date(row.acknowledge_at_risk_at).getTime()).toBeGreaterThan(
			new Date(before.acknowledge_at_risk_at).getTime(),
		);
		// at the platform's threshold the complaint is now on track; at the new one, at risk
		await sweep(new Date(before.acknowledge_at_risk_at), { share: 0.8 });
		expect((await complaint(created.id)).sla_state).toBe('on_track');
		const second = await sweep(new Date(row.acknowledge_at_risk_at), { share: 0.8 });
		expect(second.recalibrated).toBe(0);
		expect((await complaint(created.id)).sla_state).toBe('at_risk');

		// the platform's share again
		const back = await sweep(local('2026-11-06 10:00'));
		expect(back.recalibrated).toBe(first.recalibrated);
		expect(new Date((await complaint(created.id)).acknowledge_at_risk_at)).toEqual(
			new Date(before.acknowledge_at_risk_at),
		);
		expect((await sweep(local('2026-11-06 10:00'))).recalibrated).toBe(0);
	});
});

describe('the schedule', () => {
	it('runs the operation without accountability, each run logged with its counts', async () => {
		// the operation is registered, and its editor part reaches the admin app
		const extensions = (await call('GET', '/extensions', { token: token() })).body.data as {
			schema: { name: string; type: string } | null;
		}[];
		expect(extensions.find((entry) => entry.schema?.name === 'sla-sweep')?.schema?.type).toBe('operation');
		const appSources = await fetch(`${platform().url}/extensions/sources/index.js`, {
			headers: { authorization: `Bearer ${token()}` },
		});
		// (the build escapes non-ASCII letters: d\xE9lais)
		expect(await appSources.text()).toMatch(/id: "sla-sweep",\s*name: "Suivi des d(é|\\xE9)lais \(SLA\)"/);

		const runs = async () =>
			(
				await call(
					'GET',
					`/activity?filter[collection][_eq]=directus_flows&filter[item][_eq]=${SLA_FLOW_ID}&filter[action][_eq]=run&fields=id,user,revisions.data&sort=-id&limit=1`,
					{ token: token() },
				)
			).body.data as {
				id: number;
				user: string | null;
				revisions: { data: { steps: { operation: string; status: string }[]; data: Record<string, unknown> } }[];
			}[];
		const before = (await runs())[0]?.id ?? 0;
		// every second for a moment (Directus takes 6-field cron expressions), then the 5-minute schedule again
		expect(
			(
				await call('PATCH', `/flows/${SLA_FLOW_ID}`, {
					token: token(),
					body: { status: 'active', options: { cron: '* * * * * *' } },
				})
			).status,
		).toBe(200);
		try {
			let run: Awaited<ReturnType<typeof runs>>[number] | undefined;
			for (let attempt = 0; attempt < 50 && !(run && run.id > before); attempt++) {
				await new Promise((resolve) => setTimeout(resolve, 200));
				run = (await runs())[0];
			}
			expect(run && run.id > before).toBe(true);
			expect(run!.user).toBeNull();
			const [step] = run!.revisions[0].data.steps;
			expect(step).toMatchObject({ operation: SLA_OPERATION_ID, status: 'resolve' });
			expect(run!.revisions[0].data.data.$accountability).toBeNull();
			expect(run!.revisions[0].data.data.sla_sweep).toMatchObject({
				skipped: expect.any(Boolean),
				share: platformShare,
			});
		} finally {
			expect(
				(
					await call('PATCH', `/flows/${SLA_FLOW_ID}`, {
						token: token(),
						body: { status: 'inactive', options: { cron: SLA_SWEEP_CRON } },
					})
				).status,
			).toBe(200);
		}
	});
});
