import { describe, expect, it } from 'vitest';
import { rankDuplicates, textSimilarity } from './duplicates';

const now = new Date('2026-12-01T10:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const query = { text: 'Le zbel ma t3ayetch f derb', category: 'PROP-01', now, radiusM: 150, periodDays: 30 };

describe('text similarity', () => {
	it('sees the same words across scripts and spellings, and nothing in unrelated texts', () => {
		expect(textSimilarity('zbel f derb', 'الزبل فالدرب')).toBeGreaterThan(0.3);
		expect(textSimilarity('Lampadaire éteint', 'lampadaire eteint depuis hier')).toBeGreaterThan(0.5);
		expect(textSimilarity('zbel f derb', 'lampadaire éteint')).toBe(0);
		expect(textSimilarity('', 'zbel')).toBe(0);
	});
});

describe('ranking likely duplicates', () => {
	it('puts the complaint that says the same thing first, even a little farther and older', () => {
		const same = {
			id: 'same',
			description: 'الزبل ما تجمعش فالدرب',
			category: 'PROP-01',
			distanceM: 90,
			receivedAt: daysAgo(6),
		};
		const other = {
			id: 'other',
			description: 'Conteneur cassé',
			category: 'PROP-01',
			distanceM: 20,
			receivedAt: daysAgo(1),
		};
		const ranked = rankDuplicates(query, [other, same]);
		expect(ranked.map((entry) => entry.item.id)).toEqual(['same', 'other']);
		expect(ranked[0].similarity).toBeGreaterThan(ranked[1].similarity);
	});
	it('among texts alike, prefers the closer then the more recent', () => {
		const near = { id: 'near', description: 'zbel f derb', category: 'PROP-01', distanceM: 10, receivedAt: daysAgo(3) };
		const far = { id: 'far', description: 'zbel f derb', category: 'PROP-01', distanceM: 140, receivedAt: daysAgo(3) };
		const old = { id: 'old', description: 'zbel f derb', category: 'PROP-01', distanceM: 10, receivedAt: daysAgo(29) };
		expect(rankDuplicates(query, [far, old, near]).map((entry) => entry.item.id)).toEqual(['near', 'old', 'far']);
	});
	it('offers another category only when the texts are alike, and never outside the radius or period', () => {
		const alike = {
			id: 'alike',
			description: 'zbel ma t3ayetch f derb',
			category: 'PROP-04',
			distanceM: 30,
			receivedAt: daysAgo(2),
		};
		const unrelated = {
			id: 'unrelated',
			description: 'Lampadaire éteint',
			category: 'ECL-01',
			distanceM: 5,
			receivedAt: daysAgo(1),
		};
		const outside = {
			id: 'outside',
			description: 'zbel f derb',
			category: 'PROP-01',
			distanceM: 151,
			receivedAt: daysAgo(1),
		};
		const expired = {
			id: 'expired',
			description: 'zbel f derb',
			category: 'PROP-01',
			distanceM: 5,
			receivedAt: daysAgo(31),
		};
		expect(rankDuplicates(query, [alike, unrelated, outside, expired]).map((entry) => entry.item.id)).toEqual([
			'alike',
		]);
	});
	it('without text (the description not written yet), ranks the same category by place and time', () => {
		const a = { id: 'a', description: 'x', category: 'PROP-01', distanceM: 100, receivedAt: daysAgo(1) };
		const b = { id: 'b', description: 'y', category: 'PROP-01', distanceM: 10, receivedAt: daysAgo(1) };
		expect(rankDuplicates({ ...query, text: '' }, [a, b]).map((entry) => entry.item.id)).toEqual(['b', 'a']);
	});
});
