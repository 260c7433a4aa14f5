// Raw SQL as fragments: text with ? placeholders and its bindings, composed
// with a tagged template, for the set-based statements knex's builder cannot
// express portably (INSERT … SELECT with CASE, RETURNING on both databases,
// the aggregates of the reports and figures). One builder for the whole
// extension: the SLA sweep, the monthly report, the officials' and public
// figures (legal-register-sql.ts builds the legal register's expressions on it).
// Timestamps are epoch milliseconds on SQLite (as Directus stores them) and
// timestamptz on PostgreSQL.
import type { Knex } from 'knex';
import type { Dialect } from './scope-sql';

export interface Fragment {
	text: string;
	bindings: unknown[];
}

function isFragment(value: unknown): value is Fragment {
	return (
		typeof value === 'object' &&
		value !== null &&
		'text' in value &&
		'bindings' in value &&
		Array.isArray((value as Fragment).bindings)
	);
}

/** Values become bindings, fragments are inlined. The static text must not contain '?'. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
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

export const raw = (text: string): Fragment => ({ text, bindings: [] });

export function join(fragments: Fragment[], separator: string): Fragment {
	return {
		text: fragments.map((fragment) => fragment.text).join(separator),
		bindings: fragments.flatMap((fragment) => fragment.bindings),
	};
}

/** Values bound one by one: `IN (${list(values)})`. */
export const list = (values: readonly unknown[]) =>
	join(
		values.map((value) => sql`${value}`),
		', ',
	);

const WORD = /^[a-z_]+$/;

/**
 * Code constants (statuses, states) written into the text, not bound: a partial
 * or composite index is then provably usable by the planner. Only plain words.
 */
export function literals(values: readonly string[]): Fragment {
	for (const value of values) if (!WORD.test(value)) throw new Error(`not a plain word: ${value}`);
	return raw(values.map((value) => `'${value}'`).join(', '));
}

/**
 * What differs between SQLite and PostgreSQL, and typed parameters: PostgreSQL
 * cannot infer a type in every position (SELECT lists, json_build_object).
 */
export function dialectSql(dialect: Dialect) {
	return {
		/** a timestamp as the column stores it */
		instant: (date: Date) =>
			dialect === 'pg' ? sql`CAST(${date.toISOString()} AS timestamptz)` : sql`${date.getTime()}`,
		/** a number of milliseconds (PostgreSQL would guess integer, too small for 60 days) */
		ms: (value: number) => (dialect === 'pg' ? sql`CAST(${value} AS bigint)` : sql`${value}`),
		/** a − b in milliseconds */
		diffMs: (a: string, b: string) =>
			raw(dialect === 'pg' ? `(EXTRACT(EPOCH FROM (${a} - ${b})) * 1000)` : `(${a} - ${b})`),
		/** a timestamp column plus a number of milliseconds */
		plusMs: (column: string, ms: Fragment) =>
			dialect === 'pg' ? sql`(${raw(column)} + (${ms}) * INTERVAL '1 millisecond')` : sql`(${raw(column)} + (${ms}))`,
		text: (value: string) => sql`CAST(${value} AS TEXT)`,
		integer: (value: number) => (dialect === 'pg' ? sql`CAST(${value} AS integer)` : sql`${value}`),
		/** a stored timestamp as an ISO 8601 string, inside JSON */
		isoOf: (column: string) =>
			raw(dialect === 'pg' ? column : `strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch')`),
		/** a timestamp column one millisecond later */
		plusOneMs: (column: string) => raw(dialect === 'pg' ? `(${column} + INTERVAL '1 millisecond')` : `(${column} + 1)`),
		/** the smallest of timestamp expressions, NULLs ignored; NULL when all are */
		least: (values: Fragment[]) =>
			dialect === 'pg'
				? sql`LEAST(${join(values, ', ')})`
				: // SQLite's min() returns NULL as soon as one argument is NULL: stand in year 9999 for them
					sql`NULLIF(MIN(${join(
						values.map((value) => sql`COALESCE(${value}, 253402300799999)`),
						', ',
					)}), 253402300799999)`,
		jsonObject: (pairs: [string, Fragment][]) =>
			join(
				[
					raw(dialect === 'pg' ? 'json_build_object(' : 'json_object('),
					join(
						pairs.map(([key, value]) => join([raw(`'${key}'`), value], ', ')),
						', ',
					),
					raw(')'),
				],
				'',
			),
	};
}

/** Runs fragments in a transaction (or on a connection), counting the statements. */
export function fragmentRunner(knex: Knex | Knex.Transaction, dialect: Dialect) {
	const runner = {
		statements: 0,
		async rows(fragment: Fragment): Promise<Record<string, unknown>[]> {
			runner.statements++;
			const result = await knex.raw(fragment.text, fragment.bindings as Knex.RawBinding[]);
			return (dialect === 'pg' ? result.rows : result) as Record<string, unknown>[];
		},
	};
	return runner;
}
