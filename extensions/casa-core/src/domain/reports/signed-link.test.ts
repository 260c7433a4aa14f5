import { describe, expect, it } from 'vitest';
import { expiryFor, signLink, verifyLink } from './signed-link';

const SECRET = 'a-test-secret-of-enough-length-0123';
const NOW = new Date('2026-06-03T10:00:00Z');
const claims = { arrondissement: 'all', service: null, month: '2026-05', expiresAt: expiryFor(NOW, 30) };

describe('signed report links', () => {
	it('verifies what it signed', () => {
		const token = signLink(claims, SECRET);
		expect(verifyLink(token, SECRET, NOW)).toEqual({ ok: true, claims });
		const scoped = { ...claims, arrondissement: '06.141.01.01', service: 'PROP' };
		expect(verifyLink(signLink(scoped, SECRET), SECRET, NOW)).toEqual({ ok: true, claims: scoped });
	});

	it('refuses another secret, a changed scope, month or expiry', () => {
		const token = signLink(claims, SECRET);
		expect(verifyLink(token, `${SECRET}x`, NOW)).toEqual({ ok: false, reason: 'forged' });
		const [version, , sig] = token.split('.');
		for (const change of [{ a: '06.141.01.01' }, { m: '2026-04' }, { e: claims.expiresAt + 86_400 }, { s: 'PROP' }]) {
			const payload = Buffer.from(
				JSON.stringify({ a: 'all', s: null, m: '2026-05', e: claims.expiresAt, ...change }),
			).toString('base64url');
			expect(verifyLink(`${version}.${payload}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: 'forged' });
		}
		// a truncated or padded signature is refused without throwing
		expect(verifyLink(`${token.slice(0, -4)}`, SECRET, NOW)).toEqual({ ok: false, reason: 'forged' });
		expect(verifyLink(`${token}AAAA`, SECRET, NOW)).toEqual({ ok: false, reason: 'forged' });
	});

	it('refuses garbage', () => {
		for (const bad of ['', 'x', 'r1.a', 'r2.a.b', 'r1.a b.c', 42, null, 'r1.' + 'A'.repeat(600) + '.b'])
			expect(verifyLink(bad, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
	});

	it('expires at its expiry instant', () => {
		const token = signLink(claims, SECRET);
		expect(verifyLink(token, SECRET, new Date(claims.expiresAt * 1000 - 1)).ok).toBe(true);
		expect(verifyLink(token, SECRET, new Date(claims.expiresAt * 1000))).toEqual({ ok: false, reason: 'expired' });
	});

	it('needs a real secret and valid claims', () => {
		expect(() => signLink(claims, 'short')).toThrow(RangeError);
		expect(() => signLink({ ...claims, month: '2026-13' }, SECRET)).toThrow(RangeError);
		expect(() => signLink({ ...claims, arrondissement: '<script>' }, SECRET)).toThrow(RangeError);
		expect(() => expiryFor(NOW, 0)).toThrow(RangeError);
		expect(() => expiryFor(NOW, 91)).toThrow(RangeError);
	});
});
