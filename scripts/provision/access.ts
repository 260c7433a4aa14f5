// Roles, their policies and collection-level permissions. Directus Core allows
// no row or field rules, so scoped staff roles get no permission at all on
// complaint data (docs/access-design.md): only dashboards, for the roles that read them.
import {
	createPermissions,
	createPolicy,
	createRole,
	deletePermissions,
	readPermissions,
	readPolicies,
	readRoles,
} from '@directus/sdk';
import { POLICY_IDS, ROLE_IDS, type RoleKey } from '../../extensions/casa-core/src/domain/access/roles';
import type { AdminClient } from './client';

type StaffRole = Exclude<RoleKey, 'administrator'>;
type Action = 'create' | 'read' | 'update' | 'delete';

const ROLE_META: Record<StaffRole, { name: string; icon: string; description: string }> = {
	registry_office: {
		name: "Bureau d'ordre",
		icon: 'inbox',
		description:
			'Enregistre les réclamations (téléphone, guichet, courrier) de son arrondissement, les qualifie et les oriente.',
	},
	service_agent: {
		name: 'Agent de service',
		icon: 'engineering',
		description: 'Traite les réclamations de ses équipes.',
	},
	service_head: {
		name: 'Chef de service',
		icon: 'supervisor_account',
		description: 'Voit toutes les réclamations de son service, affecte et réaffecte, suit ses tableaux de bord.',
	},
	director_general: {
		name: 'Directeur général des services',
		icon: 'account_balance',
		description: 'Lit toutes les réclamations et les tableaux de bord.',
	},
	elected_official: {
		name: 'Élu',
		icon: 'how_to_vote',
		description: 'Tableaux de bord et agrégats, sans données personnelles.',
	},
	mayor: {
		name: 'Présidente / Président du Conseil',
		icon: 'star',
		description: 'Tableaux de bord et agrégats, sans données personnelles.',
	},
};

const DASHBOARDS = ['directus_dashboards', 'directus_panels'];

const read = (collections: string[]) => collections.map((collection) => [collection, 'read'] as [string, Action]);

/**
 * Collections no scoped staff role may hold any permission on: complaint data
 * (the complaint, its history, its files and the files themselves), the
 * access journal, raw e-mails and chat drafts, and Directus's own records of
 * them (comments, revisions, activity). Without a permission Directus refuses
 * every generic path by itself: REST, GraphQL, counts, aggregates, aliases,
 * deep, /assets, /files, exports, comments, WebSockets. Staff reach complaints
 * through the project's endpoints (/workspace, /desk, /insights, /reports),
 * which ask the access matrix (domain/access/capabilities.ts).
 * provisionAccess refuses a matrix that grants one of them.
 */
export const ADMIN_ONLY_COLLECTIONS = [
	'complaints',
	'complaint_events',
	'complaint_files',
	'directus_files',
	'directus_comments',
	'directus_revisions',
	'directus_activity',
	'directus_shares',
	'access_journal',
	'intake_requests',
	'outbox',
	'mail_messages',
	'conversations',
	'open311_clients',
];

/**
 * The Directus permission matrix: dashboards for the roles that read them, and
 * nothing else. Reference data, colleagues' names and everything around a
 * complaint reach staff through the project's endpoints (/workspace, /desk,
 * /insights, /portal/api), so the generic Content and User Directory screens
 * have nothing to show them (the staff shell module sends them to the workspace).
 */
export const PERMISSIONS: Record<StaffRole, [string, Action][]> = {
	registry_office: [],
	service_agent: [],
	service_head: read(DASHBOARDS),
	director_general: read(DASHBOARDS),
	elected_official: read(DASHBOARDS),
	mayor: read(DASHBOARDS),
};

export async function provisionAccess(client: AdminClient, log: (message: string) => void): Promise<void> {
	const existingPolicies = new Set(
		((await client.request(readPolicies({ fields: ['id'], limit: -1 }))) as { id: string }[]).map(
			(policy) => policy.id,
		),
	);
	const existingRoles = new Set(
		((await client.request(readRoles({ fields: ['id'], limit: -1 }))) as { id: string }[]).map((role) => role.id),
	);

	for (const role of Object.keys(ROLE_META) as StaffRole[]) {
		const leak = PERMISSIONS[role].find(([collection]) => ADMIN_ONLY_COLLECTIONS.includes(collection));
		if (leak) throw new Error(`${role} must not be granted ${leak[1]} on ${leak[0]} (administrators only)`);
	}
	for (const role of Object.keys(ROLE_META) as StaffRole[]) {
		const meta = ROLE_META[role];
		if (!existingPolicies.has(POLICY_IDS[role])) {
			log(`creating policy ${meta.name}`);
			await client.request(
				createPolicy({
					id: POLICY_IDS[role],
					name: meta.name,
					icon: meta.icon,
					description: meta.description,
					app_access: true,
					admin_access: false,
					enforce_tfa: false,
				}),
			);
		}
		if (!existingRoles.has(ROLE_IDS[role])) {
			log(`creating role ${meta.name}`);
			await client.request(
				createRole({
					id: ROLE_IDS[role],
					name: meta.name,
					icon: meta.icon,
					description: meta.description,
					policies: [{ policy: POLICY_IDS[role] }],
				} as never),
			);
		}
		await syncPermissions(client, POLICY_IDS[role], PERMISSIONS[role]);
	}
}

/** Makes the policy's permissions exactly the matrix row (adds what is missing, removes what is not listed). */
async function syncPermissions(client: AdminClient, policy: string, wanted: [string, Action][]) {
	const current = (await client.request(
		readPermissions({ filter: { policy: { _eq: policy } }, fields: ['id', 'collection', 'action'], limit: -1 }),
	)) as { id: number; collection: string; action: string }[];
	const wantedKeys = new Set(wanted.map(([collection, action]) => `${collection}:${action}`));
	const currentKeys = new Set(current.map((permission) => `${permission.collection}:${permission.action}`));
	const extra = current
		.filter((permission) => !wantedKeys.has(`${permission.collection}:${permission.action}`))
		.map((permission) => permission.id);
	if (extra.length > 0) await client.request(deletePermissions(extra));
	const missing = wanted.filter(([collection, action]) => !currentKeys.has(`${collection}:${action}`));
	if (missing.length > 0) {
		await client.request(
			createPermissions(
				missing.map(([collection, action]) => ({
					policy,
					collection,
					action,
					fields: ['*'],
					permissions: null,
					validation: null,
					presets: null,
				})) as never,
			),
		);
	}
}
