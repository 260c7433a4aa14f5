// The envelope of the platform's signed links: `<version>.<base64url JSON>.<base64url HMAC-SHA256>`.
// Each kind of link (monthly reports, a citizen's data) has its own version and
// HMAC purpose, so a token of one kind never opens another; the claims are theirs.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenKind {
	version: string;
	/** mixed into the HMAC: the same secret signs each kind apart */
	purpose: string;
	/** longest token accepted before anything is decoded */
	maxLength: number;
}

function signature(kind: TokenKind, payload: string, secret: string): Buffer {
	return createHmac('sha256', secret).update(`${kind.purpose}:${payload}`).digest();
}

export function sealToken(kind: TokenKind, body: Record<string, unknown>, secret: string): string {
	const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
	return `${kind.version}.${payload}.${signature(kind, `${kind.version}.${payload}`, secret).toString('base64url')}`;
}

/** The signed JSON body, or why the token is refused; expiry and claims are the caller's to check. */
export function openToken(
	kind: TokenKind,
	token: unknown,
	secret: string,
): { ok: true; body: Record<string, unknown> } | { ok: false; reason: 'malformed' | 'forged' } {
	if (typeof token !== 'string' || token.length > kind.maxLength) return { ok: false, reason: 'malformed' };
	const parts = token.split('.');
	if (
		parts.length !== 3 ||
		parts[0] !== kind.version ||
		!/^[A-Za-z0-9_-]+$/.test(parts[1]) ||
		!/^[A-Za-z0-9_-]+$/.test(parts[2])
	)
		return { ok: false, reason: 'malformed' };
	const expected = signature(kind, `${parts[0]}.${parts[1]}`, secret);
	const given = Buffer.from(parts[2], 'base64url');
	// constant time, and only buffers of the same length (timingSafeEqual throws otherwise)
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
	try {
		const body = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		return body && typeof body === 'object' && !Array.isArray(body)
			? { ok: true, body }
			: { ok: false, reason: 'malformed' };
	} catch {
		return { ok: false, reason: 'malformed' };
	}
}
