// Directus Core counts at most 3 active users with app access. Demo accounts
// are therefore switched on one at a time: activating one suspends the demo
// account that has been idle longest (never the administrator).
import { randomUUID } from 'node:crypto';
import { readUsers, updateUser } from '@directus/sdk';
import { DEMO_ACCOUNTS } from '../provision/demo-data';
import type { AdminClient } from '../provision/client';

export const CORE_SEATS = 3;

export async function activateDemoAccount(
	client: AdminClient,
	key: string,
): Promise<{ activated: string; suspended: string | null }> {
	const account = DEMO_ACCOUNTS.find((candidate) => candidate.key === key || candidate.email === key);
	if (!account)
		throw new Error(
			`Unknown demo account "${key}". Known: ${DEMO_ACCOUNTS.map((candidate) => candidate.key).join(', ')}`,
		);
	const demoEmails = DEMO_ACCOUNTS.map((candidate) => candidate.email);
	// a filter no earlier request had (an id that exists nowhere) reads the users fresh: with Directus's response cache on
	// (CACHE_ENABLED), a cached list keeps last_access from before the latest log-ins, and the wrong account was suspended
	const fresh = { id: { _neq: randomUUID() } };
	const active = (await client.request(
		readUsers({
			filter: { _and: [{ status: { _eq: 'active' } }, fresh] },
			fields: ['id', 'email', 'last_access'],
			limit: -1,
		}),
	)) as { id: string; email: string; last_access: string | null }[];
	const target = (await client.request(
		readUsers({ filter: { _and: [{ email: { _eq: account.email } }, fresh] }, fields: ['id', 'status'], limit: 1 }),
	)) as { id: string; status: string }[];
	if (target.length === 0) throw new Error(`Demo account ${account.email} does not exist: is DEMO_DATA on?`);
	if (target[0].status === 'active') return { activated: account.email, suspended: null };
	let suspended: string | null = null;
	if (active.length >= CORE_SEATS) {
		const candidates = active
			.filter((user) => demoEmails.includes(user.email))
			.sort((a, b) => String(a.last_access ?? '').localeCompare(String(b.last_access ?? '')));
		if (candidates.length === 0)
			throw new Error('All Core seats are taken by non-demo users; suspend one in the admin app first');
		await client.request(updateUser(candidates[0].id, { status: 'suspended' }));
		suspended = candidates[0].email;
	}
	await client.request(updateUser(target[0].id, { status: 'active' }));
	return { activated: account.email, suspended };
}
