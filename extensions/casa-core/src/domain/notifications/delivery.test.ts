import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, outcomeOfFailure, renderMessage, retryDelayMs } from './delivery';

describe('retries', () => {
	it('back off exponentially up to an hour', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([
			1, 2, 4, 8, 16, 32, 60, 60,
		]);
	});

	it('give up after the last attempt, keeping the reason', () => {
		const now = new Date('2026-11-28T10:00:00Z');
		expect(outcomeOfFailure(1, 'connection refused', now)).toEqual({
			status: 'retry',
			nextAttemptAt: new Date('2026-11-28T10:01:00Z'),
			error: 'connection refused',
		});
		expect(outcomeOfFailure(MAX_ATTEMPTS, 'mailbox unavailable', now)).toEqual({
			status: 'failed',
			error: 'mailbox unavailable',
		});
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
		const message = renderMessage('resolution', 'fr', {
			reference: 'CAS-2026-000001',
			reply: '<script>alert(1)</script>',
		});
		expect(message.html).not.toContain('<script>');
		expect(message.html).toContain('&lt;script&gt;');
	});
});

describe('citizen notifications', () => {
	const values = {
		reference: 'CAS-2026-000123',
		service: 'Propreté',
		due: '3 décembre 2026',
		trackingUrl: 'https://reclamations.casablancacity.ma/portal/suivi/CAS-2026-000123',
	};

	it.each([
		['assignment', 'fr', 'Votre réclamation CAS-2026-000123 est transmise au service compétent', 'Propreté'],
		['assignment', 'ar', 'أحيلت شكايتكم CAS-2026-000123 على المصلحة المختصة', 'Propreté'],
		['request_information', 'fr', 'Votre réclamation CAS-2026-000123 : informations demandées', 'suspendu'],
		['request_information', 'ar', 'شكايتكم CAS-2026-000123: معلومات مطلوبة', 'موقوف'],
		['resolution', 'fr', 'Réponse à votre réclamation CAS-2026-000123', 'rouvrir'],
		['resolution', 'ar', 'الجواب على شكايتكم CAS-2026-000123', 'إعادة فتحها'],
		['reopening', 'fr', 'Votre réclamation CAS-2026-000123 est rouverte', 'de nouveau'],
		['reopening', 'ar', 'أعيد فتح شكايتكم CAS-2026-000123', 'من جديد'],
	] as const)('%s in %s has its subject and body', (event, language, subject, bodyPart) => {
		const message = renderMessage(event, language, { ...values, reply: 'Bac vidé.' });
		expect(message.subject).toBe(subject);
		expect(message.text).toContain(bodyPart);
		expect(message.text).toContain(values.trackingUrl);
		expect(message.text).not.toContain('{{');
		expect(message.html).toContain(`dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
	});

	it('escapes the public reply: citizen-facing text, never HTML', () => {
		const message = renderMessage('resolution', 'fr', { ...values, reply: '<script>alert(1)</script> & <b>fini</b>' });
		expect(message.text).toContain('<script>alert(1)</script> & <b>fini</b>');
		expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fini&lt;/b&gt;');
		expect(message.html).not.toContain('<script>');
	});

	it('asks for information without quoting an empty question', () => {
		const withQuestion = renderMessage('request_information', 'fr', { ...values, reply: 'Quel numéro de rue ?' });
		expect(withQuestion.text).toContain('Quel numéro de rue ?');
		const without = renderMessage('request_information', 'ar', { ...values, reply: null });
		expect(without.text).toContain('تحتاج المصلحة إلى معلومات إضافية.');
		expect(without.text).not.toContain('null');
	});
});
