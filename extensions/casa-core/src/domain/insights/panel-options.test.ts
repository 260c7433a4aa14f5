import { describe, expect, it } from 'vitest';
import {
	bboxParam,
	choice,
	filterParams,
	initialView,
	optionValue,
	percentOption,
	resolveDynamicDate,
} from './panel-options';

describe('panel options', () => {
	it('turns interpolated dashboard variables into query values', () => {
		expect(optionValue('PROP')).toBe('PROP');
		expect(optionValue(['PROP', 'ECL'])).toBe('PROP,ECL');
		expect(optionValue(null)).toBe('');
		expect(optionValue('')).toBe('');
		expect(optionValue('{{ service }}')).toBe('');
		expect(optionValue('undefined')).toBe('');
		expect(optionValue(new Date('2026-05-01T00:00:00Z'))).toBe('2026-05-01T00:00:00.000Z');
	});

	it('keeps only the filters that are set', () => {
		expect(
			filterParams({
				service: 'PROP',
				arrondissement: null,
				from: '2026-05-01',
				to: '{{to}}',
				status: ['new', 'reopened'],
			}),
		).toEqual({ service: 'PROP', from: '2026-05-01', status: 'new,reopened' });
	});

	it('falls back on unknown choices and out-of-range targets', () => {
		expect(choice('heatmap', ['clusters', 'heatmap'] as const, 'clusters')).toBe('heatmap');
		expect(choice('{{mode}}', ['clusters', 'heatmap'] as const, 'clusters')).toBe('clusters');
		expect(percentOption('85', 80)).toBe(85);
		expect(percentOption('', 80)).toBe(80);
		expect(percentOption(140, 80)).toBe(80);
	});

	it('rounds the bbox outward', () => {
		expect(bboxParam({ west: -7.612345678, south: 33.51234567, east: -7.5012345, north: 33.6 })).toBe(
			'-7.61235,33.51234,-7.50123,33.6',
		);
		expect(bboxParam({ west: -200, south: -95, east: 200, north: 95 })).toBe('-180,-90,180,90');
	});

	it('reads the initial view', () => {
		expect(initialView('33.595, -7.618', '14')).toEqual({ center: [33.595, -7.618], zoom: 14 });
		expect(initialView('33.595,-7.618', '')).toBeNull();
		expect(initialView('', 14)).toBeNull();
		expect(initialView('north', 14)).toBeNull();
	});
});

describe('dynamic dates of the period variable', () => {
	const now = new Date('2026-11-28T10:00:00Z');

	it('turns $NOW and $NOW(±n unit) into instants, as Directus filters read them', () => {
		expect(resolveDynamicDate('$NOW', now)).toBe('2026-11-28T10:00:00.000Z');
		expect(resolveDynamicDate('$NOW(-30 days)', now)).toBe('2026-10-29T10:00:00.000Z');
		expect(resolveDynamicDate('$NOW(+2 hours)', now)).toBe('2026-11-28T12:00:00.000Z');
		expect(resolveDynamicDate('$NOW(-1 year)', now)).toBe('2025-11-28T10:00:00.000Z');
		expect(resolveDynamicDate('2026-05-01', now)).toBe('2026-05-01');
		expect(resolveDynamicDate('$NOW(-3 fortnights)', now)).toBe('$NOW(-3 fortnights)');
	});

	it('resolves them in the period filters only', () => {
		expect(filterParams({ from: '$NOW(-7 days)', service: '$NOW' }, now)).toEqual({
			from: '2026-11-21T10:00:00.000Z',
			service: '$NOW',
		});
	});
});
