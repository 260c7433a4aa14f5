import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { readReceivedAt } from './desk-input';
import { formatDate, groupCode, receiptHtml, receiptModel } from './receipt';

const FACTS = {
	reference: 'CAS-2026-000123',
	channel: 'courrier',
	receivedAt: readReceivedAt('2026-11-10')!,
	issuedAt: new Date('2026-11-20T10:00:00Z'),
	registryNumber: 'BO-2026-0042',
	category: 'Dépôt sauvage',
	service: 'Propreté',
	arrondissement: 'Hay Hassani',
	resolveDueAt: readReceivedAt('2026-11-17T16:30')!,
	legalDueAt: new Date('2027-01-08T23:00:00Z'),
	trackingUrl: 'https://reclamations.example/portal/suivi/CAS-2026-000123#abcdEFGHijklMNOPqrstUVWX',
	trackingCode: 'abcdEFGHijklMNOPqrstUVWX',
	citizenName: '<Fatima>',
};

describe('acknowledgment receipt', () => {
	it('gives the figures in French, dates in Casablanca time', () => {
		const model = receiptModel(FACTS, 'fr', (key, values) => translate('fr', key, values));
		expect(model.dir).toBe('ltr');
		const rows = Object.fromEntries(model.rows.map((row) => [row.label, row.value]));
		expect(rows['Référence']).toBe('CAS-2026-000123');
		expect(rows['Reçue le']).toBe('10 novembre 2026');
		expect(rows["Numéro d'ordre"]).toBe('BO-2026-0042');
		expect(rows['Canal']).toBe('Courrier');
		expect(rows['Réponse attendue au plus tard le']).toBe('17 novembre 2026');
		expect(model.follow.code).toBe('abcd EFGH ijkl MNOP qrst UVWX');
	});

	it('is right to left in Arabic with Latin digits', () => {
		const model = receiptModel(FACTS, 'ar', (key, values) => translate('ar', key, values));
		expect(model.dir).toBe('rtl');
		expect(model.title).toBe('وصل إيداع شكاية');
		expect(formatDate(FACTS.resolveDueAt, 'ar')).toMatch(/^17 .+ 2026$/);
		const html = receiptHtml(model, '<svg></svg>', { printButton: 'طباعة' });
		expect(html).toContain('<html lang="ar" dir="rtl">');
		expect(html).toContain('@page { size: A4');
		expect(html).toContain('Noto Naskh Arabic');
	});

	it('escapes what the citizen typed and prints no contact data', () => {
		const html = receiptHtml(
			receiptModel(FACTS, 'fr', (key, values) => translate('fr', key, values)),
			'<svg></svg>',
			{ printButton: 'Imprimer' },
		);
		expect(html).toContain('&lt;Fatima&gt;');
		expect(html).not.toContain('<Fatima>');
		// the secret is in the QR code and the code line, not in the printed address
		expect(html).toContain('https://reclamations.example/portal/suivi/CAS-2026-000123</p>');
	});

	it('groups codes by four', () => {
		expect(groupCode('abcdefghij')).toBe('abcd efgh ij');
	});
});
