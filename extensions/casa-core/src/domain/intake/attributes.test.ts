import { describe, expect, it } from 'vitest';
import {
	answersFromParameters,
	open311Attributes,
	portalAttributes,
	readAnswers,
	readAttributeDefinitions,
} from './attributes';

const RAW = [
	{
		code: 'bins',
		datatype: 'number',
		required: true,
		order: 2,
		question_fr: 'Nombre de bacs',
		question_ar: 'عدد الحاويات',
	},
	{
		code: 'smell',
		datatype: 'singlevaluelist',
		required: false,
		order: 1,
		question_fr: 'Odeur ?',
		question_ar: 'رائحة؟',
		help_fr: 'Choisissez',
		values: [
			{ key: 'none', name_fr: 'Aucune', name_ar: 'لا توجد' },
			{ key: 'strong', name_fr: 'Forte', name_ar: 'قوية' },
		],
	},
	{
		code: 'kinds',
		datatype: 'multivaluelist',
		question_fr: 'Déchets',
		question_ar: 'النفايات',
		order: 3,
		values: [
			{ key: 'green', name_fr: 'Verts', name_ar: 'خضراء' },
			{ key: 'rubble', name_fr: 'Gravats', name_ar: 'ردم' },
		],
	},
	{ code: 'note', datatype: 'text', question_fr: 'Précisions', question_ar: 'توضيحات', order: 4 },
	// unusable: dropped, never breaking the category
	{ code: 'bad code!', datatype: 'string' },
	{ code: 'x', datatype: 'colour' },
	{ code: 'empty', datatype: 'singlevaluelist', values: [] },
	{ code: 'bins', datatype: 'string' },
	'nonsense',
];

describe('attribute definitions', () => {
	it('keeps the usable questions, in order, from what the administrator edited (also as a JSON string)', () => {
		const definitions = readAttributeDefinitions(JSON.stringify(RAW));
		expect(definitions.map((definition) => definition.code)).toEqual(['smell', 'bins', 'kinds', 'note']);
		expect(definitions[0]).toMatchObject({
			required: false,
			help_fr: 'Choisissez',
			help_ar: 'Choisissez',
			values: [{ key: 'none' }, { key: 'strong' }],
		});
		expect(readAttributeDefinitions(null)).toEqual([]);
		expect(readAttributeDefinitions('{not json')).toEqual([]);
		expect(readAttributeDefinitions({ code: 'a' })).toEqual([]);
	});

	it('shows them as GeoReport v2 attributes in French or Arabic, ordered from 1', () => {
		const definitions = readAttributeDefinitions(RAW);
		expect(open311Attributes(definitions, 'fr')[0]).toEqual({
			variable: true,
			code: 'smell',
			datatype: 'singlevaluelist',
			required: false,
			datatype_description: 'Choisissez',
			order: 1,
			description: 'Odeur ?',
			values: [
				{ key: 'none', name: 'Aucune' },
				{ key: 'strong', name: 'Forte' },
			],
		});
		const arabic = open311Attributes(definitions, 'ar');
		expect(arabic[1]).toEqual({
			variable: true,
			code: 'bins',
			datatype: 'number',
			required: true,
			datatype_description: null,
			order: 2,
			description: 'عدد الحاويات',
		});
		expect(portalAttributes(definitions)[2]).toMatchObject({
			code: 'kinds',
			question_ar: 'النفايات',
			values: [{ key: 'green', name_ar: 'خضراء' }, { key: 'rubble' }],
		});
	});
});

describe('answers', () => {
	const definitions = readAttributeDefinitions(RAW);

	it('stores valid answers with the question and the answer in both languages', () => {
		const { answers, errors } = readAnswers(definitions, {
			bins: '3',
			smell: 'strong',
			kinds: ['rubble', 'green'],
			note: ' derrière\u202E le marché ',
		});
		expect(errors).toEqual([]);
		expect(answers).toEqual([
			{
				code: 'smell',
				question_fr: 'Odeur ?',
				question_ar: 'رائحة؟',
				value: 'strong',
				answer_fr: 'Forte',
				answer_ar: 'قوية',
			},
			{
				code: 'bins',
				question_fr: 'Nombre de bacs',
				question_ar: 'عدد الحاويات',
				value: 3,
				answer_fr: '3',
				answer_ar: '3',
			},
			{
				code: 'kinds',
				question_fr: 'Déchets',
				question_ar: 'النفايات',
				value: ['green', 'rubble'],
				answer_fr: 'Verts, Gravats',
				answer_ar: 'خضراء، ردم',
			},
			{
				code: 'note',
				question_fr: 'Précisions',
				question_ar: 'توضيحات',
				value: 'derrière le marché',
				answer_fr: 'derrière le marché',
				answer_ar: 'derrière le marché',
			},
		]);
	});

	it('refuses each wrong answer field by field', () => {
		const { errors } = readAnswers(definitions, {
			smell: 'rotten',
			kinds: ['green', 'glass'],
			note: 'x'.repeat(2001),
			colour: 'red',
		});
		expect(errors.map((error) => [error.field, error.key])).toEqual([
			['attribute[colour]', 'surface.attribute.unknown'],
			['attribute[smell]', 'surface.attribute.choice'],
			['attribute[bins]', 'surface.attribute.required'],
			['attribute[kinds]', 'surface.attribute.choice'],
			['attribute[note]', 'surface.attribute.too_long'],
		]);
		expect(readAnswers(definitions, { bins: '3 bacs' }).errors.map((error) => error.key)).toEqual([
			'surface.attribute.number',
		]);
		expect(readAnswers(definitions, { bins: ['1', '2'] }).errors.map((error) => error.key)).toEqual([
			'surface.attribute.single',
		]);
		expect(readAnswers(definitions, { bins: { $gt: 1 } }).errors.map((error) => error.key)).toEqual([
			'surface.attribute.invalid',
		]);
		expect(readAnswers(definitions, { bins: '2' }, (code) => `attributes.${code}`).errors).toEqual([]);
	});

	it('reads attribute[code] and attribute[code][] parameters', () => {
		const { answers, rest } = answersFromParameters([
			['api_key', 'k'],
			['attribute[bins]', '2'],
			['attribute[kinds][]', 'green'],
			['attribute[kinds][]', 'rubble'],
			['attribute[__proto__]', 'x'],
		]);
		expect({ ...answers }).toEqual({ bins: '2', kinds: ['green', 'rubble'], ['__proto__']: 'x' });
		expect(rest).toEqual([['api_key', 'k']]);
		expect(readAnswers(definitions, answers).errors.map((error) => error.field)).toContain('attribute[__proto__]');
	});
});
