import { describe, expect, it } from 'vitest';
import type { RoleKey } from '../access/roles';
import { reportAccess } from './access';

const profile = (role: RoleKey, service: string | null = null) => ({
	userId: 'u',
	role,
	teams: [],
	service,
	arrondissement: null,
});

describe('reportAccess', () => {
	it('gives the whole commune to the mayor, elected officials, the director general and administrators', () => {
		for (const role of ['mayor', 'elected_official', 'director_general', 'administrator'] as const)
			expect(reportAccess(profile(role, 'PROP'))).toEqual({ allowed: true, service: null });
	});

	it('limits a service head to their service, and refuses one without a service', () => {
		expect(reportAccess(profile('service_head', 'PROP'))).toEqual({ allowed: true, service: 'PROP' });
		expect(reportAccess(profile('service_head'))).toEqual({ allowed: false });
	});

	it('refuses registry offices, service agents and anonymous callers', () => {
		expect(reportAccess(profile('registry_office'))).toEqual({ allowed: false });
		expect(reportAccess(profile('service_agent', 'PROP'))).toEqual({ allowed: false });
		expect(reportAccess(null)).toEqual({ allowed: false });
	});
});
