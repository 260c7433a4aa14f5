import { describe, expect, it } from 'vitest';
import { ar, fr } from './locales/index';
import { LANGUAGES, pickLanguage, translate } from './messages';

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** Every leaf key as a dotted path, with its value. */
function leaves(tree: unknown, prefix = ''): [string, unknown][] {
	if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return [[prefix, tree]];
	return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
		leaves(value, prefix ? `${prefix}.${key}` : key),
	);
}

/** Every key (branches included) as a dotted path with its kind. */
function shape(tree: unknown, prefix = ''): string[] {
	if (tree === null || typeof tree !== 'object' || Array.isArray(tree))
		return [`${prefix}:${Array.isArray(tree) ? 'array' : typeof tree}`];
	return [
		`${prefix}:object`,
		...Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
			shape(value, prefix ? `${prefix}.${key}` : key),
		),
	];
}

function placeholders(text: string): string[] {
	return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
}

describe('translate', () => {
	it('interpolates the transition error in French', () => {
		expect(translate('fr', 'errors.transition.not_in_table', { fromLabel: 'Nouvelle', toLabel: 'Clôturée' })).toBe(
			'Passage interdit de « Nouvelle » à « Clôturée ».',
		);
	});

	it('interpolates the transition error in Arabic', () => {
		const text = translate('ar', 'errors.transition.not_in_table', { fromLabel: 'جديدة', toLabel: 'مغلقة' });
		expect(text).toBe('لا يمكن الانتقال من «جديدة» إلى «مغلقة».');
		expect(text).toMatch(ARABIC_LETTER);
	});

	it('interpolates several values', () => {
		expect(translate('fr', 'errors.field.too_long', { field: 'Description', limit: 5000 })).toBe(
			'Le champ « Description » dépasse 5000 caractères.',
		);
		expect(translate('ar', 'errors.field.too_long', { field: 'الوصف', limit: 5000 })).toBe(
			'الحقل «الوصف» يتجاوز 5000 حرفاً.',
		);
		expect(translate('fr', 'errors.field.outside_commune', { lat: 34.02, lng: -6.83 })).toBe(
			'Ce point (lat. 34.02, long. -6.83) est hors de la commune de Casablanca. Un agent peut forcer la localisation.',
		);
	});

	it('keeps the requested language when a value is named like an i18next option (lng, ns, context)', () => {
		// complaint-plan passes { lat, lng } as strings for field.outside_commune
		expect(translate('ar', 'errors.field.outside_commune', { lat: '33.57310', lng: '-7.58980' })).toBe(
			'هذه النقطة (خط العرض 33.57310، خط الطول -7.58980) خارج جماعة الدار البيضاء. يمكن للعون فرض الموقع.',
		);
		expect(translate('fr', 'errors.field.outside_commune', { lat: '33.57310', lng: '-7.58980' })).toBe(
			'Ce point (lat. 33.57310, long. -7.58980) est hors de la commune de Casablanca. Un agent peut forcer la localisation.',
		);
		expect(translate('ar', 'status.new', { ns: 'other', context: 'x', keySeparator: '|' })).toBe('جديدة');
	});

	it('does not escape interpolated values', () => {
		expect(translate('fr', 'errors.complaint.personal_data', { fields: 'citizen_name, citizen_phone' })).toBe(
			"Votre rôle n'a pas accès aux données personnelles des citoyens (citizen_name, citizen_phone).",
		);
		expect(translate('fr', 'errors.field.invalid_choice', { field: 'channel', value: '<b>&' })).toBe(
			'Valeur non autorisée pour « channel » : « <b>& ».',
		);
	});

	it('translates nested keys without values', () => {
		expect(translate('fr', 'errors.transition.missing_requirement.team')).toBe(
			"Pour affecter la réclamation, choisissez d'abord une équipe.",
		);
		expect(translate('ar', 'errors.transition.missing_requirement.team')).toBe('لإسناد الشكاية، اختر الفريق أولاً.');
		expect(translate('fr', 'status.waiting_citizen')).toBe('En attente du citoyen');
		expect(translate('ar', 'status.waiting_citizen')).toBe('في انتظار المواطن');
		expect(translate('fr', 'weekday.5')).toBe('Vendredi');
		expect(translate('ar', 'weekday.5')).toBe('الجمعة');
	});

	it('gives Arabic text with Arabic letters for a few keys', () => {
		for (const key of [
			'status.new',
			'errors.assignment.no_member',
			'errors.history.append_only',
			'sla_state.breached',
		]) {
			const text = translate('ar', key);
			expect(text, key).toMatch(ARABIC_LETTER);
			expect(text, key).not.toBe(translate('fr', key));
		}
	});

	it('returns the key itself for a key that does not exist', () => {
		expect(translate('fr', 'errors.nope.missing')).toBe('errors.nope.missing');
		expect(translate('ar', 'errors.nope.missing')).toBe('errors.nope.missing');
	});

	it('offers French and Arabic', () => {
		expect([...LANGUAGES]).toEqual(['fr', 'ar']);
	});
});

// i18next plural forms differ by language: Arabic has zero, one, two, few, many and other; French one, many and other
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Keys with plural forms: those with an `_other` form in either language (« too_many » alone is no plural). */
const PLURAL_BASES = new Set(
	[...leaves(fr), ...leaves(ar)]
		.map(([key]) => key)
		.filter((key) => key.endsWith('_other'))
		.map((key) => key.slice(0, -'_other'.length)),
);
const pluralBase = (key: string) => {
	const base = key.replace(PLURAL_SUFFIX, '');
	return base !== key && PLURAL_BASES.has(base) ? base : key;
};
const isPlural = (key: string) => pluralBase(key) !== key;
/** A language's name is written in that language (an endonym): « Français » in the Arabic list of languages. */
const ENDONYM = /\.language_names\.fr$/;

describe('locale files', () => {
	// plural forms count once per language (the set of forms is each language's own)
	const singular = (entries: [string, unknown][]) => [
		...new Map(entries.map(([key, value]) => [pluralBase(key), value])).entries(),
	];
	const frLeaves = singular(leaves(fr));
	const arLeaves = singular(leaves(ar));

	it('have the same keys, deeply, with the same structure', () => {
		const collapse = (keys: string[]) => [
			...new Set(
				keys.map((entry) => {
					const [key, kind] = entry.split(':');
					return `${pluralBase(key)}:${kind}`;
				}),
			),
		];
		expect(collapse(shape(ar)).sort()).toEqual(collapse(shape(fr)).sort());
	});

	it('have every plural form Arabic needs (zero, one, two, few, many, other) wherever French has plurals', () => {
		const arKeys = new Set(leaves(ar).map(([key]) => key));
		for (const [key] of leaves(fr).filter(([key]) => /_other$/.test(key)))
			for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
				expect(arKeys.has(`${pluralBase(key)}_${form}`), `${pluralBase(key)}_${form}`).toBe(true);
	});

	it('have every French key in Arabic', () => {
		const arKeys = new Set(arLeaves.map(([key]) => key));
		expect(frLeaves.map(([key]) => key).filter((key) => !arKeys.has(key))).toEqual([]);
	});

	it('have every Arabic key in French', () => {
		const frKeys = new Set(frLeaves.map(([key]) => key));
		expect(arLeaves.map(([key]) => key).filter((key) => !frKeys.has(key))).toEqual([]);
	});

	it('are not trivially small', () => {
		expect(frLeaves.length).toBeGreaterThan(100);
		expect(arLeaves.length).toBe(frLeaves.length);
	});

	it('hold only non-empty strings', () => {
		for (const [key, value] of [...frLeaves, ...arLeaves]) {
			expect(typeof value, key).toBe('string');
			expect((value as string).trim().length, key).toBeGreaterThan(0);
		}
	});

	it('write every Arabic message with Arabic letters', () => {
		for (const [key, value] of leaves(ar)) if (!ENDONYM.test(key)) expect(value, key).toMatch(ARABIC_LETTER);
	});

	it('use the same placeholders in both languages', () => {
		const arByKey = new Map(arLeaves);
		// a plural form may spell its number out (« يومان », two days): the forms' placeholders are checked by their _other form
		for (const [key, value] of leaves(fr)) {
			const arabic = arByKey.get(pluralBase(key)) ?? new Map(leaves(ar)).get(key);
			if (isPlural(key))
				expect(placeholders(String(new Map(leaves(ar)).get(`${pluralBase(key)}_other`))), key).toEqual(
					placeholders(String(value)),
				);
			else expect(placeholders(String(arabic)), key).toEqual(placeholders(String(value)));
		}
	});

	it('translate every message the transition and assignment checks can produce', () => {
		const keys = [
			'errors.transition.unknown_status',
			'errors.transition.same_status',
			'errors.transition.not_in_table',
			'errors.transition.actor_not_allowed',
			'errors.transition.missing_requirement.public_reply',
			'errors.transition.missing_requirement.rejection_reason',
			'errors.transition.missing_requirement.team',
			'errors.transition.missing_requirement.within_reopen_period',
			'errors.assignment.role_cannot_assign',
			'errors.assignment.team_outside_service',
			'errors.assignment.assignee_not_in_team',
			'errors.assignment.agent_claims_only_own',
		];
		for (const language of LANGUAGES)
			for (const key of keys) expect(translate(language, key), `${language}:${key}`).not.toBe(key);
	});
});

describe('pickLanguage', () => {
	it.each([
		[['ar-SA'], 'ar'],
		[['fr-FR'], 'fr'],
		[['ar,fr;q=0.8'], 'ar'],
		[['fr-MA,ar;q=0.9'], 'fr'],
		[['en-US'], 'fr'],
		[['en-US,en;q=0.9,ar;q=0.8'], 'ar'],
		[['AR'], 'ar'],
		[[' ar-MA '], 'ar'],
		[[null], 'fr'],
		[[undefined], 'fr'],
		[[''], 'fr'],
		[[], 'fr'],
		[[null, 'ar-MA'], 'ar'],
		[['en-GB', 'ar'], 'ar'],
		[['fr-FR', 'ar'], 'fr'],
		[['de-DE', 'es'], 'fr'],
	] as [(string | null | undefined)[], string][])('pickLanguage(%j) is %s', (candidates, expected) => {
		expect(pickLanguage(...candidates)).toBe(expected);
	});
});
