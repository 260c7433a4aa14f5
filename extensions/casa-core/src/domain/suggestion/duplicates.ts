// Likely duplicates of a new complaint among the open ones nearby, ranked by
// meaning and place: how alike the texts are (the suggestion's normalised words
// and consonant skeletons, so "zbel" meets "الزبل"), how close, how recent.
// Pure scoring; the adapters fetch the candidates (open, within the radius and
// period of the platform settings) and keep what they may show.
import { features } from './normalise';

export interface DuplicateCandidate {
	description: string | null;
	category: string | null;
	distanceM: number;
	receivedAt: Date;
}

export interface DuplicateQuery {
	text: string;
	category: string | null;
	now: Date;
	radiusM: number;
	periodDays: number;
}

/** Weights of text similarity (what makes a duplicate), closeness and recency (within the radius and period); a same category adds SAME_CATEGORY. */
export const WEIGHTS = { text: 1, place: 0.3, time: 0.2 };
const SAME_CATEGORY = 0.15;
/** Below this text similarity, a complaint of another category is not offered. */
export const OTHER_CATEGORY_MIN_SIMILARITY = 0.25;

/** Words and skeletons of a text, the signs of meaning two complaints share (trigrams left out: too common). */
function meaning(text: string): Set<string> {
	return new Set(features(text.slice(0, 2000)).filter((feature) => !feature.startsWith('c:')));
}

/** Cosine similarity of two texts' sets of words and skeletons, 0..1. */
export function textSimilarity(a: string, b: string): number {
	const left = meaning(a);
	const right = meaning(b);
	if (left.size === 0 || right.size === 0) return 0;
	let shared = 0;
	for (const item of left) if (right.has(item)) shared += 1;
	return shared / Math.sqrt(left.size * right.size);
}

export interface RankedDuplicate<T> {
	item: T;
	score: number;
	similarity: number;
}

/**
 * The candidates worth offering, best first: within the radius and period,
 * of the same category, or of another one when the texts are alike.
 */
export function rankDuplicates<T extends DuplicateCandidate>(
	query: DuplicateQuery,
	candidates: T[],
	limit = 10,
): RankedDuplicate<T>[] {
	const ranked: RankedDuplicate<T>[] = [];
	const periodMs = query.periodDays * 86_400_000;
	for (const item of candidates) {
		if (item.distanceM > query.radiusM) continue;
		const age = query.now.getTime() - item.receivedAt.getTime();
		if (age > periodMs) continue;
		const similarity = query.text.trim() && item.description ? textSimilarity(query.text, item.description) : 0;
		const sameCategory = query.category !== null && item.category === query.category;
		if (!sameCategory && similarity < OTHER_CATEGORY_MIN_SIMILARITY) continue;
		const place = 1 - item.distanceM / Math.max(query.radiusM, 1);
		const time = 1 - Math.max(age, 0) / Math.max(periodMs, 1);
		const score =
			WEIGHTS.text * similarity + WEIGHTS.place * place + WEIGHTS.time * time + (sameCategory ? SAME_CATEGORY : 0);
		ranked.push({ item, score: Math.round(score * 1000) / 1000, similarity: Math.round(similarity * 1000) / 1000 });
	}
	return ranked.sort((a, b) => b.score - a.score || a.item.distanceM - b.item.distanceM).slice(0, limit);
}
