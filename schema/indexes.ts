// Indexes over several columns, which Directus's field schema cannot describe
// (it indexes one column at a time). Each one serves a read measured by
// `npm run bench` at 1,000,000 complaints; the bench's EXPLAIN showed the
// single-column indexes forcing heap scans of hundreds of thousands of rows.
// Applied by provisioning (POST /casa-schema/indexes), idempotent.

export interface IndexSpec {
	collection: string;
	name: string;
	columns: string[];
	/** which read it serves */
	why: string;
	/** an index on this expression (of `columns`) rather than on the columns themselves */
	expression?: string;
}

/**
 * The legal ceiling of an open, running complaint whose director general was not
 * warned yet; NULL for every other row. The SLA sweep's legal warning reads
 * `<this> <= bound` through an index on this very expression: the database keeps
 * statistics on it, where the columns' own (most ceilings are past, of closed
 * complaints) made PostgreSQL expect a third of the table and scan all of it.
 */
export function legalWarningDueExpression(alias = ''): string {
	const c = alias ? `${alias}.` : '';
	return `(CASE WHEN ${c}legal_warned_at IS NULL AND ${c}sla_paused_at IS NULL AND ${c}status IN ('new', 'acknowledged', 'assigned', 'in_progress', 'reopened') THEN ${c}legal_due_at END)`;
}

/**
 * When a finished complaint's contact details expire (loi 09-08): its closure
 * (or last change), for a closed or rejected complaint not yet anonymised; NULL
 * for every other row. The retention job reads `<this> < cutoff` in this order
 * through an index on this very expression, a range that is empty when nothing
 * expired (ordered by id, it walked the whole table: 3 s at 1,000,000).
 */
export function retentionDueExpression(alias = ''): string {
	const c = alias ? `${alias}.` : '';
	return `(CASE WHEN ${c}personal_data_erased_at IS NULL AND ${c}status IN ('closed', 'rejected') THEN COALESCE(${c}closed_at, ${c}date_updated, ${c}received_at) END)`;
}

export const compositeIndexes: IndexSpec[] = [
	// assignee too: an agent's scope is "my teams OR assigned to me", checked from the index alone
	{
		collection: 'complaints',
		name: 'complaints_team_status_assignee_index',
		columns: ['team', 'status', 'assignee'],
		why: "a team's queue and its open count",
	},
	{
		collection: 'complaints',
		name: 'complaints_assignee_status_index',
		columns: ['assignee', 'status'],
		why: "an agent's own open complaints",
	},
	{
		collection: 'complaints',
		name: 'complaints_arrondissement_status_index',
		columns: ['arrondissement', 'status'],
		why: 'dashboards: complaints by arrondissement and status',
	},
	{
		collection: 'complaints',
		name: 'complaints_status_service_sla_state_index',
		columns: ['status', 'service', 'sla_state'],
		why: 'dashboards: open complaints by service and SLA state',
	},
	// what the map's grid aggregate reads (/insights/clusters): an index-only scan instead of the table
	{
		collection: 'complaints',
		name: 'complaints_map_index',
		columns: ['latitude', 'longitude', 'status', 'sla_state'],
		why: 'the map: complaints per grid cell in the visible box',
	},
	// the SLA sweep (adapters/sla/sweep-queries.ts): with sla_next_check_at's own index, each of its reads is a range scan
	{
		collection: 'complaints',
		name: 'complaints_status_sla_share_index',
		columns: ['status', 'sla_at_risk_share'],
		why: 'SLA sweep: open complaints whose at-risk instants use another share',
	},
	{
		collection: 'complaints',
		name: 'complaints_legal_warning_due_index',
		columns: ['legal_warned_at', 'sla_paused_at', 'status', 'legal_due_at'],
		expression: legalWarningDueExpression(),
		why: 'SLA sweep: open complaints not yet warned whose legal ceiling is near',
	},
	{
		collection: 'complaints',
		name: 'complaints_status_sla_state_paused_index',
		columns: ['status', 'sla_state', 'sla_paused_at'],
		why: 'counts of open complaints by SLA state (sweep result, dashboards), index-only',
	},
	{
		collection: 'complaints',
		name: 'complaints_retention_due_index',
		columns: ['personal_data_erased_at', 'status', 'closed_at', 'date_updated', 'received_at'],
		expression: retentionDueExpression(),
		why: 'retention job: finished complaints whose contact details expired, not yet anonymised',
	},
	// the first answer (resolved or rejected) of each complaint, read by the officials' figures and the monthly report
	// (sql-fragments legalFragments): an index-only range scan instead of reading every event of the history
	{
		collection: 'complaint_events',
		name: 'complaint_events_answer_index',
		columns: ['type', 'to_status', 'date_created', 'complaint'],
		why: "officials' figures and monthly report: each complaint's first answer (legal ceiling)",
	},
	// foreign keys PostgreSQL does not index by itself, read by complaint: a complaint's files (its view, the
	// queue's thumbnails) and what the retention job clears per batch of complaints
	{
		collection: 'complaint_files',
		name: 'complaint_files_complaints_id_index',
		columns: ['complaints_id'],
		why: "a complaint's photos, scans and after-photos",
	},
	{
		collection: 'mail_messages',
		name: 'mail_messages_complaint_index',
		columns: ['complaint'],
		why: 'the raw e-mails of a complaint (retention, right of access)',
	},
	{
		collection: 'conversations',
		name: 'conversations_complaint_index',
		columns: ['complaint'],
		why: 'the chat conversation of a complaint (retention, right of access)',
	},
];

export type SqlDialect = 'pg' | 'sqlite';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The statement that creates an index if it is missing. On PostgreSQL it is
 * built CONCURRENTLY, so adding one to a live table of a million complaints
 * does not block intake while it builds.
 */
export function createIndexStatement(spec: IndexSpec, dialect: SqlDialect): string {
	for (const name of [spec.collection, spec.name, ...spec.columns])
		if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
	if (spec.columns.length === 0) throw new Error(`index ${spec.name} has no columns`);
	const columns = spec.expression ? `(${spec.expression})` : spec.columns.map((column) => `"${column}"`).join(', ');
	const concurrently = dialect === 'pg' ? 'CONCURRENTLY ' : '';
	return `CREATE INDEX ${concurrently}IF NOT EXISTS "${spec.name}" ON "${spec.collection}" (${columns})`;
}
