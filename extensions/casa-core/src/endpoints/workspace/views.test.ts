import { describe, expect, it } from 'vitest';
import { categoryAnswers, historyEntry, replyTemplates } from './views';

describe('workspace views', () => {
	it('reads reply templates and answers stored as JSON text (SQLite) or parsed (PostgreSQL), in the user language', () => {
		const templates = [
			{ label_fr: 'Collecte faite', label_ar: 'تم الجمع', text_fr: 'Le bac a été vidé.', text_ar: 'تم إفراغ الحاوية.' },
			{ label_fr: 'Sans texte' },
		];
		expect(replyTemplates(JSON.stringify(templates), 'ar')).toEqual([{ label: 'تم الجمع', text: 'تم إفراغ الحاوية.' }]);
		expect(replyTemplates(templates, 'fr')).toEqual([{ label: 'Collecte faite', text: 'Le bac a été vidé.' }]);
		expect(replyTemplates('{not json', 'fr')).toEqual([]);
		expect(replyTemplates(null, 'fr')).toEqual([]);
		const answers = [{ question_fr: 'Odeur', question_ar: 'الرائحة', answer_fr: 'Forte', answer_ar: 'قوية' }];
		expect(categoryAnswers(JSON.stringify(answers), 'ar')).toEqual([{ question: 'الرائحة', answer: 'قوية' }]);
		expect(categoryAnswers({ not: 'a list' }, 'fr')).toEqual([]);
	});

	it('never shows the values of a contact correction in the timeline', () => {
		const entry = historyEntry(
			{
				id: 1,
				type: 'correction',
				body: JSON.stringify({ field: 'citizen_phone', from: '0661000111', to: '0661000222' }),
				actor_kind: 'staff',
				actor_first: 'Salma',
				actor_last: 'Bennani',
				date_created: Date.UTC(2026, 11, 6),
			},
			'fr',
			{ category: (code) => code },
		);
		expect(entry).toMatchObject({ label: 'Téléphone du citoyen corrigé', body: null, actor_label: 'Salma Bennani' });
		expect(JSON.stringify(entry)).not.toContain('0661000');
	});
});
