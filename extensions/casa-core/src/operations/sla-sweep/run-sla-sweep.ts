// The SLA sweep, set-based: one transaction of a fixed handful of SQL
// statements whatever the number of complaints (see STATEMENTS below).
//
// Working time is never measured in SQL. Each complaint carries the instants
// from which its deadlines are at risk (acknowledge_at_risk_at,
// resolve_at_risk_at: computed by the complaint hooks with the working
// calendar, see domain/sla/sweep.ts), so its state is plain comparisons with
// now. Rows whose instants were computed with another share (or never: rows
// older than the sweep) are recomputed first, 150 per statement, once.
//
// Escalations are recorded once per level: complaints.escalation_level (1 at
// risk, 2 breached) and complaints.legal_warned_at say what was already
// recorded; events, in-app notifications and e-mails are INSERT … SELECT of
// the rows that cross a level, and the levels are raised in the same
// transaction. A complaint the sweep meets for the first time (created before
// the sweep existed, or written around the hooks, like the demo data) is
// adopted at its current level without alerts: deploying the sweep on a
// database full of late complaints does not send hundreds of messages. Several instances may sweep at once: on PostgreSQL the sweep
// takes a transaction-level advisory lock (a second sweep finds it taken and
// does nothing) and locks the rows about to cross; SQLite has a single writer
// (and Directus a single connection to it).
import { toInstant } from '../../domain/calendar/instant';
import type { Knex } from 'knex';
import { referenceData } from '../../adapters/platform-context';
import { ROLE_IDS } from '../../domain/access/roles';
import { CASABLANCA_TIME_ZONE, WorkingCalendar } from '../../domain/calendar/index';
import { type Language, translate } from '../../domain/i18n/messages';
import type { DurationUnit } from '../../domain/sla/deadlines';
import {
	DEFAULT_AT_RISK_SHARE,
	DEFAULT_LEGAL_WARNING_DAYS,
	PRIORITY_RISE,
	type SweepOptions,
	atRiskInstants,
	escalationLevelOf,
	isValidShare,
	legalWarningBound,
	sweepState,
} from '../../domain/sla/sweep';
import { OPEN_STATUSES, PAUSED_STATUSES } from '../../domain/workflow/transitions';
import { type Dialect, dialectOf } from '../../adapters/scope-sql';

/** pg_try_advisory_xact_lock key: 'CASASLA1' as a 64-bit integer */
export const SWEEP_LOCK_KEY = '4846246214062850353';
/** rows recomputed per statement (at most 6 bindings each: under SQLite's 999) */
const RECALIBRATION_CHUNK = 150;
/** two shares closer than this are the same (PostgreSQL stores a float as real) */
const SHARE_TOLERANCE = 0.000001;

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

// --- a small SQL builder: text with ? placeholders and its bindings --------

interface Fragment {
	text: string;
	bindings: unknown[];
}

function isFragment(value: unknown): value is Fragment {
	return typeof value === 'object' && value !== null && 'text' in value && 'bindings' in value && Array.isArray((value as Fragment).bindings);
}

/** Values become bindings, fragments are inlined. The static text must not contain '?'. */
function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
	let text = strings[0];
	const bindings: unknown[] = [];
	values.forEach((value, index) => {
		if (isFragment(value)) {
			text += value.text;
			bindings.push(...value.bindings);
		} else {
			text += '?';
			bindings.push(value);
		}
		text += strings[index + 1];
	});
	return { text, bindings };
}

const raw = (text: string): Fragment => ({ text, bindings: [] });

function join(fragments: Fragment[], separator: string): Fragment {
	return { text: fragments.map((fragment) => fragment.text).join(separator), bindings: fragments.flatMap((fragment) => fragment.bindings) };
}


/** Typed parameters: PostgreSQL cannot infer a type in every position (SELECT lists, json_build_object). */
function dialectParams(dialect: Dialect) {
	return {
		/** timestamps: epoch milliseconds on SQLite, as Directus stores them; timestamptz on PostgreSQL */
		instant: (date: Date) => (dialect === 'pg' ? sql`CAST(${date.toISOString()} AS timestamptz)` : sql`${date.getTime()}`),
		text: (value: string) => sql`CAST(${value} AS TEXT)`,
		integer: (value: number) => (dialect === 'pg' ? sql`CAST(${value} AS integer)` : sql`${value}`),
		/** a stored timestamp as an ISO 8601 string, inside JSON */
		isoOf: (column: string) => raw(dialect === 'pg' ? column : `strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch')`),
		jsonObject: (pairs: [string, Fragment][]) =>
			join([raw(dialect === 'pg' ? 'json_build_object(' : 'json_object('), join(pairs.map(([key, value]) => join([raw(`'${key}'`), value], ', ')), ', '), raw(')')], ''),
	};
}

const list = (values: readonly string[]) => join(values.map((value) => sql`${value}`), ', ');

/** Translated text with per-row values ({{name}} → a SQL expression of type text), as a SQL text expression. */
function localized(language: Language, key: string, values: Record<string, unknown>, rowValues: Record<string, string> = {}): Fragment {
	const mark = '\u0001';
	const placeholders = Object.fromEntries(Object.keys(rowValues).map((name) => [name, `${mark}${name}${mark}`]));
	const pieces = translate(language, key, { ...values, ...placeholders }).split(mark);
	const parts = pieces.flatMap((piece, index) => (index % 2 === 1 ? [raw(`COALESCE(${rowValues[piece]}, '')`)] : piece === '' ? [] : [sql`CAST(${piece} AS TEXT)`]));
	return parts.length === 0 ? raw("''") : join(parts, ' || ');
}

/** The recipient's language: Directus users have 'ar-SA', 'fr-FR' or nothing. */
function byLanguage(languageColumn: string, text: (language: Language) => Fragment): Fragment {
	return sql`(CASE WHEN LOWER(COALESCE(${raw(languageColumn)}, '')) LIKE 'ar%' THEN ${text('ar')} ELSE ${text('fr')} END)`;
}

// --- the sweep ------------------------------------------------------------------

export async function runSlaSweep(input: RunSlaSweepInput): Promise<SweepResult> {
	const now = input.now ?? new Date();
	const raisePriority = input.options?.raisePriority ?? true;
	const legalWarningDays = input.options?.legalWarningDays ?? DEFAULT_LEGAL_WARNING_DAYS;
	const optionShare = input.options?.atRiskShare ?? null;
	if (optionShare !== null && !isValidShare(optionShare)) throw new RangeError(`at-risk share must be in ]0, 1] (got ${optionShare})`);
	const bound = legalWarningBound(now, legalWarningDays, new WorkingCalendar({ timeZone: CASABLANCA_TIME_ZONE, schedules: [], holidays: [] }));
	const publicUrl = (input.publicUrl ?? '').replace(/\/$/, '');

	return input.database.transaction(async (trx) => {
		const dialect = dialectOf(trx);
		const p = dialectParams(dialect);
		let statements = 0;
		const run = async (fragment: Fragment): Promise<Record<string, unknown>[]> => {
			statements++;
			const result = await trx.raw(fragment.text, fragment.bindings as Knex.RawBinding[]);
			return (dialect === 'pg' ? result.rows : result) as Record<string, unknown>[];
		};
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
			const [lock] = await run(sql`SELECT pg_try_advisory_xact_lock(CAST(${SWEEP_LOCK_KEY} AS bigint)) AS locked`);
			if (lock?.locked !== true) return { ...result, skipped: true, statements };
		}

		// 2. the share: the operation's, else the platform's
		let share = optionShare;
		if (share === null) {
			const [settings] = await run(sql`SELECT at_risk_share FROM platform_settings`);
			const stored = Number(settings?.at_risk_share);
			share = isValidShare(stored) ? stored : DEFAULT_AT_RISK_SHARE;
		}
		result.share = share;

		const active = OPEN_STATUSES.filter((status) => !PAUSED_STATUSES.includes(status));
		const nowParam = p.instant(now);
		/** open, not waiting for the citizen: paused complaints keep their state */
		const eligible = (c: string) => sql`${raw(c)}status IN (${list(active)}) AND ${raw(c)}sla_paused_at IS NULL`;
		const breach = (c: string) =>
			sql`((${raw(c)}acknowledged_at IS NULL AND ${raw(c)}acknowledge_due_at < ${nowParam}) OR ${raw(c)}resolve_due_at < ${nowParam} OR ${raw(c)}legal_due_at < ${nowParam})`;
		const atRisk = (c: string) => sql`((${raw(c)}acknowledged_at IS NULL AND ${raw(c)}acknowledge_at_risk_at <= ${nowParam}) OR ${raw(c)}resolve_at_risk_at <= ${nowParam})`;
		const legalNear = (c: string) => sql`(${raw(c)}legal_warned_at IS NULL AND ${raw(c)}legal_due_at <= ${p.instant(bound)})`;
		const level = (c: string) => raw(`COALESCE(${c}escalation_level, 0)`);
		const crossesAtRisk = (c: string) => sql`(${level(c)} < 1 AND ${raw(c)}sla_state IN ('at_risk', 'breached'))`;
		const crossesBreach = (c: string) => sql`(${level(c)} < 2 AND ${raw(c)}sla_state = 'breached')`;

		// 3. at-risk instants of the open rows computed with another share, or never (backfill, adoption)
		const stale = await run(sql`
			SELECT c.id, c.status, c.sla_paused_at, c.received_at, c.acknowledged_at, c.acknowledge_due_at, c.resolve_due_at, c.legal_due_at,
				c.sla_at_risk_share, c.escalation_level, c.legal_warned_at, k.acknowledge_unit, k.resolve_unit
			FROM complaints c LEFT JOIN categories k ON k.code = c.category
			WHERE c.status IN (${list(OPEN_STATUSES)}) AND (c.sla_at_risk_share IS NULL OR ABS(c.sla_at_risk_share - ${share}) > ${SHARE_TOLERANCE})`);
		if (stale.length > 0) {
			const { calendar } = await referenceData(trx);
			const unit = (value: unknown): DurationUnit => (value === 'calendar_days' ? 'calendar_days' : 'working_days');
			for (let start = 0; start < stale.length; start += RECALIBRATION_CHUNK) {
				const rows = stale.slice(start, start + RECALIBRATION_CHUNK).map((row) => {
					const deadlines = {
						acknowledgeDueAt: toInstant(row.acknowledge_due_at),
						resolveDueAt: toInstant(row.resolve_due_at),
						legalDueAt: toInstant(row.legal_due_at),
					};
					const instants = atRiskInstants({ receivedAt: toInstant(row.received_at), ...deadlines }, { acknowledge: unit(row.acknowledge_unit), resolve: unit(row.resolve_unit) }, calendar, share);
					// met for the first time and running: adopted at the level it has now, without alerts
					const adopt = (row.sla_at_risk_share === null || row.sla_at_risk_share === undefined) && active.includes(String(row.status) as never) && !row.sla_paused_at;
					const state = adopt ? sweepState(now, { acknowledgedAt: toInstant(row.acknowledged_at), ...deadlines, ...instants }) : null;
					return {
						id: String(row.id),
						...instants,
						level: state ? Math.max(Number(row.escalation_level ?? 0), escalationLevelOf(state)) : null,
						legalWarned: adopt && !row.legal_warned_at && !!deadlines.legalDueAt && deadlines.legalDueAt.getTime() <= bound.getTime(),
					};
				});
				const cases = (column: string, picked: { id: string; value: Fragment }[]) =>
					picked.length === 0 ? raw(column) : sql`(CASE id ${join(picked.map(({ id, value }) => sql`WHEN ${id} THEN ${value}`), ' ')} ELSE ${raw(column)} END)`;
				const instant = (value: Date | null) => (value ? p.instant(value) : raw('NULL'));
				await run(sql`
					UPDATE complaints SET
						acknowledge_at_risk_at = ${cases('acknowledge_at_risk_at', rows.map((row) => ({ id: row.id, value: instant(row.acknowledgeAtRiskAt) })))},
						resolve_at_risk_at = ${cases('resolve_at_risk_at', rows.map((row) => ({ id: row.id, value: instant(row.resolveAtRiskAt) })))},
						escalation_level = ${cases('escalation_level', rows.filter((row) => row.level !== null).map((row) => ({ id: row.id, value: p.integer(row.level!) })))},
						legal_warned_at = ${cases('legal_warned_at', rows.filter((row) => row.legalWarned).map((row) => ({ id: row.id, value: nowParam })))},
						sla_at_risk_share = ${share}
					WHERE id IN (${list(rows.map((row) => row.id))})`);
				result.adopted += rows.filter((row) => row.level !== null).length;
			}
			result.recalibrated = stale.length;
		}

		// 4. lock the rows that may cross a level now (the states below follow from the same
		// comparisons), so that a concurrent update cannot slip between their events,
		// notifications and levels
		if (dialect === 'pg') {
			await run(sql`
				SELECT COUNT(*) AS n FROM (
					SELECT c.id FROM complaints c
					WHERE ${eligible('c.')} AND ((${level('c.')} < 1 AND (${breach('c.')} OR ${atRisk('c.')})) OR (${level('c.')} < 2 AND ${breach('c.')}) OR ${legalNear('c.')})
					FOR UPDATE
				) candidates`);
		}

		// 5. the state of every open complaint that is not paused
		const state = sql`(CASE WHEN ${breach('')} THEN 'breached' WHEN ${atRisk('')} THEN 'at_risk' ELSE 'on_track' END)`;
		result.changed = (await run(sql`UPDATE complaints SET sla_state = ${state} WHERE ${eligible('')} AND COALESCE(sla_state, '') <> ${state} RETURNING 1 AS changed`)).length;

		// 6–8. the history: one internal escalation event per level crossed
		const pct = Math.round(share * 100);
		const fr = (key: string, values: Record<string, unknown> = {}) => translate('fr', key, values);
		const event = (crossing: Fragment, body: Fragment) =>
			run(sql`
				INSERT INTO complaint_events (complaint, ${raw('"type"')}, team, assignee, body, visibility, actor_kind, date_created)
				SELECT c.id, 'escalation', c.team, c.assignee, ${body}, 'internal', 'system', ${nowParam}
				FROM complaints c WHERE ${eligible('c.')} AND ${crossing}
				RETURNING id`);
		result.escalations.at_risk = (await event(crossesAtRisk('c.'), p.text(fr('escalation.at_risk.history', { share: pct })))).length;
		const raised = raisePriority
			? sql` || (CASE c.priority ${join(
					Object.entries(PRIORITY_RISE).map(
						([from, to]) => sql`WHEN ${from} THEN ${p.text(` ${fr('escalation.priority_raised', { from: fr(`priority.${from}`), to: fr(`priority.${to}`) })}`)}`,
					),
					' ',
				)} ELSE '' END)`
			: raw('');
		result.escalations.breached = (await event(crossesBreach('c.'), sql`${p.text(fr('escalation.breached.history'))}${raised}`)).length;
		result.escalations.legal = (await event(legalNear('c.'), p.text(fr('escalation.legal.history', { days: legalWarningDays })))).length;

		// 9–10. who is told: at risk → the assignee and the team; breached → the service head(s); legal ceiling → the director general
		const recipientColumns = 'c.id AS complaint, c.reference AS reference, u.id AS user_id, u.email AS email, u.language AS language, c.resolve_due_at AS resolve_due_at, c.legal_due_at AS legal_due_at';
		const usable = raw("(u.status IS NULL OR u.status <> 'archived')");
		const recipients = sql`(
			SELECT ${raw(recipientColumns)}, 1 AS esc_level FROM complaints c
			JOIN directus_users u ON (u.id = c.assignee OR EXISTS (SELECT 1 FROM team_members tm WHERE tm.team = c.team AND tm.${raw('"user"')} = u.id))
			WHERE ${eligible('c.')} AND ${crossesAtRisk('c.')} AND ${usable}
			UNION ALL
			SELECT ${raw(recipientColumns)}, 2 AS esc_level FROM complaints c
			JOIN directus_users u ON u.role = ${ROLE_IDS.service_head} AND u.service = c.service
			WHERE ${eligible('c.')} AND ${crossesBreach('c.')} AND ${usable}
			UNION ALL
			SELECT ${raw(recipientColumns)}, 3 AS esc_level FROM complaints c
			JOIN directus_users u ON u.role = ${ROLE_IDS.director_general}
			WHERE ${eligible('c.')} AND ${legalNear('c.')} AND ${usable}
		) r`;
		const kinds = ['at_risk', 'breached', 'legal'] as const;
		const perLevel = (text: (kind: (typeof kinds)[number]) => Fragment) =>
			sql`(CASE r.esc_level ${join(kinds.slice(0, 2).map((kind, index) => sql`WHEN ${raw(String(index + 1))} THEN ${text(kind)}`), ' ')} ELSE ${text('legal')} END)`;
		const texts = { share: pct, days: legalWarningDays };
		const rowText = { reference: 'r.reference' };
		const subject = perLevel((kind) => byLanguage('r.language', (language) => localized(language, `escalation.${kind}.subject`, texts, rowText)));
		const message = perLevel((kind) => byLanguage('r.language', (language) => localized(language, `escalation.${kind}.message`, texts, rowText)));
		result.notifications = (
			await run(sql`
				INSERT INTO directus_notifications (${raw('"timestamp"')}, status, recipient, subject, message, collection, item)
				SELECT ${nowParam}, 'inbox', r.user_id, ${subject}, ${message}, 'complaints', CAST(r.complaint AS TEXT)
				FROM ${recipients}
				RETURNING id`)
		).length;
		const payload = p.jsonObject([
			['reference', raw('r.reference')],
			['level', perLevel((kind) => raw(`'${kind}'`))],
			['resolve_due_at', p.isoOf('r.resolve_due_at')],
			['legal_due_at', p.isoOf('r.legal_due_at')],
			['share', p.integer(pct)],
			['days', p.integer(legalWarningDays)],
			['url', sql`${p.text(`${publicUrl}/admin/content/complaints/`)} || CAST(r.complaint AS TEXT)`],
		]);
		result.emails = (
			await run(sql`
				INSERT INTO outbox (complaint, event, channel, recipient, language, payload, status, attempts, date_created)
				SELECT r.complaint, ${perLevel((kind) => raw(`'escalation_${kind}'`))}, 'email', r.email, ${byLanguage('r.language', (language) => raw(`'${language}'`))}, ${payload}, 'pending', 0, ${nowParam}
				FROM ${recipients}
				WHERE r.email IS NOT NULL AND r.email <> ''
				RETURNING id`)
		).length;

		// 11. on breach (option): normal → high, high → urgent
		if (raisePriority) {
			const rise = join(Object.entries(PRIORITY_RISE).map(([from, to]) => sql`WHEN ${from} THEN ${to}`), ' ');
			result.priority_raised = (
				await run(sql`
					UPDATE complaints SET priority = (CASE priority ${rise} ELSE priority END)
					WHERE ${eligible('')} AND ${crossesBreach('')} AND priority IN (${list(Object.keys(PRIORITY_RISE))})
					RETURNING 1 AS raised`)
			).length;
		}

		// 12. levels recorded: a second sweep finds nothing to cross
		await run(sql`
			UPDATE complaints SET
				escalation_level = (CASE WHEN sla_state = 'breached' THEN 2 WHEN sla_state = 'at_risk' AND ${level('')} < 1 THEN 1 ELSE ${level('')} END),
				legal_warned_at = (CASE WHEN ${legalNear('')} THEN ${nowParam} ELSE legal_warned_at END)
			WHERE ${eligible('')} AND (${crossesAtRisk('')} OR ${crossesBreach('')} OR ${legalNear('')})
			RETURNING 1 AS escalated`);

		// 13. where things stand
		const counts = await run(sql`
			SELECT sla_state, (CASE WHEN status IN (${list(PAUSED_STATUSES)}) OR sla_paused_at IS NOT NULL THEN 1 ELSE 0 END) AS paused, COUNT(*) AS n
			FROM complaints WHERE status IN (${list(OPEN_STATUSES)}) GROUP BY 1, 2`);
		for (const row of counts) {
			const n = Number(row.n);
			if (Number(row.paused) === 1) result.paused += n;
			else if (row.sla_state === 'at_risk' || row.sla_state === 'breached') result[row.sla_state] += n;
			else result.on_track += n;
		}
		return { ...result, statements };
	});
}
