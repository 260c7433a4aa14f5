// The cluster test stands where the reverse proxy would: every request it sends
// carries an X-Forwarded-For (IP_TRUST_PROXY=loopback makes Directus believe
// it), a fresh documentation address unless the request names its client.
// Installed on import, before @directus/sdk keeps its own reference to fetch:
// import this module first.
import { randomInt } from 'node:crypto';

export function randomClientAddress(): string {
	return `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

const original = globalThis.fetch;
if (!(original as { casaProxy?: boolean }).casaProxy) {
	const proxied = (input: RequestInfo | URL, init: RequestInit = {}) => {
		const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
		if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', randomClientAddress());
		return original(input, { ...init, headers });
	};
	globalThis.fetch = Object.assign(proxied, { casaProxy: true }) as typeof fetch;
}
