import { describe, expect, it } from 'vitest';
import { ROLE_IDS } from '../../domain/access/roles';
import { canSeeWorkspace, landingTarget, presetGroup } from './landing';

describe('landingTarget', () => {
	it('sends each landing to its own screen', () => {
		const open = 'new,acknowledged,assigned,in_progress,waiting_citizen,reopened';
		expect(landingTarget('queue', null)).toEqual({
			path: '/casa-workspace/queue',
			query: { preset: 'open', status: open },
		});
		// the service head: the service's unassigned open complaints
		expect(landingTarget('service', null)).toEqual({
			path: '/casa-workspace/queue',
			query: { preset: 'unassigned', status: open, assignee: 'none' },
		});
		expect(landingTarget('desk', null)).toEqual({ path: '/casa-desk' });
		expect(landingTarget('figures', 'b5c1-22')).toEqual({ path: '/casa-workspace/figures' });
		expect(landingTarget('city', null)).toEqual({
			path: '/casa-workspace/queue',
			query: { preset: 'open', status: open, view: 'map' },
		});
		expect(landingTarget('dashboard', 'b5c1-22')).toEqual({ path: '/insights/b5c1-22' });
	});
	it('falls back safely', () => {
		expect(landingTarget('dashboard', null)).toEqual({ path: '/insights' });
		expect(landingTarget('something-new', null).path).toBe('/casa-workspace/queue');
		expect(landingTarget(undefined, undefined).path).toBe('/casa-workspace/queue');
	});
	it('escapes a dashboard id', () => {
		expect(landingTarget('dashboard', 'a/b').path).toBe('/insights/a%2Fb');
	});
});

describe('presetGroup', () => {
	it('maps landings to quick views', () => {
		expect(presetGroup('service')).toBe('service');
		expect(presetGroup('city')).toBe('city');
		expect(presetGroup('queue')).toBe('queue');
		expect(presetGroup(null)).toBe('queue');
	});
});

describe('canSeeWorkspace', () => {
	it('shows for every staff role and administrators, not for others', () => {
		for (const id of Object.values(ROLE_IDS)) {
			expect(canSeeWorkspace({ role: id })).toBe(true);
			expect(canSeeWorkspace({ role: { id } })).toBe(true);
		}
		expect(canSeeWorkspace({ role: null, admin_access: true })).toBe(true);
		expect(canSeeWorkspace({ role: 'another-role' })).toBe(false);
		expect(canSeeWorkspace({ role: null })).toBe(false);
		expect(canSeeWorkspace(null)).toBe(false);
	});
});
