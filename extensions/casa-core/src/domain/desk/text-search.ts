// Search in French and Arabic that forgives accents, Arabic diacritics and
// the usual spelling variants (hamza on alef, tā' marbūṭa, alif maqṣūra).
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '') // Latin accents and Arabic harakat (U+064B–U+065F, U+0670 are marks)
		.replace(/\u0640/g, '') // tatweel
		.replace(/[أإآٱ]/g, 'ا')
		.replace(/ة/g, 'ه')
		.replace(/ى/g, 'ي')
		.replace(/ؤ/g, 'و')
		.replace(/ئ/g, 'ي')
		.replace(/[’'`´-]/g, ' ')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

export interface SearchableCategory {
	code: string;
	service: string;
	name_fr: string;
	name_ar: string;
	keywords?: string | null;
	service_name_fr?: string;
	service_name_ar?: string;
}

/**
 * Categories matching every word of the query, best first: code, then a name
 * starting with the query, a word of a name starting with a query word,
 * a name containing it, then keywords and the service name.
 */
export function searchCategories<T extends SearchableCategory>(categories: T[], query: string, limit = 12): T[] {
	const exact = categories.find((category) => category.code.toLowerCase() === query.trim().toLowerCase());
	if (exact) return [exact];
	const words = fold(query).split(' ').filter(Boolean);
	if (words.length === 0) return categories.slice(0, limit);
	const scored: { category: T; score: number; index: number }[] = [];
	categories.forEach((category, index) => {
		const names = [fold(category.name_fr), fold(category.name_ar)];
		const extra = fold(
			[category.keywords ?? '', category.service_name_fr ?? '', category.service_name_ar ?? ''].join(' '),
		);
		const code = category.code.toLowerCase();
		let score = 0;
		for (const word of words) {
			let best = 0;
			if (code.startsWith(word)) best = 50;
			for (const name of names) {
				if (name.startsWith(word)) best = Math.max(best, 40);
				else if (name.split(' ').some((part) => part.startsWith(word))) best = Math.max(best, 30);
				else if (name.includes(word)) best = Math.max(best, 15);
			}
			if (best === 0 && extra.split(' ').some((part) => part.startsWith(word))) best = 8;
			if (best === 0 && extra.includes(word)) best = 4;
			if (best === 0) return; // every word must match somewhere
			score += best;
		}
		scored.push({ category, score, index });
	});
	return scored
		.sort((a, b) => b.score - a.score || a.index - b.index)
		.slice(0, limit)
		.map((entry) => entry.category);
}

/**
 * The categories the suggestion found for the query (by meaning, in French,
 * Arabic or Darija: GET /portal/api/categories/suggest), then those matching
 * its words; each once, at most `limit`. The suggestion counts only for the
 * query it answered: an answer for older text is ignored.
 */
export function withSuggested<T extends SearchableCategory>(
	categories: T[],
	query: string,
	suggested: { text: string; codes: string[] },
	limit = 12,
): T[] {
	const byCode = new Map(categories.map((category) => [category.code, category]));
	const fresh = suggested.text.trim() !== '' && suggested.text.trim() === query.trim() ? suggested.codes : [];
	const first = fresh.map((code) => byCode.get(code)).filter((category): category is T => category !== undefined);
	const taken = new Set(first.map((category) => category.code));
	return [
		...first,
		...searchCategories(categories, query, limit).filter((category) => !taken.has(category.code)),
	].slice(0, limit);
}
