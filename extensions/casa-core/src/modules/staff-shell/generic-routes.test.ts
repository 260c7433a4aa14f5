import { describe, expect, it } from 'vitest';
import { STAFF_SHELL_CSS, WORKSPACE_ROOT, WORKSPACE_SETTINGS, isScopedStaff, staffRedirect } from './generic-routes';

const me = '89da40ec-3726-4432-9e1e-cc6101a3ded0';

describe('staffRedirect', () => {
	it.each([
		['/content', WORKSPACE_ROOT],
		['/content/categories', WORKSPACE_ROOT],
		['/content/complaints/1b2c?bookmark=3', WORKSPACE_ROOT],
		['/users', WORKSPACE_ROOT],
		['/users/me', WORKSPACE_SETTINGS],
		[`/users/${me}`, WORKSPACE_SETTINGS],
		['/users/0f0e0d0c-0000-4000-8000-000000000000', WORKSPACE_ROOT],
		['/files', WORKSPACE_ROOT],
		['/files/folders/x', WORKSPACE_ROOT],
		['/activity', WORKSPACE_ROOT],
		['/settings/data-model', WORKSPACE_ROOT],
	])('sends %s to %s', (path, target) => {
		expect(staffRedirect(path, me)).toBe(target);
	});

	it.each([
		'/casa-workspace',
		'/casa-workspace/queue?preset=open',
		'/casa-desk',
		'/insights',
		'/insights/42',
		'/login',
		'/logout',
		'/tfa-setup',
		'/contents',
		'/user',
	])('leaves %s alone', (path) => {
		expect(staffRedirect(path, me)).toBeNull();
	});

	it('never redirects to a generic module (no loop)', () => {
		expect(staffRedirect(WORKSPACE_ROOT, me)).toBeNull();
		expect(staffRedirect(WORKSPACE_SETTINGS, me)).toBeNull();
	});
});

describe('isScopedStaff', () => {
	it('is every signed-in user but administrators', () => {
		expect(isScopedStaff({ admin_access: false, role: { admin_access: false } })).toBe(true);
		expect(isScopedStaff({ role: 'a-role-id' })).toBe(true);
		expect(isScopedStaff({ admin_access: true })).toBe(false);
		expect(isScopedStaff({ role: { admin_access: true } })).toBe(false);
		expect(isScopedStaff(null)).toBe(false);
	});
});

describe('STAFF_SHELL_CSS', () => {
	it('hides each generic module entry and the licence badge, nothing of the project modules', () => {
		for (const module of ['content', 'users', 'files']) expect(STAFF_SHELL_CSS).toContain(`a[href="/admin/${module}"]`);
		expect(STAFF_SHELL_CSS).toContain('.license-badge');
		expect(STAFF_SHELL_CSS).not.toContain('casa-');
	});
});
