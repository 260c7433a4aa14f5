import { describe, expect, it } from 'vitest';
import { checkShape, cleanDeep, cleanText, decodeUtf8, hasForbiddenCharacters, isWellFormedUtf8 } from './sanitize';

describe('cleanText', () => {
	it('removes NUL and control characters but keeps tabs and line breaks', () => {
		expect(cleanText('Bac\u0000 plein\u0007\u001B[31m\tdepuis\r\nlundi\u007F\u0085')).toBe(
			'Bac plein[31m\tdepuis\r\nlundi',
		);
	});

	it('removes bidi overrides, embeddings and isolates, keeps the marks Arabic keyboards insert', () => {
		expect(cleanText('facture\u202Etxt.exe')).toBe('facturetxt.exe');
		expect(cleanText('\u2066a\u2067b\u2068c\u2069\u202A\u202B\u202C\u202D')).toBe('abc');
		expect(cleanText('حي\u200F الحسني\u061C \u200E')).toBe('حي\u200F الحسني\u061C \u200E');
	});

	it('drops unpaired surrogates and noncharacters, keeps real emoji, and normalises to NFC', () => {
		expect(cleanText('a\uD800b\uDC00c\uFFFEd\uFFFF')).toBe('abcd');
		expect(cleanText('lampe 💡')).toBe('lampe 💡');
		expect(cleanText('e\u0301')).toBe('é');
	});

	it('says whether a text holds such characters', () => {
		expect(hasForbiddenCharacters('normal — عادي')).toBe(false);
		expect(hasForbiddenCharacters('a\u0000')).toBe(true);
		expect(hasForbiddenCharacters('a\u202E')).toBe(true);
	});
});

describe('UTF-8', () => {
	it('tells well-formed UTF-8 from other bytes', () => {
		expect(isWellFormedUtf8(Buffer.from('شكاية é', 'utf8'))).toBe(true);
		expect(isWellFormedUtf8(Buffer.from([0x61, 0xff, 0x62]))).toBe(false);
		expect(isWellFormedUtf8(Buffer.from([0xc3]))).toBe(false);
		expect(isWellFormedUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false); // an encoded surrogate
		expect(decodeUtf8(Buffer.from([0xe9, 0x74, 0xe9]))).toBeNull(); // Latin-1 "été"
		expect(decodeUtf8(Buffer.from('été'))).toBe('été');
	});
});

describe('checkShape', () => {
	const limits = { maxDepth: 3, maxEntries: 20, maxString: 10 };
	it('accepts a small flat body', () => {
		expect(checkShape({ a: 'x', b: 1, c: [1, 2] }, limits)).toBeNull();
	});
	it('finds a body nested 100,000 deep without overflowing the stack', () => {
		const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
		expect(checkShape(deep, limits)).toEqual({ kind: 'depth', path: expect.any(String) });
		const deepObject = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
		expect(checkShape(deepObject, limits)?.kind).toBe('depth');
	});
	it('counts entries at every level and the length of strings', () => {
		expect(checkShape({ list: Array.from({ length: 30 }, () => 1) }, limits)?.kind).toBe('entries');
		expect(checkShape({ a: { b: 'x'.repeat(11) } }, limits)).toEqual({ kind: 'string', path: 'a.b' });
	});
});

describe('cleanDeep', () => {
	it('cleans every string and key of a JSON value and leaves the rest', () => {
		expect(cleanDeep({ 'k\u0000': ['a\u202E', 1, null, { b: 'c\u0000' }], n: 2, t: true })).toEqual({
			k: ['a', 1, null, { b: 'c' }],
			n: 2,
			t: true,
		});
		expect(cleanDeep('x\u0000')).toBe('x');
		expect(cleanDeep(5)).toBe(5);
		const date = new Date();
		expect(cleanDeep({ when: date, bytes: Buffer.from('a') })).toEqual({ when: date, bytes: Buffer.from('a') });
		expect(cleanDeep({ when: date }).when).toBe(date);
	});
});
