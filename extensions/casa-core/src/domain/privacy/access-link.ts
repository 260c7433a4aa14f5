// Signed links to a citizen's data (loi 09-08, right of access): the document
// is produced for the complaints found when the request was served, and opened
// without logging in until the link expires. The token carries complaint ids
// (never a phone number or an e-mail: URLs end up in logs), the language and
// an expiry, signed with HMAC-SHA256 under the server's SECRET (another
// purpose string than the report links: one token never opens the other).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Language } from '../i18n/messages';

export interface AccessClaims {
	complaints: string[];
	language: Language;
	/** seconds since the epoch */
	expiresAt: number;
}

export type AccessVerify = { ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export const ACCESS_LINK_DAYS = 7;
export const MAX_ACCESS_COMPLAINTS = 100;
const VERSION = 'p1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const signature = (payload: string, secret: string) => createHmac('sha256', secret).update(`casa-privacy-access:${payload}`).digest();

function assertSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length < 16) throw new RangeError('access links need a SECRET of at least 16 characters');
}

function valid(claims: AccessClaims): boolean {
	return (
		Array.isArray(claims.complaints) &&
		claims.complaints.length >= 1 &&
		claims.complaints.length <= MAX_ACCESS_COMPLAINTS &&
		claims.complaints.every((id) => typeof id === 'string' && UUID.test(id)) &&
		(claims.language === 'fr' || claims.language === 'ar') &&
		Number.isInteger(claims.expiresAt)
	);
}

export function signAccessLink(claims: AccessClaims, secret: string): string {
	assertSecret(secret);
	if (!valid(claims)) throw new RangeError('invalid access link claims');
	const payload = Buffer.from(JSON.stringify({ c: claims.complaints, l: claims.language, e: claims.expiresAt })).toString('base64url');
	return `${VERSION}.${payload}.${signature(`${VERSION}.${payload}`, secret).toString('base64url')}`;
}

export function verifyAccessLink(token: unknown, secret: string, now: Date): AccessVerify {
	assertSecret(secret);
	if (typeof token !== 'string' || token.length > 8192) return { ok: false, reason: 'malformed' };
	const parts = token.split('.');
	if (parts.length !== 3 || parts[0] !== VERSION || !/^[A-Za-z0-9_-]+$/.test(parts[1]) || !/^[A-Za-z0-9_-]+$/.test(parts[2])) return { ok: false, reason: 'malformed' };
	const expected = signature(`${parts[0]}.${parts[1]}`, secret);
	const given = Buffer.from(parts[2], 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
	let raw: Record<string, unknown>;
	try {
		raw = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	const claims = { complaints: raw.c as string[], language: raw.l as Language, expiresAt: raw.e as number };
	if (!valid(claims)) return { ok: false, reason: 'malformed' };
	if (claims.expiresAt * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, claims };
}

/** The forms a Moroccan number is written in (+212 6…, 0 6…, 212 6… as WhatsApp gives it), for an exact, indexed match. */
export function phoneVariants(phone: string): string[] {
	const digits = phone.replace(/[^\d+]/g, '');
	const national = digits.startsWith('+212') ? digits.slice(4) : digits.startsWith('00212') ? digits.slice(5) : digits.startsWith('212') ? digits.slice(3) : digits.startsWith('0') ? digits.slice(1) : digits;
	if (!/^\d{6,12}$/.test(national)) return [phone.trim()];
	return [...new Set([phone.trim(), `+212${national}`, `0${national}`, `212${national}`, `00212${national}`])];
}
