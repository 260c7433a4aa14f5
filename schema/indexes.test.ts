import { describe, expect, it } from 'vitest';
import { compositeIndexes, createIndexStatement } from './indexes';
import { collections } from './collections';

describe('composite indexes', () => {
	it('builds an idempotent statement, concurrent on PostgreSQL', () => {
		const spec = {
			collection: 'complaints',
			name: 'complaints_team_status_index',
			columns: ['team', 'status'],
			why: '',
		};
		expect(createIndexStatement(spec, 'pg')).toBe(
			'CREATE INDEX CONCURRENTLY IF NOT EXISTS "complaints_team_status_index" ON "complaints" ("team", "status")',
		);
		expect(createIndexStatement(spec, 'sqlite')).toBe(
			'CREATE INDEX IF NOT EXISTS "complaints_team_status_index" ON "complaints" ("team", "status")',
		);
	});

	it('refuses anything that is not a plain identifier or an index without columns', () => {
		expect(() =>
			createIndexStatement(
				{ collection: 'complaints', name: 'x"; drop table complaints; --', columns: ['team'], why: '' },
				'pg',
			),
		).toThrow(/identifier/);
		expect(() =>
			createIndexStatement({ collection: 'complaints', name: 'empty_index', columns: [], why: '' }, 'pg'),
		).toThrow(/no columns/);
	});

	it('only names collections and fields that schema/ describes, with unique names', () => {
		const names = new Set<string>();
		for (const spec of compositeIndexes) {
			const collection = collections.find((candidate) => candidate.collection === spec.collection);
			expect(collection, spec.collection).toBeDefined();
			for (const column of spec.columns)
				expect(
					collection!.fields.map((field) => field.field),
					`${spec.name}.${column}`,
				).toContain(column);
			expect(names.has(spec.name)).toBe(false);
			names.add(spec.name);
		}
	});
});

describe('the legal warning expression index', () => {
	it('names the running statuses of the domain, and is built on the expression', async () => {
		const { RUNNING_STATUSES } = await import('../extensions/casa-core/src/domain/sla/next-check');
		const { legalWarningDueExpression } = await import('./indexes');
		expect(legalWarningDueExpression()).toContain(
			`status IN (${RUNNING_STATUSES.map((status) => `'${status}'`).join(', ')})`,
		);
		expect(legalWarningDueExpression('c')).toContain('c.legal_warned_at IS NULL');
		const spec = compositeIndexes.find((index) => index.name === 'complaints_legal_warning_due_index')!;
		expect(createIndexStatement(spec, 'sqlite')).toBe(
			`CREATE INDEX IF NOT EXISTS "complaints_legal_warning_due_index" ON "complaints" ((${legalWarningDueExpression()}))`,
		);
	});
});
