// Demo accounts (one per role) and a few hundred realistic complaints, outside
// production only. Complaints are generated with the same domain rules the
// hooks apply (routing, references, deadlines, workflow) at past dates, and
// written in one transaction straight to the database so their history keeps
// its real timestamps.
import { createItems, createUser, readItems, readUsers, updateUser } from '@directus/sdk';
import knexFactory, { type Knex } from 'knex';
import type { PlatformConfig } from '../../directus.config';
import { ROLE_IDS } from '../../extensions/casa-core/src/domain/access/roles';
import { generateComplaints } from '../demo/generate-complaints';
import type { AdminClient } from './client';
import { defaultTeamId } from './reference-data';

export interface DemoAccount {
	key: string;
	email: string;
	first_name: string;
	last_name: string;
	role: keyof typeof ROLE_IDS;
	/** active at first start: Core allows 3 app users (the administrator is one) */
	active: boolean;
	arrondissement?: string;
	service?: string;
	teams?: string[];
	language: string;
}

export const HAY_HASSANI = '06.141.01.31';

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{
		key: 'bureau-ordre',
		email: 'bureau.ordre@casablanca.ma',
		first_name: 'Salma',
		last_name: 'Bennani',
		role: 'registry_office',
		active: true,
		arrondissement: HAY_HASSANI,
		language: 'fr-FR',
	},
	{
		key: 'agent',
		email: 'agent.proprete@casablanca.ma',
		first_name: 'Youssef',
		last_name: 'El Amrani',
		role: 'service_agent',
		active: true,
		teams: [defaultTeamId('PROP')],
		language: 'ar-SA',
	},
	{
		key: 'chef-service',
		email: 'chef.proprete@casablanca.ma',
		first_name: 'Khadija',
		last_name: 'Tazi',
		role: 'service_head',
		active: false,
		service: 'PROP',
		language: 'fr-FR',
	},
	{
		key: 'dgs',
		email: 'dgs@casablanca.ma',
		first_name: 'Omar',
		last_name: 'Alaoui',
		role: 'director_general',
		active: false,
		language: 'fr-FR',
	},
	// an élu answers for an arrondissement (their account's `arrondissement`): their screen shows it first, then the city
	{
		key: 'elu',
		email: 'elu@casablanca.ma',
		first_name: 'Nadia',
		last_name: 'Chraibi',
		role: 'elected_official',
		active: false,
		arrondissement: HAY_HASSANI,
		language: 'ar-SA',
	},
	{
		key: 'maire',
		email: 'maire@casablanca.ma',
		first_name: 'Nabila',
		last_name: 'Rmili',
		role: 'mayor',
		active: false,
		language: 'fr-FR',
	},
	{
		key: 'agent-voirie',
		email: 'agent.voirie@casablanca.ma',
		first_name: 'Hamza',
		last_name: 'Berrada',
		role: 'service_agent',
		active: false,
		teams: [defaultTeamId('VOI')],
		language: 'fr-FR',
	},
];

export function databaseConnection(config: PlatformConfig): Knex {
	const db = config.database;
	return db.client === 'sqlite3'
		? knexFactory({
				client: 'sqlite3',
				connection: { filename: db.filename },
				useNullAsDefault: true,
				// Directus writes the same file: wait for its write lock instead of failing with SQLITE_BUSY
				pool: {
					afterCreate: (
						connection: { run: (sql: string, done: (error: Error | null) => void) => void },
						done: (error: Error | null, connection: unknown) => void,
					) => connection.run('PRAGMA busy_timeout = 10000', (error) => done(error, connection)),
				},
			})
		: knexFactory({
				client: 'pg',
				connection: {
					host: db.host,
					port: db.port,
					user: db.user,
					password: db.password,
					database: db.database,
					ssl: db.ssl,
				},
			});
}

export async function seedDemoAccounts(
	client: AdminClient,
	config: PlatformConfig,
	log: (message: string) => void,
): Promise<void> {
	const existing = (await client.request(readUsers({ fields: ['id', 'email'], limit: -1 }))) as {
		id: string;
		email: string;
	}[];
	const byEmail = new Map(existing.map((user) => [user.email, user.id]));
	for (const account of DEMO_ACCOUNTS) {
		if (byEmail.has(account.email)) continue;
		const user = (await client.request(
			createUser({
				email: account.email,
				password: config.demo.password,
				first_name: account.first_name,
				last_name: account.last_name,
				role: ROLE_IDS[account.role],
				status: 'suspended',
				language: account.language,
				arrondissement: account.arrondissement ?? null,
				service: account.service ?? null,
			} as never),
		)) as { id: string };
		byEmail.set(account.email, user.id);
		if (account.teams?.length)
			await client.request(
				createItems(
					'team_members',
					account.teams.map((team) => ({ team, user: user.id })),
				),
			);
		// created suspended, then activated: activation is where Directus counts seats
		if (account.active) await client.request(updateUser(user.id, { status: 'active' }));
		log(`demo account ${account.email} (${account.role}${account.active ? ', active' : ', suspended'})`);
	}
}

/** Published in the README: only ever created outside production. */
export const DEMO_OPEN311_KEY = 'demo-open311-casa-chikaya-2026';

export async function seedDemoData(
	client: AdminClient,
	config: PlatformConfig,
	log: (message: string) => void,
): Promise<void> {
	await seedDemoAccounts(client, config, log);
	const partners = (await client.request(
		readItems('open311_clients', { filter: { api_key: { _eq: DEMO_OPEN311_KEY } }, fields: ['id'], limit: 1 }),
	)) as unknown[];
	if (partners.length === 0) {
		await client.request(
			createItems('open311_clients', [
				{
					name: 'Casa Chikaya (démo)',
					contact_email: 'partenaires@casablanca.ma',
					api_key: DEMO_OPEN311_KEY,
					active: true,
				},
			]),
		);
		log('demo Open311 client created');
	}
	const already = (await client.request(readItems('complaints', { fields: ['id'], limit: 1 }))) as unknown[];
	if (already.length > 0) return;
	const knex = databaseConnection(config);
	try {
		const count = await generateComplaints(knex, { count: 400, days: 120, seed: 2026, now: new Date() });
		log(`demo complaints: ${count} created`);
	} finally {
		await knex.destroy();
	}
}
