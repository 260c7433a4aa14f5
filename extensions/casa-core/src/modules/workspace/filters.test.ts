import { describe, expect, it } from 'vitest';
import {
	PRESETS,
	activeFilterCount,
	apiParams,
	applyPreset,
	emptyFilters,
	listOf,
	matchesPreset,
	queryFromState,
	stateFromQuery,
} from './filters';

describe('query string ↔ queue state', () => {
	it('reads lists in either form, drops blanks and repeats', () => {
		expect(listOf('a,b')).toEqual(['a', 'b']);
		expect(listOf(['a', 'b,c', 'a', ''])).toEqual(['a', 'b', 'c']);
		expect(listOf(undefined)).toEqual([]);
		expect(listOf(null)).toEqual([]);
	});
	it('round-trips a filtered state', () => {
		const query = {
			status: 'assigned,in_progress',
			sla_state: 'breached',
			assignee: 'me',
			from: '2026-11-01',
			to: '2026-11-30',
			q: 'REC-2026-000123',
			sort: '-received_at',
			page: '3',
			view: 'map',
			preset: 'late',
		};
		const state = stateFromQuery(query);
		expect(state).toMatchObject({
			status: ['assigned', 'in_progress'],
			sla_state: ['breached'],
			assignee: ['me'],
			from: '2026-11-01',
			to: '2026-11-30',
			q: 'REC-2026-000123',
			sort: '-received_at',
			page: 3,
			view: 'map',
			preset: 'late',
		});
		expect(queryFromState(state)).toEqual(query);
	});
	it('drops what is malformed', () => {
		const state = stateFromQuery({
			from: '01/11/2026',
			sort: 'DROP TABLE',
			page: '-4',
			view: 'grid',
			preset: 'Bad Preset!',
		});
		expect(state).toMatchObject({ from: '', sort: 'due', page: 1, view: 'list', preset: '' });
		expect(queryFromState(state)).toEqual({});
	});
	it('turns filters into API parameters', () => {
		const filters = { ...emptyFilters(), category: ['PROP-01', 'PROP-02'], q: '  bac  ', page: 2 };
		expect(apiParams(filters)).toEqual({ category: 'PROP-01,PROP-02', q: 'bac', sort: 'due', page: '2', limit: '25' });
		// the map shows the first hundred, whatever the page
		expect(apiParams(filters, 'map')).toMatchObject({ page: '1', limit: '100' });
	});
	it('counts the filters set', () => {
		expect(activeFilterCount(emptyFilters())).toBe(0);
		expect(
			activeFilterCount({ ...emptyFilters(), status: ['new'], channel: ['phone'], from: '2026-01-01', q: 'x' }),
		).toBe(3);
	});
});

describe('quick views', () => {
	it('replace the list filters and keep the search and the view', () => {
		const state = { ...stateFromQuery({ status: 'new', q: 'bac', view: 'map' }) };
		const unassigned = PRESETS.service.find((preset) => preset.id === 'unassigned')!;
		const next = applyPreset(state, unassigned);
		expect(next).toMatchObject({
			status: ['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'],
			assignee: ['none'],
			q: 'bac',
			view: 'map',
			preset: 'unassigned',
			page: 1,
		});
		expect(matchesPreset(next, unassigned)).toBe(true);
		expect(matchesPreset(state, unassigned)).toBe(false);
	});
	it('start the service head on the unassigned complaints', () => {
		expect(PRESETS.service[0].id).toBe('unassigned');
		expect(PRESETS.service[0].filters.assignee).toEqual(['none']);
		// every group ends with everything, closed complaints included
		for (const group of Object.values(PRESETS)) expect(group.at(-1)).toEqual({ id: 'all', filters: {} });
	});
});
