// The category-suggestion model of this instance (domain/suggestion), trained
// from the seed corpus, each active category's names and administrator-edited
// keywords, and the platform's own history: every complaint whose category an
// agent set or changed (a history event "category: … → …", or a complaint an
// agent typed in) is a labelled example, its description with its category now.
//
// Each instance holds its own model in memory and retrains at start and on the
// schedule (hooks/suggestion-training); training is a pure function of the
// database, so instances agree without talking. The held-out accuracy of each
// training is recorded in platform_settings.suggestion_model by one instance
// at a time (a PostgreSQL advisory lock; SQLite has one writer anyway).
import type { Knex } from 'knex';
import { HELD_OUT_CORPUS, TRAINING_CORPUS } from '../../../../../seed/suggestion/index';
import {
	type HeldOutText,
	type LabelledText,
	type SuggestionModel,
	categoryExamples,
	createTally,
	createTrainer,
	parseCorpus,
} from '../../domain/suggestion/classifier';
import { dialectOf } from '../scope-sql';

/** pg_try_advisory_xact_lock key: 'CASASUGG' as a 64-bit integer */
export const SUGGESTION_LOCK_KEY = '4846246215491118919';
/** labelled complaints read at most per training, newest first */
const MAX_HISTORY = 20_000;

export interface CategoryRow {
	code: string;
	service: string;
	name_fr: string;
	name_ar: string;
	keywords: string | null;
}

export interface TrainingRecord {
	trained_at: string;
	examples: number;
	history_examples: number;
	categories: number;
	held_out: {
		total: number;
		top1: number;
		top3: number;
		by_script: Record<string, { total: number; top1: number; top3: number }>;
	};
}

interface Loaded {
	model: SuggestionModel;
	categories: Map<string, CategoryRow>;
	record: TrainingRecord;
}

let current: Loaded | null = null;
let seedOnly: Promise<Loaded> | null = null;
let training: Promise<Loaded> | null = null;

const seedTraining = (): LabelledText[] => parseCorpus(TRAINING_CORPUS);
const heldOut = (): HeldOutText[] => parseCorpus(HELD_OUT_CORPUS);

/** Complaints whose category an agent chose: description and category now. */
export async function labelledHistory(knex: Knex, limit = MAX_HISTORY): Promise<LabelledText[]> {
	const requalified = knex('complaint_events')
		.select('complaint')
		.where('type', 'updated')
		.andWhere('body', 'like', 'category:%')
		.andWhere('actor_kind', 'staff');
	const rows = (await knex('complaints')
		.select('description', 'category')
		.whereNotNull('category')
		.whereNotNull('description')
		.andWhere((where) =>
			where
				.whereIn('id', requalified)
				.orWhereIn('id', knex('complaint_events').select('complaint').where({ type: 'created', actor_kind: 'staff' })),
		)
		.orderBy('date_created', 'desc')
		.limit(limit)) as { description: string; category: string }[];
	return rows.map((row) => ({ category: row.category, text: row.description }));
}

/** Lets the event loop answer requests between slices of training (a training takes about a second of CPU). */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function build(categories: CategoryRow[], history: LabelledText[], cooperative = true): Promise<Loaded> {
	const active = categories.map((category) => category.code);
	const examples = [...seedTraining(), ...categories.flatMap((category) => categoryExamples(category)), ...history];
	const trainer = createTrainer(active);
	for (let index = 0; index < examples.length; index += 1) {
		trainer.add(examples[index]);
		if (cooperative && index % 50 === 49) await pause();
	}
	const model = trainer.finish();
	const codes = new Set(active);
	const tally = createTally();
	const items = heldOut().filter((item) => codes.has(item.category));
	for (let index = 0; index < items.length; index += 1) {
		tally.add(model, items[index]);
		if (cooperative && index % 5 === 4) await pause();
	}
	const { overall, byScript } = tally.result();
	return {
		model,
		categories: new Map(categories.map((category) => [category.code, category])),
		record: {
			trained_at: new Date().toISOString(),
			examples: model.examples,
			history_examples: history.length,
			categories: model.categories.length,
			held_out: { ...overall, by_script: byScript },
		},
	};
}

/** Trains this instance's model from the database and records its held-out accuracy (one instance at a time). */
export async function retrain(knex: Knex): Promise<TrainingRecord> {
	if (training) return (await training).record;
	training = (async () => {
		const categories = (await knex('categories')
			.select('code', 'service', 'name_fr', 'name_ar', 'keywords')
			.where({ active: true })
			.orderBy('sort')) as CategoryRow[];
		const history = await labelledHistory(knex);
		const loaded = await build(categories, history);
		current = loaded;
		await record(knex, loaded.record);
		return loaded;
	})();
	try {
		return (await training).record;
	} finally {
		training = null;
	}
}

async function record(knex: Knex, entry: TrainingRecord): Promise<void> {
	await knex.transaction(async (trx) => {
		if (dialectOf(trx) === 'pg') {
			const result = await trx.raw('SELECT pg_try_advisory_xact_lock(CAST(? AS bigint)) AS locked', [
				SUGGESTION_LOCK_KEY,
			]);
			if (!result.rows[0]?.locked) return; // another instance is recording the same training
		}
		const settings = await trx('platform_settings').select('id').first();
		if (settings)
			await trx('platform_settings')
				.update({ suggestion_model: JSON.stringify(entry) })
				.where({ id: settings.id });
	});
}

/**
 * The model to answer with: the last one trained from the database, else
 * (before the first training ends, or when the database could not be read)
 * one trained from the seed corpus alone, with the categories given.
 */
export async function modelFor(categories: CategoryRow[]): Promise<SuggestionModel> {
	if (current) return current.model;
	if (!seedOnly && categories.length > 1) seedOnly = build(categories, []);
	if (!seedOnly) throw new Error('suggestion: no model yet');
	return (await seedOnly).model;
}

/** The model trained from the database, for callers that cannot wait (the chat engine); null before the first training. */
export function trainedModel(): SuggestionModel | null {
	return current?.model ?? null;
}

export function hasModel(): boolean {
	return current !== null;
}

/** Tests only: forget the trained model. */
export function resetSuggestionModel(): void {
	current = null;
	seedOnly = null;
}
