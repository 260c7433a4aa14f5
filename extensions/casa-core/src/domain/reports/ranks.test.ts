import { describe, expect, it } from 'vitest';
import { competitionRanks } from './ranks';

describe('competitionRanks', () => {
	it('ranks best first, ties share a rank and the next one skips (1, 2, 2, 4)', () => {
		const items = [
			{ code: 'b', rate: 0.5 },
			{ code: 'a', rate: 0.9 },
			{ code: 'd', rate: 0.1 },
			{ code: 'c', rate: 0.5 },
		];
		const ranks = competitionRanks(
			items,
			(item) => item.code,
			(x, y) => y.rate - x.rate,
		);
		expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
	});
});
