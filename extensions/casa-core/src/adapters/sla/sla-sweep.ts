// The SLA sweep, incremental and set-based: one transaction of a fixed handful
// of statements (adapters/sla/sweep-queries.ts) whatever the number of
// complaints, each reading through an index.
//
// Each running complaint carries the next instant at which its state can
// change (complaints.sla_next_check_at, domain/sla/next-check.ts): set by the
// complaint hooks when deadlines, status or pause change, moved by the sweep.
// The sweep reads only the complaints whose instant has passed; a sweep after
// downtime finds every instant passed meanwhile and catches up in one run.
//
// Working time is never measured in SQL: the at-risk instants are computed with
// the working calendar by the hooks (domain/sla/sweep.ts). Rows whose instants
// were computed with another share (or never: rows older than the sweep) are
// recomputed first, 150 per statement, once, and checked in the same run.
//
// Escalations are recorded once per level: complaints.escalation_level (1 at
// risk, 2 breached) and complaints.legal_warned_at say what was already
// recorded; events, in-app notifications and e-mails (who is told:
// domain/sla/escalations.ts) are INSERT … SELECT of the rows that cross a level,
// and the levels are raised in the same transaction. A complaint the sweep meets
// for the first time (created before the sweep existed, or written around the
// hooks, like the demo data) is adopted at its current level without alerts.
// Several instances may sweep at once: on PostgreSQL the sweep takes a
// transaction-level advisory lock (a second sweep finds it taken and does
// nothing) and locks the rows it updates; SQLite has a single writer (and
// Directus a single connection to it).
import type { Knex } from 'knex';
import { toInstant } from '../../domain/calendar/instant';
import { CASABLANCA_TIME_ZONE, WorkingCalendar } from '../../domain/calendar/index';
import type { DurationUnit } from '../../domain/sla/deadlines';
import { escalationLevelOf } from '../../domain/sla/escalations';
import { RUNNING_STATUSES } from '../../domain/sla/next-check';
import {
	DEFAULT_AT_RISK_SHARE,
	DEFAULT_LEGAL_WARNING_DAYS,
	type SweepOptions,
	atRiskInstants,
	isValidShare,
	legalWarningBound,
	sweepState,
} from '../../domain/sla/sweep';
import { referenceData } from '../platform-context';
import { dialectOf } from '../scope-sql';
import { fragmentRunner } from '../sql-fragments';
import {
	type RecalibratedRow,
	type SweepContext,
	countsFrom,
	countsStatement,
	emailsStatement,
	escalationEventStatement,
	lockRowsStatement,
	lockStatement,
	notificationsStatement,
	platformShareStatement,
	raisePriorityStatement,
	recalibrateStatement,
	recordStatement,
	staleRowsStatement,
	stateStatement,
} from './sweep-queries';

export { SWEEP_LOCK_KEY } from './sweep-queries';

/** rows recomputed per statement (at most 6 bindings each: under SQLite's 999) */
const RECALIBRATION_CHUNK = 150;

export interface SweepCounts {
	at_risk: number;
	breached: number;
	legal: number;
}

export interface SweepResult {
	/** the instant the sweep compared deadlines with */
	now: string;
	/** another sweep held the lock: nothing was done */
	skipped: boolean;
	share: number;
	legal_warning_days: number;
	/** open complaints by state after the sweep (paused ones keep theirs) */
	on_track: number;
	at_risk: number;
	breached: number;
	/** open complaints waiting for the citizen, left as they were */
	paused: number;
	/** complaints whose state changed */
	changed: number;
	/** complaints this sweep read and updated: next instant passed, or legal ceiling near */
	checked: number;
	/** complaints whose at-risk instants were (re)computed */
	recalibrated: number;
	/** of those, complaints met for the first time: set at their current level, without alerts */
	adopted: number;
	/** escalations recorded in the history, by level */
	escalations: SweepCounts;
	priority_raised: number;
	notifications: number;
	emails: number;
	/** SQL statements the sweep issued */
	statements: number;
}

export interface RunSlaSweepInput {
	database: Knex;
	/** default: the current time */
	now?: Date;
	options?: Partial<Omit<SweepOptions, 'now'>>;
	/** PUBLIC_URL, for the link in staff e-mails */
	publicUrl?: string;
}

const unitOf = (value: unknown): DurationUnit => (value === 'calendar_days' ? 'calendar_days' : 'working_days');

export async function runSlaSweep(input: RunSlaSweepInput): Promise<SweepResult> {
	const now = input.now ?? new Date();
	const raisePriority = input.options?.raisePriority ?? true;
	const legalWarningDays = input.options?.legalWarningDays ?? DEFAULT_LEGAL_WARNING_DAYS;
	const optionShare = input.options?.atRiskShare ?? null;
	if (optionShare !== null && !isValidShare(optionShare))
		throw new RangeError(`at-risk share must be in ]0, 1] (got ${optionShare})`);
	const bound = legalWarningBound(
		now,
		legalWarningDays,
		new WorkingCalendar({ timeZone: CASABLANCA_TIME_ZONE, schedules: [], holidays: [] }),
	);
	const publicUrl = (input.publicUrl ?? '').replace(/\/$/, '');

	return input.database.transaction(async (trx) => {
		const dialect = dialectOf(trx);
		const db = fragmentRunner(trx, dialect);
		const result: SweepResult = {
			now: now.toISOString(),
			skipped: false,
			share: optionShare ?? DEFAULT_AT_RISK_SHARE,
			legal_warning_days: legalWarningDays,
			on_track: 0,
			at_risk: 0,
			breached: 0,
			paused: 0,
			changed: 0,
			checked: 0,
			recalibrated: 0,
			adopted: 0,
			escalations: { at_risk: 0, breached: 0, legal: 0 },
			priority_raised: 0,
			notifications: 0,
			emails: 0,
			statements: 0,
		};

		// 1. one sweep at a time (PostgreSQL; released at commit)
		if (dialect === 'pg') {
			const [lock] = await db.rows(lockStatement());
			if (lock?.locked !== true) return { ...result, skipped: true, statements: db.statements };
		}

		// 2. the share: the operation's, else the platform's
		let share = optionShare;
		if (share === null) {
			const [settings] = await db.rows(platformShareStatement());
			const stored = Number(settings?.at_risk_share);
			share = isValidShare(stored) ? stored : DEFAULT_AT_RISK_SHARE;
		}
		result.share = share;
		const context: SweepContext = {
			dialect,
			now,
			legalBound: bound,
			share,
			legalWarningDays,
			raisePriority,
			publicUrl,
		};

		// 3. at-risk instants of the open rows computed with another share, or never (backfill, adoption)
		const stale = await db.rows(staleRowsStatement(context));
		if (stale.length > 0) {
			const { calendar } = await referenceData(trx);
			for (let start = 0; start < stale.length; start += RECALIBRATION_CHUNK) {
				const rows = stale.slice(start, start + RECALIBRATION_CHUNK).map((row): RecalibratedRow => {
					const deadlines = {
						acknowledgeDueAt: toInstant(row.acknowledge_due_at),
						resolveDueAt: toInstant(row.resolve_due_at),
						legalDueAt: toInstant(row.legal_due_at),
					};
					const instants = atRiskInstants(
						{ receivedAt: toInstant(row.received_at), ...deadlines },
						{ acknowledge: unitOf(row.acknowledge_unit), resolve: unitOf(row.resolve_unit) },
						calendar,
						share,
					);
					// met for the first time and running: adopted at the level it has now, without alerts
					const adopt =
						(row.sla_at_risk_share === null || row.sla_at_risk_share === undefined) &&
						RUNNING_STATUSES.includes(String(row.status)) &&
						!row.sla_paused_at;
					const state = adopt
						? sweepState(now, { acknowledgedAt: toInstant(row.acknowledged_at), ...deadlines, ...instants })
						: null;
					return {
						id: String(row.id),
						...instants,
						level: state ? Math.max(Number(row.escalation_level ?? 0), escalationLevelOf(state)) : null,
						legalWarned:
							adopt &&
							!row.legal_warned_at &&
							!!deadlines.legalDueAt &&
							deadlines.legalDueAt.getTime() <= bound.getTime(),
					};
				});
				await db.rows(recalibrateStatement(context, rows));
				result.adopted += rows.filter((row) => row.level !== null).length;
			}
			result.recalibrated = stale.length;
		}

		// 4. lock the rows this sweep updates (PostgreSQL)
		if (dialect === 'pg') await db.rows(lockRowsStatement(context));

		// 5. how many complaints whose next instant has passed change state (written at step 12)
		result.changed = Number((await db.rows(stateStatement(context)))[0]?.n ?? 0);

		// 6–8. the history: one internal escalation event per level crossed
		result.escalations.at_risk = (await db.rows(escalationEventStatement(context, 'at_risk'))).length;
		result.escalations.breached = (await db.rows(escalationEventStatement(context, 'breached'))).length;
		result.escalations.legal = (await db.rows(escalationEventStatement(context, 'legal'))).length;

		// 9–10. who is told (domain/sla/escalations.ts), in-app and by e-mail
		result.notifications = (await db.rows(notificationsStatement(context))).length;
		result.emails = (await db.rows(emailsStatement(context))).length;

		// 11. on breach (option): normal → high, high → urgent
		if (raisePriority) result.priority_raised = (await db.rows(raisePriorityStatement(context))).length;

		// 12. states, levels (a second sweep finds nothing to cross) and next instants, one write per row
		result.checked = (await db.rows(recordStatement(context))).length;

		// 13. where things stand (index-only)
		Object.assign(result, countsFrom(await db.rows(countsStatement())));
		return { ...result, statements: db.statements };
	});
}
