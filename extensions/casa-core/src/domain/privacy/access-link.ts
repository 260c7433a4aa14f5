// Signed links to a citizen's data (loi 09-08, right of access): the document
// is produced for the complaints found when the request was served, and opened
// without logging in until the link expires. The token carries complaint ids
// (never a phone number or an e-mail: URLs end up in logs), the language and
// an expiry, signed with HMAC-SHA256 under the server's SECRET (another
// purpose string than the report links: one token never opens the other).
import type { Language } from '../i18n/messages';
import { openToken, sealToken } from '../signing/signed-token';

export interface AccessClaims {
	complaints: string[];
	language: Language;
	/** seconds since the epoch */
	expiresAt: number;
}

export type AccessVerify =
	{ ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export const ACCESS_LINK_DAYS = 7;
export const MAX_ACCESS_COMPLAINTS = 100;
const KIND = { version: 'p1', purpose: 'casa-privacy-access', maxLength: 8192 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length < 16)
		throw new RangeError('access links need a SECRET of at least 16 characters');
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
	return sealToken(KIND, { c: claims.complaints, l: claims.language, e: claims.expiresAt }, secret);
}

export function verifyAccessLink(token: unknown, secret: string, now: Date): AccessVerify {
	assertSecret(secret);
	const opened = openToken(KIND, token, secret);
	if (!opened.ok) return opened;
	const raw = opened.body;
	const claims = { complaints: raw.c as string[], language: raw.l as Language, expiresAt: raw.e as number };
	if (!valid(claims)) return { ok: false, reason: 'malformed' };
	if (claims.expiresAt * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, claims };
}

/** The forms a Moroccan number is written in (+212 6…, 0 6…, 212 6… as WhatsApp gives it), for an exact, indexed match. */
export function phoneVariants(phone: string): string[] {
	const digits = phone.replace(/[^\d+]/g, '');
	const national = digits.startsWith('+212')
		? digits.slice(4)
		: digits.startsWith('00212')
			? digits.slice(5)
			: digits.startsWith('212')
				? digits.slice(3)
				: digits.startsWith('0')
					? digits.slice(1)
					: digits;
	if (!/^\d{6,12}$/.test(national)) return [phone.trim()];
	return [...new Set([phone.trim(), `+212${national}`, `0${national}`, `212${national}`, `00212${national}`])];
}
