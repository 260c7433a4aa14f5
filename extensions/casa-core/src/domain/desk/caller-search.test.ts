import { describe, expect, it } from 'vitest';
import { rankCallerMatches, readCallerQuery } from './caller-search';

const row = (reference: string, status: string, name: string | null, phone: string | null, received: string) => ({
	id: reference,
	reference,
	status,
	citizen_name: name,
	citizen_phone: phone,
	received_at: received,
});

describe('caller search', () => {
	it('reads a phone number in any spacing, or name words', () => {
		expect(readCallerQuery('06 12 34 56 78')).toEqual({ kind: 'phone', phone: '+212612345678' });
		expect(readCallerQuery('  Fatima Zahra ')).toEqual({ kind: 'name', words: ['Fatima', 'Zahra'] });
		expect(readCallerQuery('0612')).toEqual({ kind: 'invalid' });
		expect(readCallerQuery('a')).toEqual({ kind: 'invalid' });
		expect(readCallerQuery(undefined)).toEqual({ kind: 'invalid' });
	});

	it('puts open complaints before closed ones, newest first', () => {
		const query = readCallerQuery('0612345678');
		const ranked = rankCallerMatches(
			[
				row('A', 'closed', 'F', '+212612345678', '2026-10-01T10:00:00Z'),
				row('B', 'new', 'F', '+212612345678', '2026-09-01T10:00:00Z'),
				row('C', 'in_progress', 'F', '+212612345678', '2026-11-01T10:00:00Z'),
			],
			query,
		);
		expect(ranked.map((r) => r.reference)).toEqual(['C', 'B', 'A']);
	});

	it('prefers names whose words start with the query words, accents ignored', () => {
		const query = readCallerQuery('fatima benani');
		const ranked = rankCallerMatches(
			[
				row('A', 'new', 'Rachid Benani', null, '2026-11-02T10:00:00Z'),
				row('B', 'new', 'Fâtima Benani', null, '2026-10-01T10:00:00Z'),
			],
			query,
		);
		expect(ranked[0].reference).toBe('B');
	});
});
