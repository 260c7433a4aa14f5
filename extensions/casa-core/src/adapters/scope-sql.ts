// A role's complaint scope (domain/access/scope.ts) as a WHERE clause of the
// plain query builder, for the platform's own aggregate reads that bypass
// ItemsService (Insights map and SLA). The same rules as the read hook.
import type { Knex } from 'knex';
import type { Filter } from '../domain/access/scope';

/** The scopes built in domain/access use only _or/_and, _eq, _in, _null. */
export function applyScope(query: Knex.QueryBuilder, filter: Filter, table = 'complaints'): void {
	for (const [key, value] of Object.entries(filter)) {
		if (key === '_or' || key === '_and') {
			const method = key === '_or' ? 'orWhere' : 'andWhere';
			query.where((group) => {
				for (const entry of value as Filter[]) group[method]((inner) => applyScope(inner, entry, table));
			});
			continue;
		}
		const column = `${table}.${key}`;
		const condition = value as Record<string, unknown>;
		if ('_eq' in condition) query.where(column, condition._eq as string);
		else if ('_in' in condition) query.whereIn(column, condition._in as string[]);
		else if ('_null' in condition) {
			if (condition._null) query.whereNull(column);
			else query.whereNotNull(column);
		}
		// an operator this adapter does not know must not widen the scope
		else query.whereRaw('1 = 0');
	}
}

export type Dialect = 'pg' | 'sqlite';

export function dialectOf(knex: Knex): Dialect {
	const client = String((knex.client as { config?: { client?: unknown } }).config?.client ?? '');
	if (/^(pg|postgres)/.test(client)) return 'pg';
	if (/sqlite/.test(client)) return 'sqlite';
	throw new Error(`unsupported database client "${client}" (PostgreSQL or SQLite)`);
}

/** A timestamp bound as Directus stores it: epoch milliseconds on SQLite, a timestamp on PostgreSQL. */
export function instantBinding(dialect: Dialect, date: Date): Date | number {
	return dialect === 'pg' ? date : date.getTime();
}
