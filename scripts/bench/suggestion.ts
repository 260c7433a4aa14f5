// The category suggestion's figures (domain/suggestion), in process: top-1 and
// top-3 accuracy on the held-out texts (seed/suggestion/held-out.ts, never
// trained on) per language and script, and the latency of one suggestion.
// Baseline, measured in the same run on the same texts: the keyword search the
// desk and the portal used before (domain/desk/text-search.ts, every word of
// the text must match a category's names or keywords).
import { loadCategories } from '../../seed/reference-data';
import { HELD_OUT_CORPUS, TRAINING_CORPUS } from '../../seed/suggestion/index';
import { searchCategories } from '../../extensions/casa-core/src/domain/desk/text-search';
import {
	SCRIPTS,
	type Script,
	categoryExamples,
	evaluate,
	parseCorpus,
	trainModel,
} from '../../extensions/casa-core/src/domain/suggestion/classifier';
import { type LatencySummary, formatMs, formatRatio, ratio, summarize, table } from './stats';

export interface SuggestionFigures {
	trainingExamples: number;
	heldOut: number;
	trainMs: number;
	byScript: Record<Script, { total: number; top1: number; top3: number; baselineTop1: number; baselineTop3: number }>;
	latency: LatencySummary;
	baselineLatency: LatencySummary;
}

/** Goals of issue #13, per language and script. */
export const GOALS = { top1: 0.75, top3: 0.9, p95Ms: 20 };

export function suggestionFigures(rounds = 3): SuggestionFigures {
	const categories = loadCategories();
	const training = [
		...parseCorpus(TRAINING_CORPUS),
		...categories.flatMap((category) =>
			categoryExamples({ code: category.code, name_fr: category.name_fr, name_ar: category.name_ar }),
		),
	];
	const heldOut = parseCorpus(HELD_OUT_CORPUS);
	const started = performance.now();
	const model = trainModel(
		training,
		categories.map((category) => category.code),
	);
	const trainMs = Math.round(performance.now() - started);
	const { byScript } = evaluate(model, heldOut);

	const searchable = categories.map((category) => ({
		code: category.code,
		service: category.service,
		name_fr: category.name_fr,
		name_ar: category.name_ar,
	}));
	const baseline = Object.fromEntries(SCRIPTS.map((script) => [script, { top1: 0, top3: 0, total: 0 }])) as Record<
		Script,
		{ top1: number; top3: number; total: number }
	>;
	for (const item of heldOut) {
		const codes = searchCategories(searchable, item.text, 3).map((category) => category.code);
		// the search lists every category when no word matched: that is no answer
		const answered = codes.length > 0 && codes.length < categories.length ? codes : [];
		baseline[item.script].total += 1;
		if (answered[0] === item.category) baseline[item.script].top1 += 1;
		if (answered.includes(item.category)) baseline[item.script].top3 += 1;
	}

	// latency: every held-out text, `rounds` times, after one warm-up pass; the baseline likewise
	for (const item of heldOut) model.suggest(item.text, 3);
	const samples: number[] = [];
	const baselineSamples: number[] = [];
	for (let round = 0; round < rounds; round += 1)
		for (const item of heldOut) {
			let at = performance.now();
			model.suggest(item.text, 3);
			samples.push(performance.now() - at);
			at = performance.now();
			searchCategories(searchable, item.text, 3);
			baselineSamples.push(performance.now() - at);
		}
	const share = (part: number, total: number) => Math.round((part / Math.max(total, 1)) * 1000) / 1000;
	return {
		trainingExamples: model.examples,
		heldOut: heldOut.length,
		trainMs,
		byScript: Object.fromEntries(
			SCRIPTS.map((script) => [
				script,
				{
					...byScript[script],
					baselineTop1: share(baseline[script].top1, baseline[script].total),
					baselineTop3: share(baseline[script].top3, baseline[script].total),
				},
			]),
		) as SuggestionFigures['byScript'],
		latency: summarize(samples),
		baselineLatency: summarize(baselineSamples),
	};
}

const LABELS: Record<Script, string> = {
	fr: 'French',
	ar: 'Modern Standard Arabic',
	'darija-latn': 'Darija, Latin script',
	'darija-arab': 'Darija, Arabic script',
};
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

export function suggestionMarkdown(figures: SuggestionFigures): string[] {
	const rows = SCRIPTS.map((script) => {
		const figure = figures.byScript[script];
		const met = figure.top1 >= GOALS.top1 && figure.top3 >= GOALS.top3;
		return [
			LABELS[script],
			figure.total,
			percent(figure.top1),
			percent(figure.top3),
			`${percent(figure.baselineTop1)} / ${percent(figure.baselineTop3)}`,
			met ? 'yes' : '**no**',
		];
	});
	return [
		'## Category suggestion (held-out texts never trained on; baseline: the keyword search, same texts, same run)',
		'',
		`${figures.trainingExamples} training examples (seed corpus + category names), trained in ${figures.trainMs} ms; ${figures.heldOut} held-out texts.`,
		'',
		table(
			[
				'language / script',
				'texts',
				'top-1',
				'top-3',
				'keyword search top-1 / top-3',
				`goal (top-1 ≥ ${GOALS.top1 * 100} %, top-3 ≥ ${GOALS.top3 * 100} %)`,
			],
			rows,
		),
		'',
		table(
			['', 'p50', 'p95', 'p99', 'p95 / keyword search p95', `p95 under ${GOALS.p95Ms} ms`],
			[
				[
					'one suggestion',
					formatMs(figures.latency.p50),
					formatMs(figures.latency.p95),
					formatMs(figures.latency.p99),
					formatRatio(ratio(figures.latency.p95, figures.baselineLatency.p95)),
					figures.latency.p95 < GOALS.p95Ms ? 'yes' : '**no**',
				],
				[
					'keyword search (baseline)',
					formatMs(figures.baselineLatency.p50),
					formatMs(figures.baselineLatency.p95),
					formatMs(figures.baselineLatency.p99),
					'×1',
					'',
				],
			],
		),
	];
}
