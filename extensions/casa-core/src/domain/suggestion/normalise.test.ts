import { describe, expect, it } from 'vitest';
import { features, fold, latinDarija, normaliseArabic, skeleton, stripArabicClitics, words } from './normalise';

describe('Arabic normalisation', () => {
	it('writes hamza/alef variants, tā’ marbūṭa and alif maqṣūra one way and drops diacritics and tatweel', () => {
		expect(normaliseArabic('أإآٱ')).toBe('اااا');
		expect(normaliseArabic('حفرة')).toBe('حفره');
		expect(normaliseArabic('مستشفى')).toBe('مستشفي');
		expect(normaliseArabic('النُّفَايَات')).toBe('النفايات');
		expect(normaliseArabic('زبــــل')).toBe('زبل');
		expect(normaliseArabic('مسؤول شاطئ')).toBe('مسوول شاطي');
		expect(normaliseArabic('٣ أيام')).toBe('3 ايام');
	});
	it('strips the article and leading clitics but keeps short words whole', () => {
		expect(stripArabicClitics('الزبل')).toBe('زبل');
		expect(stripArabicClitics('والزبل')).toBe('زبل');
		expect(stripArabicClitics('بالزبل')).toBe('زبل');
		expect(stripArabicClitics('للحاويات')).toBe('حاويات');
		expect(stripArabicClitics('بلا')).toBe('بلا');
	});
});

describe('Latin-script Darija and French', () => {
	it('reads the digits that stand for letters, inside words only', () => {
		expect(latinDarija('7ofra')).toBe('hofra');
		expect(latinDarija('t3ayetch')).toBe('tayetch');
		expect(latinDarija('zan9a')).toBe('zanqa');
		expect(latinDarija('5ayba')).toBe('khayba');
		expect(latinDarija('2026')).toBe('2026');
	});
	it('folds accents and ligatures', () => {
		expect(fold('Éclairage ÉTEINT, œuvre')).toBe('eclairage eteint oeuvre');
		expect(words("L'éboueur n'est pas passé")).toEqual(['eboueur', 'est', 'pas', 'passe']);
	});
});

describe('one skeleton for both scripts and their spelling variants', () => {
	it('gives household waste one skeleton however it is written', () => {
		const forms = ['zbel', 'zbal', 'zbl', 'زبل', 'الزبل', 'أزبال'].map((word) => skeleton(words(word)[0]));
		expect(new Set(forms)).toEqual(new Set(['zbl']));
		expect(features('lazbal')).toContain('s:zbl');
	});
	it('gives a pothole one skeleton in Latin digits and Arabic script', () => {
		expect(skeleton(words('7ofra')[0])).toBe(skeleton(words('حفرة')[0]));
		expect(skeleton(words('hofra')[0])).toBe('hfr');
	});
	it('makes word, skeleton and trigram features', () => {
		expect(features('zbel')).toEqual(['w:zbel', 's:zbl', 'c:<zb', 'c:zbe', 'c:bel', 'c:el>']);
		expect(features('  ... ')).toEqual([]);
	});
});
