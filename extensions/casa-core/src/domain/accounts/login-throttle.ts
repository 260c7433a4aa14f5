// Failed log-ins slow down, per account and per address, instead of locking a
// colleague out: Directus suspends an account after `auth_login_attempts`
// consecutive failures, whoever typed them. The throttle refuses attempts
// before Directus counts them:
//   - an account from one address (a mistyping user, or one attacker),
//   - an account from every address together (a distributed guess),
//   - an address whatever the account (spraying many accounts).
// A refused attempt never reaches the password check, so it never counts
// towards the suspension; a successful log-in clears that account and address.

export interface ThrottleRule {
	name: 'LOGIN_PAIR' | 'LOGIN_ACCOUNT' | 'LOGIN_ADDRESS';
	/** failures allowed in the window */
	points: number;
	/** window, in seconds */
	duration: number;
}

export const LOGIN_RULES: readonly ThrottleRule[] = [
	{ name: 'LOGIN_PAIR', points: 5, duration: 15 * 60 },
	{ name: 'LOGIN_ACCOUNT', points: 8, duration: 60 * 60 },
	{ name: 'LOGIN_ADDRESS', points: 30, duration: 15 * 60 },
];

/** The keys of one attempt under each rule: the e-mail in lower case, the address as Directus saw it. */
export function throttleKeys(email: unknown, ip: unknown): Record<ThrottleRule['name'], string> | null {
	if (typeof email !== 'string' || email.trim() === '') return null;
	const account = email.trim().toLowerCase().slice(0, 254);
	const address = typeof ip === 'string' && ip ? ip : 'unknown';
	return { LOGIN_PAIR: `${account}|${address}`, LOGIN_ACCOUNT: account, LOGIN_ADDRESS: address };
}

/** Whole minutes to wait, at least one. */
export function minutesToWait(seconds: number): number {
	return Math.max(1, Math.ceil(seconds / 60));
}

/** The payload of a Directus access token (a JWT), without checking it: Directus checks it next. Null for anything else. */
export function jwtSubject(token: unknown): string | null {
	if (typeof token !== 'string') return null;
	const parts = token.split('.');
	if (parts.length !== 3 || parts[1].length > 4096) return null;
	try {
		const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { iss?: unknown; id?: unknown };
		return payload && payload.iss === 'directus' && typeof payload.id === 'string' ? payload.id : null;
	} catch {
		return null;
	}
}
