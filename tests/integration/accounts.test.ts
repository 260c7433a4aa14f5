// Staff accounts: the configured number of log-in attempts is the one Directus
// applies; failed log-ins slow down per account and per address instead of
// suspending a colleague; a suspended user's sessions and tokens stop at once.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { adminToken, call, platform } from '../helpers/api';
import { platformDatabase } from '../helpers/db';

/** A log-in from another loopback address (127.0.0.x): the platform sees that address. */
function loginFrom(address: string, email: string, password: string): Promise<{ status: number; body: any }> {
	const url = new URL(platform().url);
	const payload = JSON.stringify({ email, password });
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port: Number(url.port),
				path: '/auth/login',
				method: 'POST',
				localAddress: address,
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
			},
			(response) => {
				let text = '';
				response.on('data', (chunk) => (text += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
			},
		);
		request.on('error', reject);
		request.end(payload);
	});
}

/** An API-only user (no role: takes no Core seat). */
async function apiUser(): Promise<{ id: string; email: string; password: string }> {
	const email = `compte-${randomUUID()}@casablanca.ma`;
	const password = `Mot-de-passe-${randomUUID()}`;
	const created = await call('POST', '/users', { token: adminToken(), body: { email, password, status: 'active' } });
	expect(created.status).toBe(200);
	return { id: created.body.data.id, email, password };
}

describe('log-in attempts', () => {
	it('writes the configured number of attempts where Directus reads it (settings.auth_login_attempts)', async () => {
		const settings = await call('GET', '/settings?fields=auth_login_attempts', { token: adminToken() });
		expect(settings.body.data.auth_login_attempts).toBe(platform().config.limits.loginAttempts);
	});

	it('slows down one account from one address after 5 failures, without locking it out from another address or suspending it', async () => {
		const user = await apiUser();
		for (let attempt = 0; attempt < 5; attempt++)
			expect((await loginFrom('127.0.0.2', user.email, 'wrong')).status).toBe(401);
		const slowed = await loginFrom('127.0.0.2', user.email, user.password);
		expect(slowed.status).toBe(429);
		expect(slowed.body.errors[0].message).toContain('Trop de tentatives de connexion échouées');
		expect(slowed.body.errors[0].message).toContain('محاولات دخول فاشلة كثيرة جداً');
		// the colleague at their own desk still gets in
		expect((await loginFrom('127.0.0.3', user.email, user.password)).status).toBe(200);
		expect((await call('GET', `/users/${user.id}?fields=status`, { token: adminToken() })).body.data.status).toBe(
			'active',
		);
	});

	it('slows down one account guessed from many addresses before Directus would suspend it', async () => {
		const user = await apiUser();
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 12; attempt++)
			statuses.push((await loginFrom(`127.0.1.${attempt + 1}`, user.email, 'wrong')).status);
		expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
		expect(statuses.slice(8)).toEqual(Array(4).fill(429));
		expect((await call('GET', `/users/${user.id}?fields=status`, { token: adminToken() })).body.data.status).toBe(
			'active',
		);
	});
});

describe('suspension', () => {
	it('ends the sessions and refuses the still-valid tokens of a suspended user at once', async () => {
		const user = await apiUser();
		const login = await loginFrom('127.0.0.4', user.email, user.password);
		expect(login.status).toBe(200);
		const { access_token: token, refresh_token: refresh } = login.body.data;
		expect((await call('GET', '/users/me?fields=id', { token })).status).toBe(200);
		const knex = platformDatabase();
		try {
			expect(Number((await knex('directus_sessions').where({ user: user.id }).count({ n: '*' }))[0].n)).toBe(1);
			expect(
				(await call('PATCH', `/users/${user.id}`, { token: adminToken(), body: { status: 'suspended' } })).status,
			).toBe(200);
			expect((await call('GET', '/users/me?fields=id', { token })).status).toBe(401);
			expect((await call('POST', '/auth/refresh', { body: { refresh_token: refresh, mode: 'json' } })).status).toBe(
				401,
			);
			await expect
				.poll(async () => Number((await knex('directus_sessions').where({ user: user.id }).count({ n: '*' }))[0].n))
				.toBe(0);
			// active again: the user logs in as before
			await call('PATCH', `/users/${user.id}`, { token: adminToken(), body: { status: 'active' } });
			expect((await loginFrom('127.0.0.4', user.email, user.password)).status).toBe(200);
		} finally {
			await knex.destroy();
		}
	});
});
