import { describe, expect, it } from 'vitest';
import { fold, searchCategories, withSuggested } from './text-search';

const CATEGORIES = [
	{
		code: 'PROP-01',
		service: 'PROP',
		name_fr: 'Dépôt sauvage de déchets',
		name_ar: 'رمي عشوائي للنفايات',
		keywords: 'ordures décharge',
	},
	{
		code: 'PROP-02',
		service: 'PROP',
		name_fr: 'Conteneur plein ou débordant',
		name_ar: 'حاوية ممتلئة أو فائضة',
		keywords: 'poubelle bac',
	},
	{ code: 'ECL-01', service: 'ECL', name_fr: 'Lampadaire éteint', name_ar: 'عمود إنارة مطفأ', keywords: 'lumière' },
	{ code: 'VOI-01', service: 'VOI', name_fr: 'Nid-de-poule', name_ar: 'حفرة في الطريق', keywords: 'chaussée trou' },
];

describe('accent- and diacritic-insensitive search', () => {
	it('folds French accents and Arabic harakat, hamza and tā’ marbūṭa', () => {
		expect(fold('Éteint DÉPÔT')).toBe('eteint depot');
		expect(fold('حَاوِيَةٌ')).toBe('حاويه');
		expect(fold('إنارة')).toBe('اناره');
		expect(fold('مطفأ')).toBe('مطفا');
	});

	it('finds a category from a French word without its accents', () => {
		expect(searchCategories(CATEGORIES, 'depot')[0].code).toBe('PROP-01');
		expect(searchCategories(CATEGORIES, 'eteint').map((c) => c.code)).toEqual(['ECL-01']);
	});

	it('finds a category from an Arabic word written with or without diacritics and hamza', () => {
		expect(searchCategories(CATEGORIES, 'حاوية')[0].code).toBe('PROP-02');
		expect(searchCategories(CATEGORIES, 'حَاوِيَة')[0].code).toBe('PROP-02');
		expect(searchCategories(CATEGORIES, 'انارة')[0].code).toBe('ECL-01');
	});

	it('ranks names before keywords, needs every word, and matches codes', () => {
		expect(searchCategories(CATEGORIES, 'poubelle')[0].code).toBe('PROP-02');
		expect(searchCategories(CATEGORIES, 'nid poule').map((c) => c.code)).toEqual(['VOI-01']);
		expect(searchCategories(CATEGORIES, 'nid lampadaire')).toEqual([]);
		expect(searchCategories(CATEGORIES, 'ecl-01')[0].code).toBe('ECL-01');
		expect(searchCategories(CATEGORIES, '  ')).toHaveLength(4);
	});
});

describe('withSuggested', () => {
	const categories = [
		{
			code: 'PROP-01',
			service: 'PROP',
			name_fr: 'Ordures ménagères non collectées',
			name_ar: 'عدم جمع النفايات المنزلية',
		},
		{ code: 'PROP-02', service: 'PROP', name_fr: 'Bac à ordures plein ou cassé', name_ar: 'حاوية ممتلئة أو مكسورة' },
		{ code: 'ECL-01', service: 'ECL', name_fr: 'Lampadaire éteint', name_ar: 'عمود إنارة مطفأ' },
	];

	it('puts the suggestion for this very query first, then the word matches, each once', () => {
		expect(
			withSuggested(categories, 'zbel', { text: 'zbel', codes: ['PROP-01', 'PROP-02'] }).map(
				(category) => category.code,
			),
		).toEqual(['PROP-01', 'PROP-02']);
		expect(
			withSuggested(categories, 'ordures', { text: 'ordures', codes: ['PROP-02'] }).map((category) => category.code),
		).toEqual(['PROP-02', 'PROP-01']);
	});

	it('ignores an answer for older text and unknown codes', () => {
		expect(
			withSuggested(categories, 'lampadaire', { text: 'zbel', codes: ['PROP-01'] }).map((category) => category.code),
		).toEqual(['ECL-01']);
		expect(withSuggested(categories, 'zbel', { text: 'zbel', codes: ['NOPE-9'] })).toEqual([]);
	});
});
