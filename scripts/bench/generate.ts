// Complaints at any size. A pool of complaints is built with the domain rules
// (scripts/demo/generate-complaints.ts: weighted categories and arrondissements,
// a life cycle and its history), then, on PostgreSQL, replicated set-based:
// one INSERT … SELECT over generate_series for the complaints and one for their
// history, each copy shifted back in time by up to a day so dates stay spread.
// On SQLite (demo databases) pools are inserted one after the other.
//
// CLI: `npm run generate -- --count 100000 [--days 365] [--seed 2026]` on the
// database of directus.config.ts (the same environment as `npm start`).
import type { Knex } from 'knex';
import { buildComplaints, insertComplaints } from '../demo/generate-complaints';

export interface ScaleOptions {
	count: number;
	days?: number;
	seed?: number;
	now?: Date;
	/** complaints built by the domain rules, then copied */
	poolSize?: number;
	log?: (message: string) => void;
}

const TIMESTAMP = /(_at|^date_created|^date_updated)$/;
const q = (name: string) => `"${name}"`;

export async function generateAtScale(knex: Knex, options: ScaleOptions): Promise<number> {
	const now = options.now ?? new Date();
	const days = options.days ?? 365;
	const seed = options.seed ?? 2026;
	const poolSize = Math.min(options.poolSize ?? 5000, options.count);
	const log = options.log ?? (() => {});
	const isPg = /^(pg|postgres)/.test(String((knex.client as { config?: { client?: unknown } }).config?.client ?? ''));

	if (!isPg || options.count <= poolSize) {
		let done = 0;
		for (let round = 0; done < options.count; round++) {
			const size = Math.min(poolSize, options.count - done);
			done += await insertComplaints(
				knex,
				await buildComplaints(knex, { count: size, days, seed: seed + round, now, sweepFields: true }),
			);
			log(`generated ${done}/${options.count}`);
		}
		return done;
	}

	const started = Date.now();
	const pool = await buildComplaints(knex, { count: poolSize, days, seed, now, sweepFields: true });
	log(
		`pool of ${poolSize} complaints built in ${((Date.now() - started) / 1000).toFixed(1)} s; copying to ${options.count}`,
	);
	const complaintColumns = Object.keys(await knex('complaints').columnInfo());
	const eventColumns = Object.keys(await knex('complaint_events').columnInfo()).filter((column) => column !== 'id');

	await knex.transaction(async (trx) => {
		// bulk load: no foreign-key triggers (rows reference the pool's, which exist) and secondary
		// indexes rebuilt once at the end rather than maintained row by row
		await trx.raw('SET LOCAL session_replication_role = replica');
		const secondary = (
			await trx.raw(
				`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('complaints', 'complaint_events')
				AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
			)
		).rows as { indexname: string; indexdef: string }[];
		for (const index of secondary) await trx.raw(`DROP INDEX ${q(index.indexname)}`);
		await trx.raw('CREATE TEMP TABLE bench_pool ON COMMIT DROP AS SELECT * FROM complaints WITH NO DATA');
		await trx.raw('ALTER TABLE bench_pool ADD COLUMN pool_index integer');
		await trx.raw('CREATE TEMP TABLE bench_pool_events ON COMMIT DROP AS SELECT * FROM complaint_events WITH NO DATA');
		await trx.raw('ALTER TABLE bench_pool_events ADD COLUMN pool_index integer');
		const indexOf = new Map(pool.complaints.map((row, index) => [row.id, index]));
		const rows = pool.complaints.map((row, index) => ({ ...row, pool_index: index }));
		for (let start = 0; start < rows.length; start += 500)
			await trx('bench_pool').insert(rows.slice(start, start + 500));
		const events = pool.events.map((event) => ({ ...event, pool_index: indexOf.get(event.complaint) }));
		for (let start = 0; start < events.length; start += 500)
			await trx('bench_pool_events').insert(events.slice(start, start + 500));

		// which copy comes from which pool row, its id and its shift back in time
		await trx.raw(
			`CREATE TEMP TABLE bench_copies ON COMMIT DROP AS
			SELECT g AS n, gen_random_uuid() AS id, (g % ?) AS pool_index, (random() * interval '1 day') AS shift
			FROM generate_series(1, ?) AS g`,
			[poolSize, options.count],
		);
		await trx.raw('CREATE INDEX ON bench_copies (pool_index)');
		const zone = 'Africa/Casablanca';
		const select = complaintColumns.map((column) => {
			if (column === 'id') return 'c.id';
			if (column === 'reference')
				return `'CAS-' || y.year || '-' || lpad((y.offset_value + y.rank)::text, greatest(6, length((y.offset_value + y.rank)::text)), '0')`;
			if (TIMESTAMP.test(column)) return `p.${q(column)} - c.shift`;
			return `p.${q(column)}`;
		});
		const t0 = Date.now();
		await trx.raw(
			`INSERT INTO complaints (${complaintColumns.map(q).join(', ')})
			SELECT ${select.join(', ')}
			FROM bench_copies c
			JOIN bench_pool p ON p.pool_index = c.pool_index
			JOIN (
				SELECT c2.n, EXTRACT(YEAR FROM (p2.received_at - c2.shift) AT TIME ZONE '${zone}')::int AS year,
					ROW_NUMBER() OVER (PARTITION BY EXTRACT(YEAR FROM (p2.received_at - c2.shift) AT TIME ZONE '${zone}') ORDER BY p2.received_at - c2.shift, c2.n) AS rank,
					COALESCE((SELECT rc.last_value FROM reference_counters rc WHERE rc.year = EXTRACT(YEAR FROM (p2.received_at - c2.shift) AT TIME ZONE '${zone}')::int), 0) AS offset_value
				FROM bench_copies c2 JOIN bench_pool p2 ON p2.pool_index = c2.pool_index
			) AS y ON y.n = c.n`,
		);
		log(`${options.count} complaints inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		const t1 = Date.now();
		const eventSelect = eventColumns.map((column) =>
			column === 'complaint' ? 'c.id' : TIMESTAMP.test(column) ? `e.${q(column)} - c.shift` : `e.${q(column)}`,
		);
		const inserted = await trx.raw(
			`INSERT INTO complaint_events (${eventColumns.map(q).join(', ')})
			SELECT ${eventSelect.join(', ')} FROM bench_copies c JOIN bench_pool_events e ON e.pool_index = c.pool_index`,
		);
		log(`${inserted.rowCount} history events inserted in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
		const t2 = Date.now();
		for (const index of secondary) await trx.raw(index.indexdef);
		log(`${secondary.length} indexes rebuilt in ${((Date.now() - t2) / 1000).toFixed(1)} s`);
		await trx.raw(
			`INSERT INTO reference_counters (year, last_value)
			SELECT split_part(reference, '-', 2)::int, MAX(split_part(reference, '-', 3)::int) FROM complaints WHERE reference LIKE 'CAS-%' GROUP BY 1
			ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(reference_counters.last_value, EXCLUDED.last_value)`,
		);
	});
	await knex.raw('VACUUM ANALYZE complaints');
	await knex.raw('VACUUM ANALYZE complaint_events');
	log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return options.count;
}

async function main() {
	const { loadConfig } = await import('../../directus.config');
	const { databaseConnection } = await import('../provision/demo-data');
	const args = process.argv.slice(2);
	const value = (name: string) => {
		const index = args.indexOf(`--${name}`);
		return index >= 0 ? args[index + 1] : undefined;
	};
	const count = Number(value('count') ?? 1000);
	if (!Number.isInteger(count) || count <= 0) throw new Error('--count must be a positive integer');
	const knex = databaseConnection(loadConfig());
	try {
		if (!(await knex.schema.hasTable('complaints')) || !(await knex.schema.hasTable('holidays')))
			throw new Error('no provisioned platform in this database: run `npm start` once first (same environment)');
		const generated = await generateAtScale(knex, {
			count,
			days: Number(value('days') ?? 365),
			seed: Number(value('seed') ?? Date.now() % 100000),
			log: (message) => console.log(`[generate] ${message}`),
		});
		console.log(`[generate] ${generated} complaints added`);
	} finally {
		await knex.destroy();
	}
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await main();
