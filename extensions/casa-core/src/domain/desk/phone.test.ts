import { describe, expect, it } from 'vitest';
import { displayPhone, normaliseMoroccanPhone, phoneQuery } from './phone';

describe('Moroccan phone numbers', () => {
	it.each([
		['06 12 34 56 78', '+212612345678'],
		['06-12-34-56-78', '+212612345678'],
		['+212 6 12 34 56 78', '+212612345678'],
		['00212612345678', '+212612345678'],
		['612345678', '+212612345678'],
		['05.22.12.34.56', '+212522123456'],
		['(07) 00 11 22 33', '+212700112233'],
		['07 00 11 22 33', '+212700112233'],
	])('%s → %s', (raw, expected) => {
		expect(normaliseMoroccanPhone(raw)).toBe(expected);
	});

	it('refuses what is not a Moroccan number', () => {
		expect(normaliseMoroccanPhone('+33 6 12 34 56 78')).toBeNull();
		expect(normaliseMoroccanPhone('08 12 34 56 78')).toBeNull();
		expect(normaliseMoroccanPhone('0612')).toBeNull();
	});

	it('tells a phone query from a name', () => {
		expect(phoneQuery('0612345678')).toBe('+212612345678');
		expect(phoneQuery('Fatima')).toBeNull();
		expect(phoneQuery('0612')).toBeNull();
	});

	it('reads a number back the Moroccan way', () => {
		expect(displayPhone('+212612345678')).toBe('06 12 34 56 78');
	});
});
