import { describe, expect, it } from 'vitest';
import { resolveTeam, ruleSpecificity, type RoutingRule } from './route-complaint';

const ANFA = '06.141.01.01';
const MAARIF = '06.141.01.03';

const rules: RoutingRule[] = [
	{ id: 1, service: 'PROP', team: 'propreté-centrale' },
	{ id: 2, service: 'PROP', category: 'PROP-01', team: 'collecte' },
	{ id: 3, service: 'PROP', arrondissement: ANFA, team: 'propreté-anfa' },
	{ id: 4, service: 'PROP', category: 'PROP-01', arrondissement: ANFA, team: 'collecte-anfa' },
	{ id: 5, service: 'ECL', team: 'éclairage' },
];

describe('resolveTeam', () => {
	it('prefers service+category+arrondissement', () => {
		const match = resolveTeam(rules, { service: 'PROP', category: 'PROP-01', arrondissement: ANFA });
		expect(match?.team).toBe('collecte-anfa');
		expect(match?.rule.id).toBe(4);
	});

	it('prefers service+arrondissement over service+category', () => {
		expect(resolveTeam(rules, { service: 'PROP', category: 'PROP-02', arrondissement: ANFA })?.team).toBe(
			'propreté-anfa',
		);
		const withoutFull = rules.filter((r) => r.id !== 4);
		expect(resolveTeam(withoutFull, { service: 'PROP', category: 'PROP-01', arrondissement: ANFA })?.team).toBe(
			'propreté-anfa',
		);
	});

	it('prefers service+category over service only', () => {
		expect(resolveTeam(rules, { service: 'PROP', category: 'PROP-01', arrondissement: MAARIF })?.team).toBe('collecte');
	});

	it('falls back to the service-only rule', () => {
		expect(resolveTeam(rules, { service: 'PROP', category: 'PROP-03', arrondissement: MAARIF })?.team).toBe(
			'propreté-centrale',
		);
		expect(resolveTeam(rules, { service: 'PROP' })?.team).toBe('propreté-centrale');
	});

	it('does not apply a category or arrondissement rule when the complaint lacks it', () => {
		expect(resolveTeam(rules, { service: 'PROP', category: null, arrondissement: null })?.team).toBe(
			'propreté-centrale',
		);
	});

	it('treats empty strings on a rule as "any"', () => {
		const blank: RoutingRule[] = [{ id: 1, service: 'SIG', category: '', arrondissement: '', team: 'signalisation' }];
		expect(resolveTeam(blank, { service: 'SIG', category: 'SIG-01', arrondissement: ANFA })?.team).toBe(
			'signalisation',
		);
	});

	it('returns null when no rule covers the service', () => {
		expect(resolveTeam(rules, { service: 'URB', category: 'URB-04', arrondissement: ANFA })).toBeNull();
		expect(resolveTeam([], { service: 'PROP' })).toBeNull();
	});

	it('ignores inactive rules', () => {
		const withInactive: RoutingRule[] = [
			{ id: 1, service: 'PROP', team: 'propreté-centrale' },
			{ id: 2, service: 'PROP', category: 'PROP-01', arrondissement: ANFA, team: 'ancienne-équipe', active: false },
			{ id: 3, service: 'PROP', category: 'PROP-01', team: 'collecte', active: true },
		];
		expect(resolveTeam(withInactive, { service: 'PROP', category: 'PROP-01', arrondissement: ANFA })?.team).toBe(
			'collecte',
		);
		expect(resolveTeam([{ service: 'PROP', team: 'x', active: false }], { service: 'PROP' })).toBeNull();
	});

	it('breaks ties by lowest id whatever the order', () => {
		const tied: RoutingRule[] = [
			{ id: 10, service: 'VOI', arrondissement: ANFA, team: 'voirie-b' },
			{ id: 9, service: 'VOI', arrondissement: ANFA, team: 'voirie-a' },
			{ id: 11, service: 'VOI', arrondissement: ANFA, team: 'voirie-c' },
		];
		expect(resolveTeam(tied, { service: 'VOI', arrondissement: ANFA })?.rule.id).toBe(9);
		expect(resolveTeam([...tied].reverse(), { service: 'VOI', arrondissement: ANFA })?.team).toBe('voirie-a');
	});

	it('compares string ids numerically and puts rules without id last', () => {
		const tied: RoutingRule[] = [
			{ service: 'VOI', team: 'no-id' },
			{ id: '10', service: 'VOI', team: 'ten' },
			{ id: '9', service: 'VOI', team: 'nine' },
		];
		expect(resolveTeam(tied, { service: 'VOI' })?.team).toBe('nine');
		expect(resolveTeam([tied[0]], { service: 'VOI' })?.team).toBe('no-id');
	});

	it('lets specificity win over a lower id', () => {
		const r: RoutingRule[] = [
			{ id: 1, service: 'ESV', team: 'générique' },
			{ id: 99, service: 'ESV', category: 'ESV-01', team: 'élagage' },
		];
		expect(resolveTeam(r, { service: 'ESV', category: 'ESV-01' })?.team).toBe('élagage');
	});
});

describe('ruleSpecificity', () => {
	it('ranks the four rule shapes', () => {
		expect(ruleSpecificity(rules[3])).toBe(3);
		expect(ruleSpecificity(rules[2])).toBe(2);
		expect(ruleSpecificity(rules[1])).toBe(1);
		expect(ruleSpecificity(rules[0])).toBe(0);
	});
});
