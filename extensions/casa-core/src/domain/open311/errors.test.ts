import { describe, expect, it } from 'vitest';
import { fromFieldErrors, open311Error, open311Message } from './errors';

describe('Open311 errors', () => {
	it('says every Open311-only message in French and Arabic', () => {
		expect(open311Error(403, 'fr', 'api_key_invalid')).toEqual({
			code: 403,
			description: 'Clé api_key inconnue ou désactivée.',
		});
		expect(open311Error(403, 'ar', 'api_key_invalid').description).toBe('مفتاح api_key غير معروف أو معطل.');
		expect(open311Message('fr', 'service_not_found', 'XYZ-99')).toBe('Service inconnu ou désactivé : « XYZ-99 ».');
		expect(open311Message('ar', 'date_span', 90)).toContain('90');
	});

	it('turns the intake field errors into "<parameter>: <message>" with Open311 parameter names', () => {
		const errors = [
			{
				message: 'Catégorie inconnue ou désactivée : « XYZ-99 ».',
				extensions: { field: 'category', reason: 'field.category_unknown' },
			},
			{
				message: 'Latitude et longitude doivent être fournies ensemble, en degrés décimaux.',
				extensions: { field: 'latitude' },
			},
			{
				message: 'Numéro de téléphone marocain invalide (ex. 06 12 34 56 78).',
				extensions: { field: 'citizen_phone' },
			},
			{ message: 'Le champ « description » est obligatoire.', extensions: { field: 'description' } },
			{ message: 'Sans champ', extensions: null },
		];
		expect(fromFieldErrors(errors)).toEqual([
			{ code: 400, description: 'service_code: Catégorie inconnue ou désactivée : « XYZ-99 ».' },
			{ code: 400, description: 'lat: Latitude et longitude doivent être fournies ensemble, en degrés décimaux.' },
			{ code: 400, description: 'phone: Numéro de téléphone marocain invalide (ex. 06 12 34 56 78).' },
			{ code: 400, description: 'description: Le champ « description » est obligatoire.' },
			{ code: 400, description: 'Sans champ' },
		]);
	});
});
