import { describe, expect, it } from 'vitest';
import { REDACTED, redactIdentifiers } from './redact';

const who = {
	name: 'Ahmed Benani',
	phone: '+212661234567',
	email: 'a.benani@example.ma',
	postalAddress: '12 Derb Sultan, Casablanca',
};

describe('redactIdentifiers', () => {
	it('keeps the problem, removes the person: name, phone in any form, e-mail, postal address', () => {
		const text =
			'Conteneur plein depuis 3 jours devant le 12 Derb Sultan, Casablanca. Appelez-moi au 06 61 23 45 67 ou a.benani@example.ma. Cordialement, Ahmed BENANI';
		const out = redactIdentifiers(text, who)!;
		expect(out).toContain('Conteneur plein depuis 3 jours devant le');
		for (const gone of ['Derb Sultan', '06 61 23 45 67', 'a.benani@example.ma', 'Ahmed', 'BENANI'])
			expect(out).not.toContain(gone);
		expect(out.split(REDACTED).length - 1).toBeGreaterThanOrEqual(4);
	});

	it('finds the parts of a name alone, whatever the case and accents, as whole words only', () => {
		expect(redactIdentifiers('Mme BÉNANI a signalé', { name: 'Fatima Benani' })).toBe(`Mme ${REDACTED} a signalé`);
		// not inside another word
		expect(redactIdentifiers('Les Benanisseries', { name: 'Benani' })).toBe('Les Benanisseries');
		expect(redactIdentifiers('Rue Ahmed Chaouki', { name: 'Ahmed Benani' })).toBe(`Rue ${REDACTED} Chaouki`);
	});

	it('names in Arabic script', () => {
		expect(redactIdentifiers('الأزبال أمام الدار، فاطمة الزهراء', { name: 'فاطمة الزهراء' })).toBe(
			`الأزبال أمام الدار، ${REDACTED}`,
		);
	});

	it('any Moroccan number or e-mail in the text, even not the one given', () => {
		for (const number of ['0522-33-44-55', '+212 6 12 34 56 78', '00212612345678', '612345678', '07.12.34.56.78'])
			expect(redactIdentifiers(`tel ${number} merci`, {}), number).toBe(`tel ${REDACTED} merci`);
		expect(redactIdentifiers('écrire à x.y+z@mail.co.ma svp', {})).toBe(`écrire à ${REDACTED} svp`);
	});

	it('leaves figures of the problem alone: dates, street numbers, short numbers, references', () => {
		const text = 'Trou de 40 cm au 125 bd Zerktouni depuis le 12/11/2026, réf. CAS-2026-000123, 3 lampadaires sur 12';
		expect(redactIdentifiers(text, who)).toBe(text);
	});

	it('is idempotent and keeps null', () => {
		const once = redactIdentifiers('Ahmed Benani 0661234567', who);
		expect(redactIdentifiers(once, who)).toBe(once);
		expect(redactIdentifiers(null, who)).toBeNull();
	});
});
