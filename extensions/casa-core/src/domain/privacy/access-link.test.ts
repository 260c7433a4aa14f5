import { describe, expect, it } from 'vitest';
import { phoneVariants, signAccessLink, verifyAccessLink } from './access-link';

const SECRET = 'a-secret-of-at-least-16';
const ID = '0b8e6c5e-1f7a-4c1e-9d2a-3b4c5d6e7f80';
const now = new Date('2026-03-01T10:00:00Z');
const expiresAt = Math.floor(now.getTime() / 1000) + 3600;

describe('signed access links', () => {
	it('round-trips the complaints, the language and the expiry', () => {
		const token = signAccessLink({ complaints: [ID], language: 'ar', expiresAt }, SECRET);
		expect(verifyAccessLink(token, SECRET, now)).toEqual({
			ok: true,
			claims: { complaints: [ID], language: 'ar', expiresAt },
		});
		expect(token).not.toContain('@');
	});
	it('refuses a forged, a tampered, an expired and a foreign token', () => {
		const token = signAccessLink({ complaints: [ID], language: 'fr', expiresAt }, SECRET);
		expect(verifyAccessLink(token, 'another-secret-of-16+', now)).toMatchObject({ ok: false, reason: 'forged' });
		const [v, , s] = token.split('.');
		const other = Buffer.from(
			JSON.stringify({ c: ['1b8e6c5e-1f7a-4c1e-9d2a-3b4c5d6e7f80'], l: 'fr', e: expiresAt }),
		).toString('base64url');
		expect(verifyAccessLink(`${v}.${other}.${s}`, SECRET, now)).toMatchObject({ ok: false, reason: 'forged' });
		expect(verifyAccessLink(token, SECRET, new Date((expiresAt + 1) * 1000))).toMatchObject({
			ok: false,
			reason: 'expired',
		});
		expect(verifyAccessLink('r1.abc.def', SECRET, now)).toMatchObject({ ok: false, reason: 'malformed' });
	});
	it('refuses claims that are not complaint ids', () => {
		expect(() => signAccessLink({ complaints: ['+212661000000'], language: 'fr', expiresAt }, SECRET)).toThrow(
			RangeError,
		);
		expect(() => signAccessLink({ complaints: [], language: 'fr', expiresAt }, SECRET)).toThrow(RangeError);
	});
});

describe('phone variants', () => {
	it('gives the international, national and WhatsApp forms of a Moroccan number', () => {
		for (const written of ['+212 661-23 45 67', '0661234567', '212661234567']) {
			const variants = phoneVariants(written);
			expect(variants).toContain('+212661234567');
			expect(variants).toContain('0661234567');
			expect(variants).toContain('212661234567');
		}
	});
	it('keeps anything else as it was written', () => {
		expect(phoneVariants(' abc ')).toEqual(['abc']);
	});
});
