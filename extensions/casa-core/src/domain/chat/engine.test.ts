import { describe, expect, it } from 'vitest';
import {
	type Catalog,
	type Conversation,
	type Inbound,
	completed,
	greet,
	handle,
	intakeBody,
	isExpired,
	refused,
} from './engine';
import { intentOf, shortcutIn } from './vocabulary';

const catalog: Catalog = {
	services: [
		{ code: 'PROP', name_fr: 'Propreté', name_ar: 'النظافة' },
		{ code: 'VOI', name_fr: 'Voirie et assainissement', name_ar: 'الطرق والتطهير' },
		{ code: 'ECL', name_fr: 'Éclairage public', name_ar: 'الإنارة العمومية' },
	],
	categories: [
		{
			code: 'PROP-01',
			service: 'PROP',
			name_fr: 'Ordures ménagères non collectées',
			name_ar: 'عدم جمع النفايات المنزلية',
		},
		{
			code: 'PROP-02',
			service: 'PROP',
			name_fr: 'Conteneur plein ou débordant',
			name_ar: 'حاوية ممتلئة أو فائضة',
			keywords: 'bac benne',
		},
		{ code: 'VOI-01', service: 'VOI', name_fr: 'Nid-de-poule / chaussée dégradée', name_ar: 'حفرة أو تدهور الطريق' },
		{ code: 'ECL-01', service: 'ECL', name_fr: 'Lampadaire éteint ou clignotant', name_ar: 'عمود إنارة معطل أو متقطع' },
	],
};

const text = (value: string): Inbound => ({ kind: 'text', text: value });

function run(first: string, inputs: Inbound[]) {
	let turn = greet(text(first), catalog);
	const turns = [turn];
	for (const input of inputs) {
		turn = handle(turn.conversation, input, catalog);
		turns.push(turn);
	}
	return { last: turn, turns };
}

describe('chat vocabulary', () => {
	it('understands yes and no in French, Arabic and Darija', () => {
		for (const word of ['oui', 'Wah', 'iyeh', 'نعم', 'ah', 'Wakha!']) expect(intentOf(word)).toBe('yes');
		for (const word of ['non', 'la', 'لا', 'Lla']) expect(intentOf(word)).toBe('no');
		for (const word of ['stop', 'Annuler', 'الغاء', 'إلغاء']) expect(intentOf(word)).toBe('cancel');
		for (const word of ['retour', 'back', 'rjae', 'رجوع']) expect(intentOf(word)).toBe('back');
	});

	it('maps common words to services and categories', () => {
		expect(shortcutIn('kayn zbel bzaf')?.service).toBe('PROP');
		expect(shortcutIn('ازبال قدام الدار')?.service).toBe('PROP');
		expect(shortcutIn('la lumière ne marche pas')?.service).toBe('ECL');
		expect(shortcutIn('الضو مطفي')?.service).toBe('ECL');
		expect(shortcutIn('wahd 7ofra kbira')?.category).toBe('VOI-01');
		expect(shortcutIn('un nid de poule')?.category).toBe('VOI-01');
		expect(shortcutIn('bonjour')).toBeNull();
	});
});

describe('chat engine', () => {
	it('greets in the language of the first message', () => {
		expect(greet(text('Bonjour'), catalog).conversation.language).toBe('fr');
		const arabic = greet(text('السلام عليكم'), catalog);
		expect(arabic.conversation.language).toBe('ar');
		expect(arabic.replies[1].choices?.map((choice) => choice.title)).toEqual([
			'النظافة',
			'الطرق والتطهير',
			'الإنارة العمومية',
		]);
	});

	it('walks from the first message to a submission, then answers with the reference', () => {
		const { last, turns } = run('Bonjour', [
			{ kind: 'choice', id: 'PROP' },
			{ kind: 'choice', id: 'PROP-02' },
			text('Le conteneur déborde depuis trois jours'),
			{ kind: 'location', latitude: 33.5463, longitude: -7.6787, address: 'Bd Zerktouni' },
			{ kind: 'photo', photo: { file: 'x' } },
			text('wah'),
		]);
		expect(turns.map((turn) => turn.conversation.state)).toEqual([
			'service',
			'category',
			'description',
			'location',
			'photo',
			'confirm',
			'submitting',
		]);
		expect(turns[2].replies[0].text).toContain('Décrivez');
		expect(turns[3].replies[0].location).toBe(true);
		expect(turns[5].replies[0].text).toContain('Conteneur plein ou débordant');
		expect(turns[5].replies[0].text).toContain('Bd Zerktouni');
		expect(last.submit).toBe(true);
		expect(intakeBody(last.conversation)).toEqual({
			category: 'PROP-02',
			description: 'Le conteneur déborde depuis trois jours',
			latitude: 33.5463,
			longitude: -7.6787,
			address: 'Bd Zerktouni',
			citizen_language: 'fr',
		});
		const done = completed(last.conversation, {
			reference: 'CAS-2026-000001',
			trackingUrl: 'https://x/portal/suivi/CAS-2026-000001#s',
		});
		expect(done.conversation.state).toBe('done');
		expect(done.replies[0].text).toContain('CAS-2026-000001');
		expect(done.replies[0].text).toContain('https://x/portal/suivi/CAS-2026-000001#s');
	});

	it('accepts numbers and names as choices, and a Darija word as the first message', () => {
		const { turns } = run('kayn zbel', [text('2'), text('ماكاينش شي واحد جمع الأزبال هادي سيمانة'), text('stop')]);
		expect(turns[0].conversation.state).toBe('category');
		expect(turns[1].conversation.draft.category).toBe('PROP-02');
		expect(turns[3].conversation.state).toBe('cancelled');
	});

	it('asks the category suggestion about free text that names no service or category, and takes only a sure answer', () => {
		const asked: string[] = [];
		const withSuggestion: Catalog = {
			...catalog,
			suggest: (value) => (
				asked.push(value),
				value.includes('t3ayetch') ? 'PROP-01' : value.includes('daw') ? 'ECL-01' : null
			),
		};
		const first = greet(text('bonjour'), withSuggestion);
		const turn = handle(first.conversation, text('chi haja ma t3ayetch f derb'), withSuggestion);
		expect(turn.conversation).toMatchObject({ state: 'description', draft: { service: 'PROP', category: 'PROP-01' } });
		expect(asked).toContain('chi haja ma t3ayetch f derb');
		// in the category step, only a category of the chosen service
		const inService = handle(
			handle(first.conversation, { kind: 'choice', id: 'PROP' }, withSuggestion).conversation,
			text('daw tafi'),
			withSuggestion,
		);
		expect(inService.conversation.state).toBe('category');
		expect(handle(first.conversation, text('walou'), withSuggestion).conversation.state).toBe('service');
	});

	it('goes straight to the description for a word that names a category', () => {
		const turn = greet(text('حفرة كبيرة'), catalog);
		expect(turn.conversation).toMatchObject({
			state: 'description',
			language: 'ar',
			draft: { service: 'VOI', category: 'VOI-01' },
		});
	});

	it('asks again, in the same language, what it did not understand', () => {
		const { turns } = run('السلام', [
			text('بيتزا'),
			{ kind: 'choice', id: 'ECL' },
			text('1'),
			text('قصير'),
			text('العمود مطفي من نهار الجمعة'),
			text('زنقة 12 حي السلام'),
		]);
		expect(turns[1].conversation.state).toBe('service');
		expect(turns[1].replies[0].text).toContain('لم أتعرف على هذه المصلحة');
		expect(turns[4].conversation.state).toBe('description');
		expect(turns[4].replies[0].text).toContain('الوصف قصير جداً');
		expect(turns[6].conversation.state).toBe('location');
		expect(turns[6].replies[0].text).toContain('أحتاج إلى موقع المشكل');
	});

	it('goes back one step with retour / رجوع / rjae and cancels with الغاء at any step', () => {
		const { turns } = run('Bonjour', [
			{ kind: 'choice', id: 'PROP' },
			text('retour'),
			{ kind: 'choice', id: 'VOI' },
			text('rjae'),
		]);
		expect(turns.map((turn) => turn.conversation.state)).toEqual([
			'service',
			'category',
			'service',
			'category',
			'service',
		]);
		for (const state of ['service', 'category', 'description', 'location', 'photo', 'confirm'] as const) {
			const conversation: Conversation = { state, language: 'ar', draft: { service: 'PROP' } };
			const turn = handle(conversation, text('الغاء'), catalog);
			expect(turn.conversation.state).toBe('cancelled');
			expect(turn.replies[0].text).toContain('تم الإلغاء');
		}
	});

	it('lets the photo be skipped, and "non" at the confirmation files nothing', () => {
		const atPhoto: Conversation = {
			state: 'photo',
			language: 'fr',
			draft: { category: 'PROP-01', description: 'x'.repeat(12), latitude: 33.5, longitude: -7.6 },
		};
		const skipped = handle(atPhoto, text('passer'), catalog);
		expect(skipped.conversation).toMatchObject({ state: 'confirm', draft: { photo: null } });
		expect(skipped.replies[0].text).toContain('sans photo');
		expect(handle(skipped.conversation, text('non'), catalog).conversation.state).toBe('cancelled');
		expect(handle(skipped.conversation, text('peut-être'), catalog).conversation.state).toBe('confirm');
		expect(handle(atPhoto, { kind: 'photo', photo: null }, catalog).replies[0].text).toContain(
			'pas pu lire cette image',
		);
	});

	it('switches language on request without losing the draft', () => {
		const conversation: Conversation = { state: 'category', language: 'fr', draft: { service: 'PROP' } };
		const turn = handle(conversation, text('العربية'), catalog);
		expect(turn.conversation).toMatchObject({ state: 'category', language: 'ar', draft: { service: 'PROP' } });
		expect(turn.replies[0].text).toContain('النظافة');
	});

	it('returns to the faulty step when the intake refuses the draft', () => {
		const conversation: Conversation = { state: 'submitting', language: 'fr', draft: {} };
		const turn = refused(conversation, [{ field: 'latitude', message: 'Ce point est hors de la commune.' }], catalog);
		expect(turn.conversation.state).toBe('location');
		expect(turn.replies[0].text).toContain('hors de la commune');
		expect(turn.replies[0].location).toBe(true);
	});

	it('knows when an idle conversation has expired', () => {
		const now = new Date('2026-05-01T10:00:00Z');
		expect(isExpired(new Date('2026-05-01T09:59:59Z'), now)).toBe(true);
		expect(isExpired(new Date('2026-05-01T10:00:01Z'), now)).toBe(false);
		expect(isExpired(null, now)).toBe(false);
	});
});
