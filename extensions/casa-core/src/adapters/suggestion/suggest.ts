// Category suggestion for a caller (portal, desk, workspace, chat, e-mail intake):
// the model's best categories, labelled in the caller's language.
import type { Knex } from 'knex';
import type { Language } from '../../domain/i18n/messages';
import { type Suggestion, isConfident } from '../../domain/suggestion/classifier';
import { type CategoryRow, hasModel, modelFor, retrain } from './model-store';

export interface LabelledSuggestion extends Suggestion {
	label: string;
	service: string;
}

let categoriesCache: { rows: CategoryRow[]; at: number } | null = null;

async function activeCategories(knex: Knex): Promise<CategoryRow[]> {
	if (categoriesCache && Date.now() - categoriesCache.at < 60_000) return categoriesCache.rows;
	const rows = (await knex('categories')
		.select('code', 'service', 'name_fr', 'name_ar', 'keywords')
		.where({ active: true })
		.orderBy('sort')) as CategoryRow[];
	categoriesCache = { rows, at: Date.now() };
	return rows;
}

/** The best categories for a text, best first (only active ones), with labels in `language`. */
export async function suggestCategories(
	knex: Knex,
	text: string,
	language: Language,
	limit = 3,
): Promise<LabelledSuggestion[]> {
	const categories = await activeCategories(knex);
	// before the first training from the database ends, the seed corpus answers (and a training starts)
	if (!hasModel()) void retrain(knex).catch(() => undefined);
	const model = await modelFor(categories);
	const active = new Map(categories.map((category) => [category.code, category]));
	return model
		.suggest(text, limit + 2)
		.filter((suggestion) => active.has(suggestion.code))
		.slice(0, limit)
		.map((suggestion) => {
			const category = active.get(suggestion.code)!;
			return {
				...suggestion,
				label: language === 'ar' ? category.name_ar : category.name_fr,
				service: category.service,
			};
		});
}

/** The category to file a complaint in without an agent, or null when the suggestion is not sure enough. */
export async function confidentCategory(knex: Knex, text: string): Promise<string | null> {
	const suggestions = await suggestCategories(knex, text, 'fr', 3);
	return isConfident(suggestions) ? suggestions[0].code : null;
}
