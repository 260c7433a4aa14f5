// Composite indexes of schema/indexes.ts, mounted at /casa-schema (administrators only):
//   GET  /casa-schema/indexes   which ones exist
//   POST /casa-schema/indexes   creates the missing ones (provisioning calls it)
//   POST /casa-schema/sla-next-check   migration: open complaints written before
//        complaints.sla_next_check_at existed are checked by the next SLA sweep
// Directus's field schema indexes one column at a time; these span several.
import { ForbiddenError } from '@directus/errors';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { type SqlDialect, compositeIndexes, createIndexStatement } from '../../../../../schema/indexes';
import { dialectOf } from '../../adapters/scope-sql';
import { backfillNextChecks } from '../../adapters/sla/sweep-queries';

async function existingIndexes(knex: Knex, dialect: SqlDialect, table: string): Promise<Set<string>> {
	const rows =
		dialect === 'pg'
			? ((await knex('pg_indexes')
					.select('indexname as name')
					.where({ tablename: table })
					.andWhereRaw('schemaname = current_schema()')) as { name: string }[])
			: ((await knex('sqlite_master').select('name').where({ type: 'index', tbl_name: table })) as { name: string }[]);
	return new Set(rows.map((row) => row.name));
}

async function indexStates(knex: Knex, dialect: SqlDialect) {
	const states = [];
	for (const spec of compositeIndexes) {
		const present = (await existingIndexes(knex, dialect, spec.collection)).has(spec.name);
		states.push({ name: spec.name, collection: spec.collection, columns: spec.columns, why: spec.why, present });
	}
	return states;
}

export default defineEndpoint({
	id: 'casa-schema',
	handler: (router, { database, logger }) => {
		const adminOnly = (request: unknown) => {
			if (!(request as { accountability?: Accountability | null }).accountability?.admin) throw new ForbiddenError();
		};

		router.get('/indexes', async (request, res, next) => {
			try {
				adminOnly(request);
				res.json({ data: await indexStates(database, dialectOf(database)) });
			} catch (error) {
				next(error);
			}
		});

		router.post('/indexes', async (request, res, next) => {
			try {
				adminOnly(request);
				const dialect = dialectOf(database);
				const created: string[] = [];
				for (const spec of compositeIndexes) {
					if ((await existingIndexes(database, dialect, spec.collection)).has(spec.name)) continue;
					logger.info(`[casa-schema] creating index ${spec.name} on ${spec.collection} (${spec.columns.join(', ')})`);
					await database.raw(createIndexStatement(spec, dialect));
					created.push(spec.name);
				}
				res.json({ data: { created, indexes: await indexStates(database, dialect) } });
			} catch (error) {
				next(error);
			}
		});

		router.post('/sla-next-check', async (request, res, next) => {
			try {
				adminOnly(request);
				const marked = await backfillNextChecks(database);
				if (marked > 0)
					logger.info(`[casa-schema] ${marked} open complaints marked for the next SLA sweep (sla_next_check_at)`);
				res.json({ data: { marked } });
			} catch (error) {
				next(error);
			}
		});
	},
});
