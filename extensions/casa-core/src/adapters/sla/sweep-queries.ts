// The SLA sweep's SQL, statement by statement (adapters/sla/sla-sweep.ts runs
// them in order, in one transaction). Each statement is set-based and reads
// through an index, so its cost follows the complaints that cross a threshold,
// not the open ones:
// - due rows: complaints.sla_next_check_at <= now (its own index), the instant
//   domain/sla/next-check.ts defines; the state and next-instant expressions
//   below are the SQL of slaDecision;
// - legal ceilings near: an index on schema/indexes.ts's legalWarningDueExpression;
// - rows to recalibrate: (status, sla_at_risk_share);
// - counts by state: (status, sla_state, sla_paused_at), an index-only scan.
// Who is told comes from the table domain/sla/escalations.ts, one join per rule.
import { ROLE_IDS } from '../../domain/access/roles';
import { type Language, translate } from '../../domain/i18n/messages';
import { ESCALATIONS, type EscalationKind, type RecipientRule } from '../../domain/sla/escalations';
import { CHECK_AT_ONCE, RUNNING_STATUSES } from '../../domain/sla/next-check';
import { PRIORITY_RISE } from '../../domain/sla/sweep';
import { OPEN_STATUSES, PAUSED_STATUSES } from '../../domain/workflow/transitions';
import type { Knex } from 'knex';
import { type Dialect, dialectOf, instantBinding } from '../scope-sql';
import { legalWarningDueExpression } from '../../../../../schema/indexes';
import { type Fragment, dialectSql, join, list, literals, raw, sql } from '../sql-fragments';

/** pg_try_advisory_xact_lock key: 'CASASLA1' as a 64-bit integer */
export const SWEEP_LOCK_KEY = '4846246214062850353';
/** two shares closer than this are the same (PostgreSQL stores a float as real) */
export const SHARE_TOLERANCE = 0.000001;

export interface SweepContext {
	dialect: Dialect;
	now: Date;
	/** legal ceilings up to this instant are warned about */
	legalBound: Date;
	share: number;
	legalWarningDays: number;
	raisePriority: boolean;
	/** PUBLIC_URL without its trailing slash */
	publicUrl: string;
}

/** The conditions every statement shares, for a table alias prefix ('c.' or ''). */
export function conditions(context: SweepContext) {
	const p = dialectSql(context.dialect);
	const nowParam = p.instant(context.now);
	const col = (c: string, name: string) => raw(`${c}${name}`);
	const breach = (c: string) =>
		sql`((${col(c, 'acknowledged_at')} IS NULL AND ${col(c, 'acknowledge_due_at')} < ${nowParam}) OR ${col(c, 'resolve_due_at')} < ${nowParam} OR ${col(c, 'legal_due_at')} < ${nowParam})`;
	const atRisk = (c: string) =>
		sql`((${col(c, 'acknowledged_at')} IS NULL AND ${col(c, 'acknowledge_at_risk_at')} <= ${nowParam}) OR ${col(c, 'resolve_at_risk_at')} <= ${nowParam})`;
	const level = (c: string) => raw(`COALESCE(${c}escalation_level, 0)`);
	/** open, not waiting for the citizen: paused complaints keep their state */
	const eligible = (c: string) =>
		sql`${col(c, 'status')} IN (${literals(RUNNING_STATUSES)}) AND ${col(c, 'sla_paused_at')} IS NULL`;
	/** the complaint's next instant has passed: its state may have changed */
	const due = (c: string) => sql`${col(c, 'sla_next_check_at')} <= ${nowParam}`;
	/** the same, never NULL (inside CASE … WHEN NOT …) */
	const isDue = (c: string) => sql`(${col(c, 'sla_next_check_at')} IS NOT NULL AND ${due(c)})`;
	/** running, not warned yet, and the legal ceiling within the warning period (through its expression index) */
	const legalNear = (c: string) =>
		sql`(${raw(legalWarningDueExpression(c.replace(/\.$/, '')))} <= ${p.instant(context.legalBound)})`;
	/** slaDecision's state */
	const state = (c: string) =>
		sql`(CASE WHEN ${breach(c)} THEN 'breached' WHEN ${atRisk(c)} THEN 'at_risk' ELSE 'on_track' END)`;
	// from the state at now, before it is written: each crossing row is then written once, by recordStatement
	const crossesAtRisk = (c: string) => sql`(${level(c)} < 1 AND ${state(c)} IN ('at_risk', 'breached'))`;
	const crossesBreach = (c: string) => sql`(${level(c)} < 2 AND ${state(c)} = 'breached')`;
	/** what crosses each escalation of domain/sla/escalations.ts */
	const crossing = (kind: EscalationKind, c: string) =>
		kind === 'legal'
			? legalNear(c)
			: sql`${eligible(c)} AND ${due(c)} AND ${kind === 'at_risk' ? crossesAtRisk(c) : crossesBreach(c)}`;
	/** slaDecision's next instant: the first threshold after now that changes the state */
	const nextCheck = (c: string) => {
		const whenLater = (guard: Fragment | null, value: Fragment, strictlyAfter: boolean) =>
			sql`(CASE WHEN ${guard ? sql`${guard} AND ` : raw('')}${value} ${raw(strictlyAfter ? '>' : '>=')} ${nowParam} THEN ${value} END)`;
		const acknowledging = sql`${col(c, 'acknowledged_at')} IS NULL`;
		// a deadline is passed one millisecond after it: due >= now ⇔ due + 1 ms > now
		const deadlines = [
			sql`(CASE WHEN ${acknowledging} AND ${col(c, 'acknowledge_due_at')} >= ${nowParam} THEN ${p.plusOneMs(`${c}acknowledge_due_at`)} END)`,
			sql`(CASE WHEN ${col(c, 'resolve_due_at')} >= ${nowParam} THEN ${p.plusOneMs(`${c}resolve_due_at`)} END)`,
			sql`(CASE WHEN ${col(c, 'legal_due_at')} >= ${nowParam} THEN ${p.plusOneMs(`${c}legal_due_at`)} END)`,
		];
		const atRiskInstants = [
			whenLater(acknowledging, col(c, 'acknowledge_at_risk_at'), true),
			whenLater(null, col(c, 'resolve_at_risk_at'), true),
		];
		return sql`(CASE WHEN ${breach(c)} THEN NULL WHEN ${atRisk(c)} THEN ${p.least(deadlines)} ELSE ${p.least([...atRiskInstants, ...deadlines])} END)`;
	};
	return {
		p,
		nowParam,
		eligible,
		due,
		isDue,
		breach,
		atRisk,
		legalNear,
		level,
		crossesAtRisk,
		crossesBreach,
		crossing,
		state,
		nextCheck,
	};
}

// --- statements, in the order the sweep runs them ----------------------------------------

/**
 * One sweep at a time (PostgreSQL; released at commit). In the same statement, no JIT
 * for this transaction: the sweep's statements read a handful of rows through indexes,
 * but their cost estimates (many CASE expressions, right after a large catch-up) can
 * pass jit_above_cost, and compiling them took seconds where running them takes milliseconds.
 */
export const lockStatement = () =>
	sql`SELECT set_config('jit', 'off', true) AS jit, pg_try_advisory_xact_lock(CAST(${SWEEP_LOCK_KEY} AS bigint)) AS locked`;

export const platformShareStatement = () => sql`SELECT at_risk_share FROM platform_settings`;

/** Open rows whose at-risk instants were computed with another share, or never (backfill, adoption). */
export function staleRowsStatement(context: SweepContext): Fragment {
	return sql`
		SELECT c.id, c.status, c.sla_paused_at, c.received_at, c.acknowledged_at, c.acknowledge_due_at, c.resolve_due_at, c.legal_due_at,
			c.sla_at_risk_share, c.escalation_level, c.legal_warned_at, k.acknowledge_unit, k.resolve_unit
		FROM complaints c LEFT JOIN categories k ON k.code = c.category
		WHERE c.status IN (${literals(OPEN_STATUSES)})
			AND (c.sla_at_risk_share IS NULL OR c.sla_at_risk_share < ${context.share - SHARE_TOLERANCE} OR c.sla_at_risk_share > ${context.share + SHARE_TOLERANCE})`;
}

export interface RecalibratedRow {
	id: string;
	acknowledgeAtRiskAt: Date | null;
	resolveAtRiskAt: Date | null;
	/** met for the first time: the level it is adopted at (no alerts); null otherwise */
	level: number | null;
	legalWarned: boolean;
}

/** New at-risk instants for a chunk of rows; each is checked by this very sweep (next instant = now). */
export function recalibrateStatement(context: SweepContext, rows: RecalibratedRow[]): Fragment {
	const { p, nowParam } = conditions(context);
	const cases = (column: string, picked: { id: string; value: Fragment }[]) =>
		picked.length === 0
			? raw(column)
			: sql`(CASE id ${join(
					picked.map(({ id, value }) => sql`WHEN ${id} THEN ${value}`),
					' ',
				)} ELSE ${raw(column)} END)`;
	const instant = (value: Date | null) => (value ? p.instant(value) : raw('NULL'));
	return sql`
		UPDATE complaints SET
			acknowledge_at_risk_at = ${cases(
				'acknowledge_at_risk_at',
				rows.map((row) => ({ id: row.id, value: instant(row.acknowledgeAtRiskAt) })),
			)},
			resolve_at_risk_at = ${cases(
				'resolve_at_risk_at',
				rows.map((row) => ({ id: row.id, value: instant(row.resolveAtRiskAt) })),
			)},
			escalation_level = ${cases(
				'escalation_level',
				rows.filter((row) => row.level !== null).map((row) => ({ id: row.id, value: p.integer(row.level!) })),
			)},
			legal_warned_at = ${cases(
				'legal_warned_at',
				rows.filter((row) => row.legalWarned).map((row) => ({ id: row.id, value: nowParam })),
			)},
			sla_at_risk_share = ${context.share},
			sla_next_check_at = ${nowParam}
		WHERE id IN (${list(rows.map((row) => row.id))})`;
}

/** PostgreSQL: locks the rows this sweep updates, so that a concurrent write cannot slip between their events, notifications and levels. */
export function lockRowsStatement(context: SweepContext): Fragment {
	const { due, legalNear } = conditions(context);
	return sql`
		SELECT COUNT(*) AS n FROM (
			SELECT c.id FROM complaints c WHERE ${due('c.')} OR ${legalNear('c.')}
			FOR UPDATE
		) touched`;
}

/** How many due rows change state (written by recordStatement, with their level and next instant, in one update). */
export function stateStatement(context: SweepContext): Fragment {
	const { due, eligible, state } = conditions(context);
	return sql`SELECT COUNT(*) AS n FROM complaints WHERE ${due('')} AND ${eligible('')} AND COALESCE(sla_state, '') <> ${state('')}`;
}

const fr = (key: string, values: Record<string, unknown> = {}) => translate('fr', key, values);
const percent = (context: SweepContext) => Math.round(context.share * 100);

/** One internal history event per complaint crossing the escalation. */
export function escalationEventStatement(context: SweepContext, kind: EscalationKind): Fragment {
	const { p, nowParam, crossing } = conditions(context);
	let body: Fragment;
	if (kind === 'at_risk') body = p.text(fr('escalation.at_risk.history', { share: percent(context) }));
	else if (kind === 'legal') body = p.text(fr('escalation.legal.history', { days: context.legalWarningDays }));
	else {
		const raised =
			context.raisePriority && ESCALATIONS.some((entry) => entry.kind === kind && entry.raisesPriority)
				? sql` || (CASE c.priority ${join(
						Object.entries(PRIORITY_RISE).map(
							([from, to]) =>
								sql`WHEN ${from} THEN ${p.text(` ${fr('escalation.priority_raised', { from: fr(`priority.${from}`), to: fr(`priority.${to}`) })}`)}`,
						),
						' ',
					)} ELSE '' END)`
				: raw('');
		body = sql`${p.text(fr('escalation.breached.history'))}${raised}`;
	}
	return sql`
		INSERT INTO complaint_events (complaint, ${raw('"type"')}, team, assignee, body, visibility, actor_kind, date_created)
		SELECT c.id, 'escalation', c.team, c.assignee, ${body}, 'internal', 'system', ${nowParam}
		FROM complaints c WHERE ${crossing(kind, 'c.')}
		RETURNING id`;
}

/** A recipient rule of domain/sla/escalations.ts as a join condition on directus_users u. */
function ruleCondition(rule: RecipientRule): Fragment {
	switch (rule.who) {
		case 'assignee':
			return raw('u.id = c.assignee');
		case 'team_members':
			return raw(`EXISTS (SELECT 1 FROM team_members tm WHERE tm.team = c.team AND tm."user" = u.id)`);
		case 'role_in_service':
			return sql`(u.role = ${ROLE_IDS[rule.role as keyof typeof ROLE_IDS]} AND u.service = c.service)`;
		case 'role':
			return sql`u.role = ${ROLE_IDS[rule.role as keyof typeof ROLE_IDS]}`;
	}
}

/** Everyone told, one row per (complaint, escalation, user): the table's rules, each user once per escalation. */
function recipientsOf(context: SweepContext): Fragment {
	const { crossing } = conditions(context);
	const columns = raw(
		'c.id AS complaint, c.reference AS reference, u.id AS user_id, u.email AS email, u.language AS language, c.resolve_due_at AS resolve_due_at, c.legal_due_at AS legal_due_at',
	);
	const usable = raw("(u.status IS NULL OR u.status <> 'archived')");
	const selects = ESCALATIONS.map(
		(entry, index) =>
			sql`SELECT ${columns}, ${raw(String(index + 1))} AS esc_level FROM complaints c
			JOIN directus_users u ON (${join(entry.recipients.map(ruleCondition), ' OR ')})
			WHERE ${crossing(entry.kind, 'c.')} AND ${usable}`,
	);
	return sql`(${join(selects, ' UNION ALL ')}) r`;
}

/** A SQL expression per escalation of the row r (r.esc_level: its place in the table, from 1). */
function perEscalation(text: (kind: EscalationKind) => Fragment): Fragment {
	return sql`(CASE r.esc_level ${join(
		ESCALATIONS.map((entry, index) => sql`WHEN ${raw(String(index + 1))} THEN ${text(entry.kind)}`),
		' ',
	)} END)`;
}

/** Translated text with per-row values ({{name}} → a SQL expression of type text), as a SQL text expression. */
function localized(
	language: Language,
	key: string,
	values: Record<string, unknown>,
	rowValues: Record<string, string> = {},
): Fragment {
	const mark = '\u0001';
	const placeholders = Object.fromEntries(Object.keys(rowValues).map((name) => [name, `${mark}${name}${mark}`]));
	const pieces = translate(language, key, { ...values, ...placeholders }).split(mark);
	const parts = pieces.flatMap((piece, index) =>
		index % 2 === 1 ? [raw(`COALESCE(${rowValues[piece]}, '')`)] : piece === '' ? [] : [sql`CAST(${piece} AS TEXT)`],
	);
	return parts.length === 0 ? raw("''") : join(parts, ' || ');
}

/** The recipient's language: Directus users have 'ar-SA', 'fr-FR' or nothing. */
function byLanguage(languageColumn: string, text: (language: Language) => Fragment): Fragment {
	return sql`(CASE WHEN LOWER(COALESCE(${raw(languageColumn)}, '')) LIKE 'ar%' THEN ${text('ar')} ELSE ${text('fr')} END)`;
}

/** In-app notifications, in each recipient's language. */
export function notificationsStatement(context: SweepContext): Fragment {
	const { nowParam } = conditions(context);
	const texts = { share: percent(context), days: context.legalWarningDays };
	const rowText = { reference: 'r.reference' };
	const subject = perEscalation((kind) =>
		byLanguage('r.language', (language) => localized(language, `escalation.${kind}.subject`, texts, rowText)),
	);
	const message = perEscalation((kind) =>
		byLanguage('r.language', (language) => localized(language, `escalation.${kind}.message`, texts, rowText)),
	);
	return sql`
		INSERT INTO directus_notifications (${raw('"timestamp"')}, status, recipient, subject, message, collection, item)
		SELECT ${nowParam}, 'inbox', r.user_id, ${subject}, ${message}, 'complaints', CAST(r.complaint AS TEXT)
		FROM ${recipientsOf(context)}
		RETURNING id`;
}

/** E-mails through the outbox, for recipients with an address. */
export function emailsStatement(context: SweepContext): Fragment {
	const { p, nowParam } = conditions(context);
	const payload = p.jsonObject([
		['reference', raw('r.reference')],
		['level', perEscalation((kind) => raw(`'${kind}'`))],
		['resolve_due_at', p.isoOf('r.resolve_due_at')],
		['legal_due_at', p.isoOf('r.legal_due_at')],
		['share', p.integer(percent(context))],
		['days', p.integer(context.legalWarningDays)],
		['url', sql`${p.text(`${context.publicUrl}/admin/casa-workspace/complaints/`)} || CAST(r.complaint AS TEXT)`],
	]);
	return sql`
		INSERT INTO outbox (complaint, event, channel, recipient, language, payload, status, attempts, date_created)
		SELECT r.complaint, ${perEscalation((kind) => raw(`'escalation_${kind}'`))}, 'email', r.email, ${byLanguage('r.language', (language) => raw(`'${language}'`))}, ${payload}, 'pending', 0, ${nowParam}
		FROM ${recipientsOf(context)}
		WHERE r.email IS NOT NULL AND r.email <> ''
		RETURNING id`;
}

/** On breach (option): normal → high, high → urgent. */
export function raisePriorityStatement(context: SweepContext): Fragment {
	const { crossing } = conditions(context);
	const rise = join(
		Object.entries(PRIORITY_RISE).map(([from, to]) => sql`WHEN ${from} THEN ${to}`),
		' ',
	);
	return sql`
		UPDATE complaints SET priority = (CASE priority ${rise} ELSE priority END)
		WHERE ${crossing('breached', '')} AND priority IN (${list(Object.keys(PRIORITY_RISE))})
		RETURNING 1 AS raised`;
}

/**
 * The state, levels and the legal warning recorded (a second sweep finds
 * nothing to cross), and each due row's next instant, in one write per row: slaDecision's for running rows,
 * none for the others (closed or paused: the hooks set one when they run again).
 */
export function recordStatement(context: SweepContext): Fragment {
	const { nowParam, due, isDue, eligible, legalNear, level, nextCheck, state } = conditions(context);
	const swept = sql`(${eligible('')} AND ${isDue('')})`;
	return sql`
		UPDATE complaints SET
			sla_state = (CASE WHEN ${swept} THEN ${state('')} ELSE sla_state END),
			escalation_level = (CASE WHEN NOT ${swept} THEN escalation_level
				WHEN ${state('')} = 'breached' THEN 2 WHEN ${state('')} = 'at_risk' AND ${level('')} < 1 THEN 1 ELSE ${level('')} END),
			legal_warned_at = (CASE WHEN ${legalNear('')} THEN ${nowParam} ELSE legal_warned_at END),
			sla_next_check_at = (CASE WHEN NOT ${isDue('')} THEN sla_next_check_at WHEN ${eligible('')} THEN ${nextCheck('')} ELSE NULL END)
		WHERE ${due('')} OR ${legalNear('')}
		RETURNING 1 AS recorded`;
}

/**
 * Open complaints by status, state and pause: an index-only scan of
 * (status, sla_state, sla_paused_at), grouped on the index's own columns (a
 * CASE in the grouping made PostgreSQL hash every entry: twice slower). Still
 * one index entry per open complaint: the one statement of the sweep whose cost
 * follows the open complaints rather than the changes.
 */
export function countsStatement(): Fragment {
	return sql`
		SELECT status, sla_state, (CASE WHEN sla_paused_at IS NULL THEN 0 ELSE 1 END) AS paused_at, COUNT(*) AS n
		FROM complaints WHERE status IN (${literals(OPEN_STATUSES)}) GROUP BY status, sla_state, (CASE WHEN sla_paused_at IS NULL THEN 0 ELSE 1 END)`;
}

/** The sweep's counts from countsStatement's rows: paused complaints apart, whatever their state. */
export function countsFrom(rows: Record<string, unknown>[]): {
	on_track: number;
	at_risk: number;
	breached: number;
	paused: number;
} {
	const counts = { on_track: 0, at_risk: 0, breached: 0, paused: 0 };
	for (const row of rows) {
		const n = Number(row.n);
		if (PAUSED_STATUSES.includes(String(row.status) as never) || Number(row.paused_at) === 1) counts.paused += n;
		else if (row.sla_state === 'at_risk' || row.sla_state === 'breached') counts[row.sla_state] += n;
		else counts.on_track += n;
	}
	return counts;
}

/**
 * Migration: complaints written before sla_next_check_at existed are checked by
 * the next sweep (which then gives each its exact next instant), as every open
 * complaint was before the sweep became incremental. Returns the rows marked.
 */
export async function backfillNextChecks(knex: Knex): Promise<number> {
	const dialect = dialectOf(knex);
	const marked = await knex('complaints')
		.whereIn('status', [...OPEN_STATUSES])
		.whereNull('sla_next_check_at')
		.update({ sla_next_check_at: instantBinding(dialect, CHECK_AT_ONCE) });
	return Number(marked);
}
