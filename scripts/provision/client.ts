import {
	type DirectusClient,
	type RestClient,
	type StaticTokenClient,
	createDirectus,
	rest,
	staticToken,
} from '@directus/sdk';

// The schema is described in schema/, not as SDK generics: provisioning talks to
// collections that it is itself creating.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AdminClient = DirectusClient<any> & RestClient<any> & StaticTokenClient<any>;

export function adminClient(url: string, token: string): AdminClient {
	return createDirectus(url).with(staticToken(token)).with(rest());
}

/** Directus errors carry `errors[].extensions.code`; true when the error is the given code. */
export function hasErrorCode(error: unknown, code: string): boolean {
	const errors = (error as { errors?: { extensions?: { code?: string } }[] })?.errors;
	return Array.isArray(errors) && errors.some((entry) => entry.extensions?.code === code);
}

export function describeError(error: unknown): string {
	const errors = (error as { errors?: { message?: string }[] })?.errors;
	if (Array.isArray(errors)) return errors.map((entry) => entry.message).join('; ');
	return error instanceof Error ? error.message : String(error);
}
