// The complaint screen's moves: which one the phone's bottom bar offers first,
// what each form must have before it is sent, and the body it sends
// (docs/workspace-api.md, "Commands"). Plain functions, unit-tested.

/** Inputs the screen knows how to ask for; anything else is left to the server to refuse in words. */
export const KNOWN_INPUTS = [
	'public_reply',
	'message',
	'rejection_reason',
	'category',
	'team',
	'assignee',
	'body',
	'file',
	'field',
	'value',
	'into',
] as const;
export type CommandInput = (typeof KNOWN_INPUTS)[number];

/** The order in which moves are offered as the main one: getting the work done first. */
const PRIORITY = [
	'resolve',
	'start',
	'claim',
	'acknowledge',
	'resume',
	'assign',
	'request_info',
	'close',
	'reopen',
	'attach',
	'note',
	'requalify',
	'reject',
	'merge',
	'correct',
];

/** Commands that run on one tap (no input, nothing lost if it was a slip). */
const ONE_TAP = ['claim', 'start', 'acknowledge', 'resume'];

export function primaryCommand<T extends { command: string }>(commands: readonly T[]): T | null {
	let best: T | null = null;
	let bestRank = Number.POSITIVE_INFINITY;
	for (const offer of commands) {
		const rank = PRIORITY.indexOf(offer.command);
		const value = rank === -1 ? PRIORITY.length : rank;
		if (value < bestRank) {
			best = offer;
			bestRank = value;
		}
	}
	return best;
}

/** Does this command run at once, without a form? */
export function runsAtOnce(offer: { command: string; inputs: readonly string[] }): boolean {
	return ONE_TAP.includes(offer.command) && offer.inputs.length === 0;
}

export interface CommandValues {
	public_reply: string;
	message: string;
	rejection_reason: string;
	redirected_to: string;
	category: string;
	team: string;
	assignee: string;
	body: string;
	field: string;
	value: string;
	reason: string;
	/** merge: the original's reference */
	into: string;
	file: File | null;
}

export function emptyValues(): CommandValues {
	return {
		public_reply: '',
		message: '',
		rejection_reason: '',
		redirected_to: '',
		category: '',
		team: '',
		assignee: '',
		body: '',
		field: '',
		value: '',
		reason: '',
		into: '',
		file: null,
	};
}

/** The inputs of a form that are missing, by input name (each shows "this field is required"). */
export function missingInputs(command: string, inputs: readonly string[], values: CommandValues): string[] {
	const missing: string[] = [];
	const blank = (text: string) => text.trim() === '';
	for (const input of inputs) {
		switch (input) {
			case 'public_reply':
			case 'message':
			case 'rejection_reason':
			case 'category':
			case 'body':
			case 'field':
			case 'value':
			case 'into':
				if (blank(values[input])) missing.push(input);
				break;
			case 'file':
				if (!values.file) missing.push('file');
				break;
			// team and assignee are each optional, but an assignment needs one of them
			default:
				break;
		}
	}
	if (command === 'assign' && blank(values.team) && blank(values.assignee)) missing.push('assignee');
	return missing;
}

/** The JSON body of POST /workspace/complaints/:id/commands/:command. */
export function commandBody(command: string, values: CommandValues): Record<string, unknown> {
	const text = (value: string) => value.trim();
	switch (command) {
		case 'resolve':
			return { public_reply: text(values.public_reply) };
		case 'request_info':
			return { message: text(values.message) };
		case 'reject':
			return {
				rejection_reason: text(values.rejection_reason),
				...(text(values.redirected_to) ? { redirected_to: text(values.redirected_to) } : {}),
			};
		case 'requalify':
			return { category: values.category };
		case 'merge':
			return { into: text(values.into) };
		case 'assign':
			return {
				...(values.team ? { team: values.team } : {}),
				...(values.assignee ? { assignee: values.assignee } : {}),
			};
		case 'note':
			return { body: text(values.body) };
		case 'correct':
			return {
				field: values.field,
				value: text(values.value),
				...(text(values.reason) ? { reason: text(values.reason) } : {}),
			};
		default:
			return {};
	}
}

/** Statuses in which deadlines no longer run (the screen shows their dates, not countdowns). */
export const SETTLED = ['resolved', 'closed', 'rejected'];

/** Google Maps directions to a point, for the agent's phone. */
export function directionsUrl(
	latitude: number | null | undefined,
	longitude: number | null | undefined,
): string | null {
	if (
		typeof latitude !== 'number' ||
		typeof longitude !== 'number' ||
		!Number.isFinite(latitude) ||
		!Number.isFinite(longitude)
	)
		return null;
	return `https://www.google.com/maps/dir/?api=1&destination=${latitude.toFixed(6)},${longitude.toFixed(6)}`;
}
