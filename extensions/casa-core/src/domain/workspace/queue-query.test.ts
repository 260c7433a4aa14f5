import { describe, expect, it } from 'vitest';
import { excerpt, readQueueQuery } from './queue-query';

describe('readQueueQuery', () => {
	it('defaults: nearest deadline first, first page of 25', () => {
		const { query, errors } = readQueueQuery({});
		expect(errors).toEqual([]);
		expect(query).toMatchObject({ sort: 'due', page: 1, limit: 25, statuses: [], words: [], reference: null });
	});
	it('reads repeated and comma-separated filters, and "open" as every open status', () => {
		const { query, errors } = readQueueQuery({
			status: 'open',
			sla_state: ['breached', 'at_risk'],
			assignee: 'me,none',
			channel: 'web,phone',
		});
		expect(errors).toEqual([]);
		expect(query.statuses).toEqual(['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened']);
		expect(query.slaStates).toEqual(['breached', 'at_risk']);
		expect(query.assignees).toEqual(['me', 'none']);
		expect(query.channels).toEqual(['web', 'phone']);
	});
	it('a reference is a reference, words are words', () => {
		expect(readQueueQuery({ q: 'cas-2026-000123' }).query.reference).toBe('CAS-2026-000123');
		expect(readQueueQuery({ q: '  bac   débordant x ' }).query.words).toEqual(['bac', 'débordant']);
	});
	it('refuses what it does not know, field by field', () => {
		const { errors } = readQueueQuery({
			status: 'lost',
			sla_state: 'late',
			assignee: "1' or 1=1",
			from: '2026-13-45',
			sort: 'id',
			page: '0',
			limit: '1000',
			category: 'a b',
		});
		expect(errors.map((error) => error.field).sort()).toEqual([
			'assignee',
			'category',
			'from',
			'limit',
			'page',
			'sla_state',
			'sort',
			'status',
		]);
	});
	it('ignores what is not a string (a parsed object in a query string)', () => {
		const { query, errors } = readQueueQuery({ status: { _neq: 'x' } as unknown as string });
		expect(errors).toEqual([]);
		expect(query.statuses).toEqual([]);
	});
});

describe('excerpt', () => {
	it('cuts at a word and says so', () => {
		expect(excerpt('court')).toBe('court');
		const long = 'mot '.repeat(60);
		expect(excerpt(long, 20)).toBe('mot mot mot mot mot…');
	});
});
