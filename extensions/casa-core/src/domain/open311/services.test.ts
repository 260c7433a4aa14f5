import { describe, expect, it } from 'vitest';
import {
	type CategoryRow,
	type Open311Attribute,
	type ServiceRow,
	discoveryDocument,
	keywordList,
	serviceDefinition,
	serviceList,
	serviceNotice,
} from './services';

const SERVICES: ServiceRow[] = [
	{ code: 'PROP', name_fr: 'Propreté', name_ar: 'النظافة' },
	{ code: 'ECL', name_fr: 'Éclairage public', name_ar: 'الإنارة العمومية' },
];
const CATEGORIES: CategoryRow[] = [
	{
		code: 'ECL-01',
		service: 'ECL',
		name_fr: 'Lampadaire éteint',
		name_ar: 'عمود إنارة معطل',
		keywords: null,
		resolve_in: 3,
		resolve_unit: 'working_days',
	},
	{
		code: 'PROP-01',
		service: 'PROP',
		name_fr: 'Ordures ménagères non collectées',
		name_ar: 'عدم جمع النفايات المنزلية',
		keywords: 'poubelle; zbel\nordures, poubelle',
		resolve_in: 1,
		resolve_unit: 'working_days',
	},
	{
		code: 'PROP-02',
		service: 'PROP',
		name_fr: 'Conteneur plein ou débordant',
		name_ar: null,
		keywords: '',
		resolve_in: 1,
		resolve_unit: 'working_days',
	},
	{ code: 'OLD-01', service: 'OLD', name_fr: 'Service désactivé', name_ar: 'مصلحة معطلة' },
];

describe('Open311 services', () => {
	it('lists one service per category, grouped by service, in French', () => {
		const list = serviceList(SERVICES, CATEGORIES, 'fr');
		expect(list.map((service) => service.service_code)).toEqual(['PROP-01', 'PROP-02', 'ECL-01']);
		expect(list[0]).toEqual({
			service_code: 'PROP-01',
			service_name: 'Ordures ménagères non collectées',
			description: 'Propreté — Ordures ménagères non collectées',
			metadata: false,
			type: 'realtime',
			keywords: 'poubelle, zbel, ordures',
			group: 'Propreté',
		});
		expect(list[1].keywords).toBeNull();
	});

	it('names services in Arabic, falling back to French where Arabic is missing', () => {
		const list = serviceList(SERVICES, CATEGORIES, 'ar');
		expect(list[0]).toMatchObject({
			service_name: 'عدم جمع النفايات المنزلية',
			group: 'النظافة',
			description: 'النظافة — عدم جمع النفايات المنزلية',
		});
		expect(list[1].service_name).toBe('Conteneur plein ou débordant');
	});

	it('announces metadata only for services that have attributes, ordered in the definition', () => {
		const attributes: Open311Attribute[] = [
			{
				variable: true,
				code: 'ETAGE',
				datatype: 'number',
				required: false,
				datatype_description: null,
				order: 2,
				description: 'Étage',
			},
			{
				variable: true,
				code: 'TYPE',
				datatype: 'singlevaluelist',
				required: true,
				datatype_description: null,
				order: 1,
				description: 'Type',
				values: [{ key: 'b', name: 'Bac' }],
			},
		];
		const list = serviceList(SERVICES, CATEGORIES, 'fr', new Map([['PROP-02', attributes]]));
		expect(list.map((service) => service.metadata)).toEqual([false, true, false]);
		expect(serviceDefinition({ code: 'PROP-02' }, attributes).attributes.map((attribute) => attribute.code)).toEqual([
			'TYPE',
			'ETAGE',
		]);
		expect(serviceDefinition({ code: 'PROP-01' })).toEqual({ service_code: 'PROP-01', attributes: [] });
	});

	it('states the target resolution time of a category', () => {
		expect(serviceNotice({ resolve_in: 1, resolve_unit: 'working_days' }, 'fr')).toBe(
			'Délai de traitement visé : 1 jour ouvré, dans la limite légale de 60 jours.',
		);
		expect(serviceNotice({ resolve_in: 10, resolve_unit: 'calendar_days' }, 'fr')).toBe(
			'Délai de traitement visé : 10 jours calendaires, dans la limite légale de 60 jours.',
		);
		expect(serviceNotice({ resolve_in: '0.5', resolve_unit: 'working_days' }, 'fr')).toContain('0,5 jour ouvré');
		expect(serviceNotice({ resolve_in: 3, resolve_unit: 'working_days' }, 'ar')).toBe(
			'أجل المعالجة المستهدف: 3 (أيام العمل)، في حدود الأجل القانوني (60 يوماً).',
		);
		expect(serviceNotice({ resolve_in: null }, 'fr')).toBeNull();
	});

	it('reads keywords written with commas, semicolons or lines', () => {
		expect(keywordList(' a ,b;;c\n a ')).toBe('a, b, c');
		expect(keywordList(null)).toBeNull();
		expect(keywordList(' , ')).toBeNull();
	});

	it('describes the endpoint for service discovery', () => {
		const document = discoveryDocument({
			publicUrl: 'https://reclamations.casablancacity.ma/',
			production: true,
			language: 'fr',
		});
		expect(document.endpoints).toEqual([
			{
				specification: 'http://wiki.open311.org/GeoReport_v2',
				url: 'https://reclamations.casablancacity.ma/open311/v2',
				changeset: document.changeset,
				type: 'production',
				formats: ['text/xml', 'application/json'],
			},
		]);
		expect(document.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		expect(document.key_service).toContain('api_key');
		expect(
			discoveryDocument({ publicUrl: 'http://localhost:8055', production: false, language: 'ar' }).endpoints[0].type,
		).toBe('test');
		expect(
			discoveryDocument({ publicUrl: 'http://localhost:8055', production: false, language: 'ar' }).contact,
		).toContain('جماعة الدار البيضاء');
	});
});
