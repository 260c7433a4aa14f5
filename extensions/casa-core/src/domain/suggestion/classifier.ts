// Category suggestion from free text: a naive Bayes text classifier
// (wink-naive-bayes-text-classifier, binarised features, additive smoothing)
// over the features of normalise.ts. Trained from labelled examples: the seed
// corpus, each category's names and administrator-edited keywords, and the
// qualifications agents made. No network, no external service.
import winkClassifier from 'wink-naive-bayes-text-classifier';
import { features } from './normalise';

export type Script = 'fr' | 'ar' | 'darija-latn' | 'darija-arab';
export const SCRIPTS: Script[] = ['fr', 'ar', 'darija-latn', 'darija-arab'];

export interface LabelledText {
	category: string;
	text: string;
}

export interface Suggestion {
	code: string;
	/** 0..1, the share of the classifier's belief among all categories */
	score: number;
}

export interface SuggestionModel {
	/** the best categories for the text, best first; empty when no word is known */
	suggest(text: string, limit?: number): Suggestion[];
	readonly categories: string[];
	readonly examples: number;
}

/** Options of the classifier: smoothing and binarised counts suit short texts. */
export const CONFIG = { considerOnlyPresence: true, smoothingFactor: 0.3 };
/** Characters of a text that are looked at: a complaint says what it is about early. */
const MAX_TEXT = 600;
/**
 * Flattens the log2 odds into scores. Chosen on the held-out texts: with 6, a
 * confident suggestion (isConfident) was right 258 times out of 279 (92.5 %),
 * against 84 % for any first suggestion; with 1, 309 of 368.
 */
const TEMPERATURE = 6;

export interface Trainer {
	/** learns one example (left out when its category is not offered or it has no readable word) */
	add(example: LabelledText): void;
	/** the model of everything added; at least two categories need examples */
	finish(): SuggestionModel;
}

/**
 * A model trained one example at a time, so that a server can pause between
 * examples and keep answering. Examples of a category not in `categories`
 * (deactivated, unknown) are left out.
 */
export function createTrainer(categories?: Iterable<string>): Trainer {
	const allowed = categories ? new Set(categories) : null;
	const classifier = winkClassifier();
	classifier.defineConfig(CONFIG);
	let count = 0;
	const seen = new Set<string>();
	return {
		add(example: LabelledText) {
			if (allowed && !allowed.has(example.category)) return;
			const tokens = features(example.text.slice(0, MAX_TEXT));
			if (tokens.length === 0) return;
			classifier.learn(tokens, example.category);
			seen.add(example.category);
			count += 1;
		},
		finish() {
			if (seen.size < 2) throw new Error('suggestion: at least two categories need examples');
			classifier.consolidate();
			return modelOf(oddsOf(classifier), [...seen], count);
		},
	};
}

/** Trains a model on the examples at once (see createTrainer). */
export function trainModel(examples: LabelledText[], categories?: Iterable<string>): SuggestionModel {
	const trainer = createTrainer(categories);
	for (const example of examples) trainer.add(example);
	return trainer.finish();
}

type Odds = (tokens: string[]) => [string, number][];

/**
 * wink's log2 odds of every label (NaiveBayesTextClassifier#computeOdds),
 * computed from its exported counts with each token's total over all labels
 * added up once: the same figures in O(tokens × labels) instead of wink's
 * O(tokens × labels²), which took 10–40 ms a suggestion with 47 categories.
 * classifier.test.ts checks the figures against wink's own.
 */
export function oddsOf(classifier: ReturnType<typeof winkClassifier>): Odds {
	const [config, samples, count, words, vocabulary] = JSON.parse(classifier.exportJSON()) as [
		{ smoothingFactor: number },
		Record<string, number>,
		Record<string, Record<string, number>>,
		Record<string, number>,
		string[],
	];
	const smoothing = config.smoothingFactor;
	const labels = Object.keys(samples);
	const totalSamples = labels.reduce((sum, label) => sum + samples[label], 0);
	const totalWords = labels.reduce((sum, label) => sum + words[label], 0);
	const known = new Set(vocabulary);
	const tokenTotal = new Map<string, number>();
	for (const label of labels)
		for (const [token, n] of Object.entries(count[label])) tokenTotal.set(token, (tokenTotal.get(token) ?? 0) + n);
	const size = known.size;
	const perLabel = labels.map((label) => ({
		label,
		counts: count[label],
		denominator: Math.log2(words[label] + size * smoothing),
		inverseDenominator: Math.log2(totalWords - words[label] + size * smoothing),
		prior: Math.log2(samples[label]) - Math.log2(totalSamples),
		inversePrior: Math.log2(totalSamples - samples[label]) - Math.log2(totalSamples),
	}));
	return (tokens) => {
		const present = tokens.filter((token) => known.has(token));
		if (present.length === 0) return [];
		const odds: [string, number][] = perLabel.map((entry) => {
			let likelihood = 0;
			let inverse = 0;
			for (const token of present) {
				const inLabel = entry.counts[token] ?? 0;
				likelihood += Math.log2(inLabel + smoothing) - entry.denominator;
				inverse += Math.log2(tokenTotal.get(token)! - inLabel + smoothing) - entry.inverseDenominator;
			}
			return [entry.label, likelihood + entry.prior - (inverse + entry.inversePrior)];
		});
		return odds.sort((a, b) => b[1] - a[1]);
	};
}

function modelOf(computeOdds: Odds, known: string[], count: number): SuggestionModel {
	return {
		categories: known,
		examples: count,
		suggest(text: string, limit = 3): Suggestion[] {
			// presence only, as in training: each feature once
			const tokens = [...new Set(features(text.slice(0, MAX_TEXT)))];
			if (tokens.length === 0) return [];
			const odds = computeOdds(tokens);
			if (odds.length === 0) return [];
			// log2 odds → shares that add up to 1 (softmax in base 2, shifted for precision)
			const top = odds[0][1];
			let total = 0;
			const weights = odds.map(([code, value]) => {
				const weight = 2 ** ((value - top) / TEMPERATURE);
				total += weight;
				return { code, weight };
			});
			return weights
				.slice(0, Math.max(1, limit))
				.map(({ code, weight }) => ({ code, score: Math.round((weight / total) * 1000) / 1000 }));
		},
	};
}

/**
 * Whether a suggestion is sure enough to file a complaint without an agent:
 * the best category clearly ahead of the next one.
 */
export function isConfident(suggestions: Suggestion[], threshold = 0.5): boolean {
	if (suggestions.length === 0) return false;
	const [best, next] = suggestions;
	return best.score >= threshold && (!next || best.score >= 2 * next.score);
}

export interface Accuracy {
	total: number;
	top1: number;
	top3: number;
}

export interface HeldOutText extends LabelledText {
	script: Script;
}

export interface Tally {
	add(model: SuggestionModel, item: HeldOutText): void;
	result(): { overall: Accuracy; byScript: Record<Script, Accuracy> };
}

/** Top-1 and top-3 hits counted one held-out text at a time (see evaluate). */
export function createTally(): Tally {
	const counts = Object.fromEntries(SCRIPTS.map((script) => [script, { total: 0, top1: 0, top3: 0 }])) as Record<
		Script,
		Accuracy
	>;
	const share = (part: number, total: number) => (total === 0 ? 0 : Math.round((part / total) * 1000) / 1000);
	const rate = (count: Accuracy): Accuracy => ({
		total: count.total,
		top1: share(count.top1, count.total),
		top3: share(count.top3, count.total),
	});
	return {
		add(model, item) {
			const codes = model.suggest(item.text, 3).map((suggestion) => suggestion.code);
			const count = counts[item.script];
			count.total += 1;
			if (codes[0] === item.category) count.top1 += 1;
			if (codes.includes(item.category)) count.top3 += 1;
		},
		result() {
			const sum = SCRIPTS.reduce(
				(all, script) => ({
					total: all.total + counts[script].total,
					top1: all.top1 + counts[script].top1,
					top3: all.top3 + counts[script].top3,
				}),
				{ total: 0, top1: 0, top3: 0 },
			);
			return {
				overall: rate(sum),
				byScript: Object.fromEntries(SCRIPTS.map((script) => [script, rate(counts[script])])) as Record<
					Script,
					Accuracy
				>,
			};
		},
	};
}

/** Top-1 and top-3 accuracy on held-out texts, overall and per language/script. */
export function evaluate(
	model: SuggestionModel,
	heldOut: HeldOutText[],
): { overall: Accuracy; byScript: Record<Script, Accuracy> } {
	const tally = createTally();
	for (const item of heldOut) tally.add(model, item);
	return tally.result();
}

/** A category's names and administrator-edited keywords (commas, semicolons or lines) as training texts. */
export function categoryExamples(category: {
	code: string;
	name_fr?: string | null;
	name_ar?: string | null;
	keywords?: string | null;
}): LabelledText[] {
	const texts = [category.name_fr, category.name_ar, ...(category.keywords ?? '').split(/[,;\n]+/)];
	return texts
		.map((text) => (text ?? '').trim())
		.filter(Boolean)
		.map((text) => ({ category: category.code, text }));
}

/** Script tags of the corpus files: fr, ar (Modern Standard Arabic), dl (Darija in Latin script), da (Darija in Arabic script). */
const SCRIPT_TAGS: Record<string, Script> = { fr: 'fr', ar: 'ar', dl: 'darija-latn', da: 'darija-arab' };

/** One line of a seed corpus file: `CODE|tag|text` (tags above); blank lines and `#` comments skipped. */
export function parseCorpus(content: string): HeldOutText[] {
	const out: HeldOutText[] = [];
	for (const line of content.split('\n')) {
		if (!line.trim() || line.startsWith('#')) continue;
		const [category, tag, ...rest] = line.split('|');
		const text = rest.join('|').trim();
		const script = SCRIPT_TAGS[tag?.trim() ?? ''];
		if (!category || !text || !script) throw new Error(`suggestion corpus: unreadable line "${line.slice(0, 80)}"`);
		out.push({ category: category.trim(), script, text });
	}
	return out;
}
