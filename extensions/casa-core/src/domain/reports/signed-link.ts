// Signed links to a report: elected officials open the monthly report without
// logging into the admin app. The token carries the scope, the month and an
// expiry, signed with HMAC-SHA256 under the server's SECRET; nothing is stored.
import { isMonthKey, type MonthKey } from './month-window';
import { openToken, sealToken } from '../signing/signed-token';

export interface ReportScope {
	/** an arrondissement code, or 'all' for the whole commune */
	arrondissement: string;
	/** a service code when the report is limited to one service (a service head's), else null */
	service: string | null;
}

export interface LinkClaims extends ReportScope {
	month: MonthKey;
	/** seconds since the epoch */
	expiresAt: number;
}

export type VerifyResult = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const CODE = /^[A-Za-z0-9._-]{1,32}$/;
/** a link lives at most this long */
export const MAX_LINK_DAYS = 90;
export const DEFAULT_LINK_DAYS = 30;
const KIND = { version: 'r1', purpose: 'casa-report', maxLength: 512 };

function assertSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length < 16)
		throw new RangeError('report links need a SECRET of at least 16 characters');
}

export function isScopeCode(value: unknown): value is string {
	return typeof value === 'string' && CODE.test(value);
}

/** `<version>.<base64url payload>.<base64url signature>` */
export function signLink(claims: LinkClaims, secret: string): string {
	assertSecret(secret);
	if (
		!isMonthKey(claims.month) ||
		!isScopeCode(claims.arrondissement) ||
		(claims.service !== null && !isScopeCode(claims.service)) ||
		!Number.isInteger(claims.expiresAt)
	)
		throw new RangeError('invalid report link claims');
	return sealToken(KIND, { a: claims.arrondissement, s: claims.service, m: claims.month, e: claims.expiresAt }, secret);
}

export function verifyLink(token: unknown, secret: string, now: Date): VerifyResult {
	assertSecret(secret);
	const opened = openToken(KIND, token, secret);
	if (!opened.ok) return opened;
	const raw = opened.body;
	const claims: LinkClaims = {
		arrondissement: raw.a as string,
		service: (raw.s ?? null) as string | null,
		month: raw.m as string,
		expiresAt: raw.e as number,
	};
	if (
		!isMonthKey(claims.month) ||
		!isScopeCode(claims.arrondissement) ||
		(claims.service !== null && !isScopeCode(claims.service)) ||
		!Number.isInteger(claims.expiresAt)
	)
		return { ok: false, reason: 'malformed' };
	if (claims.expiresAt * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, claims };
}

/** Expiry in seconds for a link valid `days` days from now (1 … MAX_LINK_DAYS). */
export function expiryFor(now: Date, days: number): number {
	if (!Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS)
		throw new RangeError(`days must be 1 … ${MAX_LINK_DAYS}`);
	return Math.floor(now.getTime() / 1000) + days * 86_400;
}
