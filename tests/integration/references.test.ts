import { describe, expect, it } from 'vitest';
import { adminToken, call } from '../helpers/api';

describe('complaint references', () => {
	it('stay unique and sequential under 50 concurrent creations', async () => {
		const before = await call('GET', '/items/reference_counters?fields=year,last_value', { token: adminToken() });
		const year = new Intl.DateTimeFormat('en', { timeZone: 'Africa/Casablanca', year: 'numeric' }).format(new Date());
		const start = Number(before.body.data.find((row: { year: number }) => String(row.year) === year)?.last_value ?? 0);

		const responses = await Promise.all(
			Array.from({ length: 50 }, (_, index) =>
				call('POST', '/items/complaints', {
					token: adminToken(),
					body: {
						category: 'ECL-01',
						description: `Lampadaire éteint n° ${index}`,
						latitude: 33.5463,
						longitude: -7.6787,
						channel: 'phone',
					},
				}),
			),
		);
		expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
		const references = responses.map((response) => response.body.data.reference as string);
		expect(new Set(references).size).toBe(50);
		for (const reference of references) expect(reference).toMatch(new RegExp(`^CAS-${year}-\\d{6}$`));
		const sequences = references.map((reference) => Number(reference.slice(-6))).sort((a, b) => a - b);
		expect(sequences).toEqual(Array.from({ length: 50 }, (_, index) => start + index + 1));
	});
});
