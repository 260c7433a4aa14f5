// The conversation engine shared by WhatsApp and the portal's chat widget.
// A state machine described by a table of steps: each step says what it asks,
// what answers it accepts and where it goes next. No I/O: the adapters load
// the catalogue, persist the conversation, store photos and create the
// complaint through the shared intake when the engine asks them to submit.
import { type Language, translate } from '../i18n/messages';
import { type Intent, hasArabicLetters, intentOf, normalise, shortcutIn } from './vocabulary';

export type StepName = 'service' | 'category' | 'description' | 'location' | 'photo' | 'confirm';
export type ChatState = StepName | 'submitting' | 'done' | 'cancelled' | 'expired';
export const FINAL_STATES: readonly ChatState[] = ['done', 'cancelled', 'expired'];

/** A photo already re-encoded and kept by the adapter; the engine only carries it. */
export type PhotoRef = Record<string, unknown>;

export interface Draft {
	service?: string;
	category?: string;
	description?: string;
	latitude?: number;
	longitude?: number;
	address?: string;
	photo?: PhotoRef | null;
}

export interface Conversation {
	state: ChatState;
	language: Language;
	draft: Draft;
}

export type Inbound =
	| { kind: 'text'; text: string }
	| { kind: 'choice'; id: string }
	| { kind: 'location'; latitude: number; longitude: number; address?: string | null }
	/** null: the adapter could not read the image */
	| { kind: 'photo'; photo: PhotoRef | null };

export interface CatalogService {
	code: string;
	name_fr: string;
	name_ar: string;
}
export interface CatalogCategory extends CatalogService {
	service: string;
	keywords?: string | null;
}
export interface Catalog {
	services: CatalogService[];
	categories: CatalogCategory[];
	/** the category suggestion's category for a free text when it is sure (domain/suggestion), else null */
	suggest?: (text: string) => string | null;
}

/** The suggestion's category for a text, among `candidates` only. */
function suggested(catalog: Catalog, input: Inbound, candidates: CatalogCategory[]): CatalogCategory | null {
	if (input.kind !== 'text' || !catalog.suggest) return null;
	const code = catalog.suggest(input.text);
	return candidates.find((item) => item.code === code) ?? null;
}

export interface Choice {
	id: string;
	title: string;
	description?: string;
}

export interface Reply {
	text: string;
	/** a list to pick from (WhatsApp interactive list, buttons in the widget) */
	choices?: Choice[];
	/** asks for a location (WhatsApp location message, the map in the widget) */
	location?: boolean;
	/** a photo may be sent */
	photo?: boolean;
}

export interface Turn {
	conversation: Conversation;
	replies: Reply[];
	/** the adapter must now create the complaint from the draft, then call completed() or refused() */
	submit?: boolean;
}

export const MIN_DESCRIPTION = 10;
export const MAX_DESCRIPTION = 2000;

const t = (conversation: Conversation, key: string, values: Record<string, unknown> = {}) =>
	translate(conversation.language, `chat.${key}`, values);
const nameOf = (item: CatalogService, language: Language) => (language === 'ar' ? item.name_ar : item.name_fr);

interface StepSpec {
	/** where "back" leads */
	previous: StepName | null;
	prompt(conversation: Conversation, catalog: Catalog): Reply;
	/** a new conversation and draft, or a reply that asks again */
	accept(
		conversation: Conversation,
		input: Inbound,
		catalog: Catalog,
	): { draft: Draft; next: StepName | 'submit' } | { again: string };
}

function list(items: CatalogService[], language: Language): Choice[] {
	return items.map((item) => ({ id: item.code, title: nameOf(item, language) }));
}

/** A choice by its id, its number in the list, its name, or one of the keywords. */
function pick<T extends CatalogService>(
	input: Inbound,
	items: T[],
	extraWords: (item: T) => string = () => '',
): T | null {
	if (input.kind === 'choice') return items.find((item) => item.code === input.id) ?? null;
	if (input.kind !== 'text') return null;
	const text = normalise(input.text);
	if (/^\d{1,2}$/.test(text)) return items[Number(text) - 1] ?? null;
	const exact = items.find(
		(item) => normalise(item.code) === text || normalise(item.name_fr) === text || normalise(item.name_ar) === text,
	);
	if (exact) return exact;
	if (text.length < 3) return null;
	const matches = items.filter((item) => {
		const words = [item.name_fr, item.name_ar, extraWords(item)].map(normalise).join(' ');
		return words.includes(text) || text.includes(normalise(item.name_fr)) || text.includes(normalise(item.name_ar));
	});
	return matches.length === 1 ? matches[0] : null;
}

const categoriesOf = (catalog: Catalog, service: string | undefined) =>
	catalog.categories.filter((category) => category.service === service);

const STEPS: Record<StepName, StepSpec> = {
	service: {
		previous: null,
		prompt: (conversation, catalog) => ({
			text: t(conversation, 'ask.service'),
			choices: list(catalog.services, conversation.language),
		}),
		accept(conversation, input, catalog) {
			const shortcut = input.kind === 'text' ? shortcutIn(input.text) : null;
			if (shortcut?.category) {
				const category = catalog.categories.find((item) => item.code === shortcut.category);
				if (category)
					return {
						draft: { ...conversation.draft, service: category.service, category: category.code },
						next: 'description',
					};
			}
			const service =
				pick(input, catalog.services) ?? catalog.services.find((item) => item.code === shortcut?.service) ?? null;
			if (!service) {
				// free text that names no service: the suggestion, when sure, picks the category ("zbel ma t3ayetch")
				const category = suggested(catalog, input, catalog.categories);
				if (category)
					return {
						draft: { ...conversation.draft, service: category.service, category: category.code },
						next: 'description',
					};
				return { again: 'again.service' };
			}
			return { draft: { ...conversation.draft, service: service.code, category: undefined }, next: 'category' };
		},
	},
	category: {
		previous: 'service',
		prompt: (conversation, catalog) => ({
			text: t(conversation, 'ask.category', {
				service: nameOf(
					catalog.services.find((item) => item.code === conversation.draft.service) ?? {
						code: '',
						name_fr: '',
						name_ar: '',
					},
					conversation.language,
				),
			}),
			choices: list(categoriesOf(catalog, conversation.draft.service), conversation.language),
		}),
		accept(conversation, input, catalog) {
			const candidates = categoriesOf(catalog, conversation.draft.service);
			const shortcut = input.kind === 'text' ? shortcutIn(input.text) : null;
			const category =
				pick(input, candidates, (item) => item.keywords ?? '') ??
				candidates.find((item) => item.code === shortcut?.category) ??
				suggested(catalog, input, candidates);
			if (!category) return { again: 'again.category' };
			return { draft: { ...conversation.draft, category: category.code }, next: 'description' };
		},
	},
	description: {
		previous: 'category',
		prompt: (conversation) => ({ text: t(conversation, 'ask.description', { min: MIN_DESCRIPTION }) }),
		accept(conversation, input) {
			if (input.kind !== 'text') return { again: 'again.description' };
			const text = input.text.trim();
			if (text.length < MIN_DESCRIPTION) return { again: 'again.description_short' };
			return { draft: { ...conversation.draft, description: text.slice(0, MAX_DESCRIPTION) }, next: 'location' };
		},
	},
	location: {
		previous: 'description',
		prompt: (conversation) => ({ text: t(conversation, 'ask.location'), location: true }),
		accept(conversation, input) {
			if (input.kind !== 'location' || !Number.isFinite(input.latitude) || !Number.isFinite(input.longitude))
				return { again: 'again.location' };
			const address = input.address?.trim() || undefined;
			return {
				draft: {
					...conversation.draft,
					latitude: input.latitude,
					longitude: input.longitude,
					address: address?.slice(0, 255),
				},
				next: 'photo',
			};
		},
	},
	photo: {
		previous: 'location',
		prompt: (conversation) => ({
			text: t(conversation, 'ask.photo'),
			photo: true,
			choices: [{ id: 'skip', title: t(conversation, 'choice.skip') }],
		}),
		accept(conversation, input) {
			if (input.kind === 'photo')
				return input.photo
					? { draft: { ...conversation.draft, photo: input.photo }, next: 'confirm' }
					: { again: 'again.photo_unreadable' };
			if (isIntent(input, ['skip', 'no'])) return { draft: { ...conversation.draft, photo: null }, next: 'confirm' };
			return { again: 'again.photo' };
		},
	},
	confirm: {
		previous: 'photo',
		prompt: (conversation, catalog) => ({
			text: t(conversation, 'ask.confirm', summary(conversation, catalog)),
			choices: [
				{ id: 'yes', title: t(conversation, 'choice.yes') },
				{ id: 'no', title: t(conversation, 'choice.no') },
			],
		}),
		accept(conversation, input) {
			if (isIntent(input, ['yes'])) return { draft: conversation.draft, next: 'submit' };
			return { again: 'again.confirm' };
		},
	},
};

function summary(conversation: Conversation, catalog: Catalog) {
	const { draft, language } = conversation;
	const category = catalog.categories.find((item) => item.code === draft.category);
	return {
		category: category ? nameOf(category, language) : '—',
		description: draft.description ?? '',
		place: draft.address || `${draft.latitude?.toFixed(5)}, ${draft.longitude?.toFixed(5)}`,
		photo: t(conversation, draft.photo ? 'summary.with_photo' : 'summary.without_photo'),
	};
}

function isIntent(input: Inbound, intents: Intent[]): boolean {
	if (input.kind === 'choice') return (intents as string[]).includes(input.id);
	return input.kind === 'text' && intentOf(input.text, intents) !== null;
}

/** A fresh conversation in the language of the first message (Arabic letters: Arabic; otherwise French). */
export function start(firstInput: Inbound | null, fallback: Language = 'fr'): Conversation {
	const language: Language =
		firstInput?.kind === 'text' ? (hasArabicLetters(firstInput.text) ? 'ar' : fallback) : fallback;
	return { state: 'service', language, draft: {} };
}

/** The question of the current step. */
export function prompt(conversation: Conversation, catalog: Catalog): Reply[] {
	if (conversation.state in STEPS) return [STEPS[conversation.state as StepName].prompt(conversation, catalog)];
	return [];
}

/** A new conversation, greeted: what the adapter sends to someone who writes for the first time. */
export function greet(
	firstInput: Inbound | null,
	catalog: Catalog,
	fallback: Language = 'fr',
	notice?: 'expired',
): Turn {
	const conversation = start(firstInput, fallback);
	const intro: Reply = {
		text: [notice ? t(conversation, `notice.${notice}`) : null, t(conversation, 'welcome')].filter(Boolean).join('\n'),
	};
	// a first message that already names the problem ("zbel", "حفرة") moves on at once
	if (firstInput?.kind === 'text' && shortcutIn(firstInput.text)) {
		const turn = handle(conversation, firstInput, catalog);
		return { ...turn, replies: [intro, ...turn.replies] };
	}
	return { conversation, replies: [intro, ...prompt(conversation, catalog)] };
}

/** One inbound message. */
export function handle(conversation: Conversation, input: Inbound, catalog: Catalog): Turn {
	if (input.kind === 'text' || input.kind === 'choice') {
		const text = input.kind === 'text' ? input.text : input.id;
		const intent = intentOf(text, ['cancel', 'back', 'french', 'arabic']);
		if (intent === 'cancel')
			return {
				conversation: { ...conversation, state: 'cancelled' },
				replies: [{ text: t(conversation, 'cancelled') }],
			};
		if (intent === 'french' || intent === 'arabic') {
			const switched: Conversation = { ...conversation, language: intent === 'french' ? 'fr' : 'ar' };
			return { conversation: switched, replies: prompt(switched, catalog) };
		}
		if (intent === 'back') {
			const previous = conversation.state in STEPS ? STEPS[conversation.state as StepName].previous : null;
			const back: Conversation = { ...conversation, state: previous ?? conversation.state };
			return { conversation: back, replies: prompt(back, catalog) };
		}
	}
	if (!(conversation.state in STEPS)) return { conversation, replies: [] };
	const step = STEPS[conversation.state as StepName];
	// "no" when asked to confirm: nothing is filed
	if (conversation.state === 'confirm' && isIntent(input, ['no']))
		return { conversation: { ...conversation, state: 'cancelled' }, replies: [{ text: t(conversation, 'cancelled') }] };
	const outcome = step.accept(conversation, input, catalog);
	if ('again' in outcome)
		return {
			conversation,
			replies: [
				{
					...step.prompt(conversation, catalog),
					text: `${t(conversation, outcome.again)}\n${step.prompt(conversation, catalog).text}`,
				},
			],
		};
	if (outcome.next === 'submit')
		return { conversation: { ...conversation, state: 'submitting', draft: outcome.draft }, replies: [], submit: true };
	const next: Conversation = { ...conversation, state: outcome.next, draft: outcome.draft };
	return { conversation: next, replies: prompt(next, catalog) };
}

/** The complaint exists: the reference and the tracking link. */
export function completed(conversation: Conversation, result: { reference: string; trackingUrl: string }): Turn {
	return { conversation: { ...conversation, state: 'done' }, replies: [{ text: t(conversation, 'done', result) }] };
}

/**
 * The intake refused the draft (e.g. a point outside the commune): say why and
 * go back to the step of the first faulty field.
 */
export function refused(
	conversation: Conversation,
	errors: { field: string; message: string }[],
	catalog: Catalog,
): Turn {
	const fieldStep: Record<string, StepName> = {
		latitude: 'location',
		longitude: 'location',
		address: 'location',
		description: 'description',
		category: 'category',
		photos: 'photo',
	};
	const state = errors.map((error) => fieldStep[error.field]).find(Boolean) ?? 'confirm';
	const back: Conversation = { ...conversation, state };
	const [question] = prompt(back, catalog);
	return {
		conversation: back,
		replies: [{ ...question, text: `${errors.map((error) => error.message).join('\n')}\n${question.text}` }],
	};
}

/** The complaint fields of a finished draft, for the shared intake path. */
export function intakeBody(conversation: Conversation): Record<string, unknown> {
	const { draft } = conversation;
	return {
		category: draft.category,
		description: draft.description,
		latitude: draft.latitude,
		longitude: draft.longitude,
		...(draft.address ? { address: draft.address } : {}),
		citizen_language: conversation.language,
	};
}

/** Idle conversations expire; the next message then starts a new one. */
export function isExpired(expiresAt: Date | null, now: Date): boolean {
	return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}
