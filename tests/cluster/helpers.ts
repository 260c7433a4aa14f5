// HTTP against one instance of the cluster, as a client behind the proxy.
import './proxy-fetch';
import { inject } from 'vitest';
import { activateDemoAccount } from '../../scripts/lib/demo-accounts';
import { adminClient } from '../../scripts/provision/client';
import { randomClientAddress } from './proxy-fetch';

export interface Answer<T = any> {
	status: number;
	headers: Headers;
	body: { data?: T; errors?: { message: string; extensions: Record<string, any> }[] } & Record<string, any>;
}

export const cluster = () => inject('cluster');
export const A = 0;
export const B = 1;

export async function call<T = any>(
	instance: number,
	method: string,
	path: string,
	options: {
		token?: string | null;
		body?: unknown;
		headers?: Record<string, string>;
		client?: string;
		raw?: BodyInit;
	} = {},
): Promise<Answer<T>> {
	const headers: Record<string, string> = {
		'x-forwarded-for': options.client ?? randomClientAddress(),
		...options.headers,
	};
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${cluster().urls[instance]}${path}`, {
		method,
		headers,
		body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
		signal: AbortSignal.timeout(60_000),
	});
	const text = await response.text();
	let body: Answer['body'] = {};
	try {
		body = text ? JSON.parse(text) : {};
	} catch {
		body = { raw: text };
	}
	return { status: response.status, headers: response.headers, body };
}

export const adminToken = () => cluster().adminToken;

/** logs in as a demo account through the given instance (activating it first: Core allows 3 seats) */
export async function loginAs(account: string, instance = A): Promise<string> {
	const { urls, adminToken: token, demoPassword } = cluster();
	const result = await activateDemoAccount(adminClient(urls[instance], token), account);
	const login = await call(instance, 'POST', '/auth/login', {
		body: { email: result.activated, password: demoPassword },
	});
	if (login.status !== 200) throw new Error(`login as ${account} failed: ${JSON.stringify(login.body)}`);
	return login.body.data.access_token;
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** polls until `check` returns a value other than undefined */
export async function eventually<T>(
	check: () => Promise<T | undefined>,
	timeoutMs = 30_000,
	everyMs = 500,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch (error) {
			last = error;
		}
		await wait(everyMs);
	}
	throw new Error(`condition not met after ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}
