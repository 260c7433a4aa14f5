// Roles of the platform. Directus roles and policies are created with these
// fixed ids by the provisioning script, so code can recognise a role without
// depending on its (translatable, editable) name.
export type RoleKey =
	| 'administrator'
	| 'registry_office'
	| 'service_agent'
	| 'service_head'
	| 'director_general'
	| 'elected_official'
	| 'mayor';

/** Who acts when no staff user does: the citizen (through public endpoints) or the platform itself. */
export type Actor = RoleKey | 'citizen' | 'system';

export const STAFF_ROLES: readonly RoleKey[] = [
	'registry_office',
	'service_agent',
	'service_head',
	'director_general',
	'elected_official',
	'mayor',
];

export const ROLE_IDS: Record<Exclude<RoleKey, 'administrator'>, string> = {
	registry_office: '7a0c5b7e-0001-4c1a-9c55-ca5a00000001',
	service_agent: '7a0c5b7e-0002-4c1a-9c55-ca5a00000002',
	service_head: '7a0c5b7e-0003-4c1a-9c55-ca5a00000003',
	director_general: '7a0c5b7e-0004-4c1a-9c55-ca5a00000004',
	elected_official: '7a0c5b7e-0005-4c1a-9c55-ca5a00000005',
	mayor: '7a0c5b7e-0006-4c1a-9c55-ca5a00000006',
};

export const POLICY_IDS: Record<Exclude<RoleKey, 'administrator'>, string> = {
	registry_office: '7a0c5b7e-1001-4c1a-9c55-ca5a00001001',
	service_agent: '7a0c5b7e-1002-4c1a-9c55-ca5a00001002',
	service_head: '7a0c5b7e-1003-4c1a-9c55-ca5a00001003',
	director_general: '7a0c5b7e-1004-4c1a-9c55-ca5a00001004',
	elected_official: '7a0c5b7e-1005-4c1a-9c55-ca5a00001005',
	mayor: '7a0c5b7e-1006-4c1a-9c55-ca5a00001006',
};

export function roleKeyFromId(roleId: string | null | undefined, isAdmin: boolean): RoleKey | null {
	if (isAdmin) return 'administrator';
	if (!roleId) return null;
	for (const [key, id] of Object.entries(ROLE_IDS)) if (id === roleId) return key as RoleKey;
	return null;
}

/** What the access layer knows about the user behind a request. */
export interface StaffProfile {
	userId: string;
	role: RoleKey;
	teams: string[];
	service: string | null;
	arrondissement: string | null;
}
