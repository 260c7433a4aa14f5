import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, outcomeOfFailure, renderMessage, retryDelayMs } from './delivery';

describe('retries', () => {
	it('back off exponentially up to an hour', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
	});

	it('give up after the last attempt, keeping the reason', () => {
		const now = new Date('2026-11-28T10:00:00Z');
		expect(outcomeOfFailure(1, 'connection refused', now)).toEqual({ status: 'retry', nextAttemptAt: new Date('2026-11-28T10:01:00Z'), error: 'connection refused' });
		expect(outcomeOfFailure(MAX_ATTEMPTS, 'mailbox unavailable', now)).toEqual({ status: 'failed', error: 'mailbox unavailable' });
	});
});

describe('renderMessage', () => {
	it('writes the acknowledgment in French with the reference and the date', () => {
		const message = renderMessage('acknowledgment', 'fr', { reference: 'CAS-2026-000123', due: '3 décembre 2026' });
		expect(message.subject).toBe('Votre réclamation CAS-2026-000123 est enregistrée');
		expect(message.text).toContain('CAS-2026-000123');
		expect(message.html).toMatch(/^<!doctype html><html lang="fr" dir="ltr">/);
	});

	it('writes Arabic right to left', () => {
		const message = renderMessage('acknowledgment', 'ar', { reference: 'CAS-2026-000123', due: '3 دجنبر 2026' });
		expect(message.subject).toBe('تم تسجيل شكايتكم CAS-2026-000123');
		expect(message.html).toContain('<html lang="ar" dir="rtl">');
		expect(message.html).toContain('text-align: right');
	});

	it('never renders citizen text as HTML', () => {
		const message = renderMessage('resolution', 'fr', { reference: 'CAS-2026-000001', reply: '<script>alert(1)</script>' });
		expect(message.html).not.toContain('<script>');
		expect(message.html).toContain('&lt;script&gt;');
	});
});
