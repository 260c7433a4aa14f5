// The closed lists and the text limits of a complaint, held once. The data
// model (schema/collections.ts), the complaint rules (complaint-plan.ts), the
// desk, the workspace, the Insights panels and the citizens' form read them
// from here, so a channel, an SLA state or a limit is added or changed in one
// place. Plain TypeScript: the server, the Directus app and the citizens' web
// app all bundle it.

export const COMPLAINT_TYPES = ['reclamation', 'observation', 'suggestion'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

/** Every way a complaint arrives. */
export const CHANNELS = [
	'web',
	'mobile',
	'phone',
	'email',
	'courrier',
	'chat',
	'counter',
	'open311',
	'whatsapp',
] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Channels only staff record, on a citizen's behalf: the registry-office desk's,
 * in the order of its choice (keys 1, 2, 3). A citizen may not claim them.
 */
export const DESK_CHANNELS = ['phone', 'counter', 'courrier'] as const satisfies readonly Channel[];
export type DeskChannel = (typeof DESK_CHANNELS)[number];

/**
 * Channels whose complaints may arrive without a category (an e-mail names no
 * category): they wait, status new, for the registry office to qualify them;
 * the qualification routes them and sets their deadlines. Only the legal
 * ceiling runs from receipt.
 */
export const UNQUALIFIED_CHANNELS = ['email'] as const satisfies readonly Channel[];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A complaint's SLA state, from the least to the most urgent. */
export const SLA_STATES = ['on_track', 'at_risk', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The longest value of each free-text field, in characters: the columns', the rules', the forms'. */
export const TEXT_LIMITS = {
	description: 5000,
	address: 255,
	citizen_name: 120,
	citizen_phone: 32,
	citizen_email: 254,
	public_reply: 5000,
	rejection_reason: 2000,
	redirected_to: 255,
	registry_number: 64,
} as const;

/** Whether a value (of unknown origin) is one of a list's. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}
