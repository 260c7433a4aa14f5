// Real HTTP against the Directus started by the global setup.
import { inject } from 'vitest';
import { activateDemoAccount } from '../../scripts/lib/demo-accounts';
import { adminClient } from '../../scripts/provision/client';

export interface ApiResponse<T = any> {
	status: number;
	body: { data?: T; errors?: { message: string; extensions: Record<string, any> }[] } & Record<string, any>;
}

export function platform() {
	return inject('casa');
}

export async function call<T = any>(
	method: string,
	path: string,
	options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${platform().url}${path}`, {
		method,
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await response.text();
	let body: ApiResponse['body'] = {};
	try {
		body = text ? JSON.parse(text) : {};
	} catch {
		body = { raw: text };
	}
	return { status: response.status, body };
}

export const adminToken = () => platform().adminToken;

/** Logs in as a demo account, activating it first (Core allows 3 active app users). */
export async function loginAs(account: string): Promise<string> {
	const { url, adminToken: token, demoPassword } = platform();
	const result = await activateDemoAccount(adminClient(url, token), account);
	const login = await call('POST', '/auth/login', { body: { email: result.activated, password: demoPassword } });
	if (login.status !== 200) throw new Error(`login as ${account} failed: ${JSON.stringify(login.body)}`);
	return login.body.data.access_token;
}

export async function adminUser(email: string): Promise<{ id: string }> {
	const response = await call('GET', `/users?filter[email][_eq]=${encodeURIComponent(email)}&fields=id`, {
		token: adminToken(),
	});
	return response.body.data[0];
}

/** A complaint created as administrator in a given arrondissement point. */
export async function createComplaint(fields: Record<string, unknown>, token = adminToken()) {
	const response = await call('POST', '/items/complaints', {
		token,
		body: {
			category: 'PROP-01',
			description: 'Bac débordant devant le n° 12',
			latitude: 33.5463,
			longitude: -7.6787,
			channel: 'phone',
			...fields,
		},
	});
	if (response.status !== 200) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body.data;
}

/** The citizen's contact, stored apart (citizen_contacts), as an administrator reads it with a complaint. */
export const CONTACT_FIELDS = 'contact.name,contact.phone,contact.email';

/** An administrator's read of a complaint with its contact shown as the citizen_* fields every channel speaks. */
export function withCitizen<T extends Record<string, any>>(
	row: T,
): T & { citizen_name: string | null; citizen_phone: string | null; citizen_email: string | null } {
	const contact = Array.isArray(row?.contact) ? row.contact[0] : null;
	return {
		...row,
		citizen_name: contact?.name ?? null,
		citizen_phone: contact?.phone ?? null,
		citizen_email: contact?.email ?? null,
	};
}
