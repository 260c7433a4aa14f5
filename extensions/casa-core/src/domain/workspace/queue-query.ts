// The workspace queue's query string, read without I/O: each filter checked
// against its allowed values, so the SQL adapter receives only known shapes
// and a malformed request is a field error, never a query.
import type { FieldError } from '../complaint/complaint-plan';
import { CHOICES } from '../complaint/complaint-plan';
import { SLA_STATES } from '../insights/clusters';

const CHANNELS = CHOICES.channel;
import { parseReference } from '../reference/complaint-reference';
import { COMPLAINT_STATUSES, OPEN_STATUSES } from '../workflow/transitions';

export const QUEUE_SORTS = ['due', '-received_at', 'received_at', 'reference'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_LIMIT_MAX = 100;
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface QueueQuery {
	statuses: string[];
	slaStates: string[];
	categories: string[];
	arrondissements: string[];
	channels: string[];
	/** 'me', 'none' or user ids */
	assignees: string[];
	/** received on or after this day (Casablanca), inclusive */
	from: string | null;
	/** received on or before this day, inclusive */
	to: string | null;
	reference: string | null;
	words: string[];
	sort: QueueSort;
	page: number;
	limit: number;
}

function list(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
	return raw
		.flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : []))
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

function single(value: unknown): string | null {
	const values = list(value);
	return values.length === 0 ? null : values[0];
}

function positiveInt(value: unknown, fallback: number): number | null {
	if (value === undefined || value === null || value === '') return fallback;
	const number = Number(value);
	return Number.isInteger(number) && number >= 1 ? number : null;
}

export function readQueueQuery(query: Record<string, unknown>): { query: QueueQuery; errors: FieldError[] } {
	const errors: FieldError[] = [];
	const choice = (field: string, allowed: readonly string[]) => {
		const values = list(query[field]);
		const wrong = values.find((value) => !allowed.includes(value));
		if (wrong !== undefined) errors.push({ field, key: 'field.invalid_choice', values: { field, value: wrong } });
		return values.filter((value) => allowed.includes(value));
	};
	const codes = (field: string) => {
		const values = list(query[field]);
		const wrong = values.find((value) => !CODE.test(value));
		if (wrong !== undefined)
			errors.push({ field, key: 'field.invalid_choice', values: { field, value: wrong.slice(0, 64) } });
		return values.filter((value) => CODE.test(value));
	};
	const statusValues = list(query.status);
	// 'open' is a shorthand for every status still the city's to answer
	const statuses = statusValues.includes('open')
		? [...new Set([...OPEN_STATUSES, ...statusValues.filter((value) => value !== 'open')])]
		: statusValues;
	const wrongStatus = statuses.find((value) => !(COMPLAINT_STATUSES as readonly string[]).includes(value));
	if (wrongStatus !== undefined)
		errors.push({
			field: 'status',
			key: 'field.invalid_choice',
			values: { field: 'status', value: wrongStatus.slice(0, 64) },
		});

	const assignees = list(query.assignee);
	const wrongAssignee = assignees.find((value) => value !== 'me' && value !== 'none' && !UUID.test(value));
	if (wrongAssignee !== undefined)
		errors.push({
			field: 'assignee',
			key: 'field.invalid_choice',
			values: { field: 'assignee', value: wrongAssignee.slice(0, 64) },
		});

	const day = (field: 'from' | 'to') => {
		const value = single(query[field]);
		if (value === null) return null;
		if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
			errors.push({ field, key: 'field.date', values: { field } });
			return null;
		}
		return value;
	};
	const from = day('from');
	const to = day('to');

	const text = (single(query.q) ?? '').slice(0, 200);
	const reference = parseReference(text.trim()) ? text.trim().toUpperCase() : null;
	const words = reference
		? []
		: text
				.split(/\s+/)
				.map((word) => word.trim())
				.filter((word) => word.length >= 2)
				.slice(0, 5);

	const sortValue = single(query.sort) ?? 'due';
	if (!(QUEUE_SORTS as readonly string[]).includes(sortValue))
		errors.push({
			field: 'sort',
			key: 'field.invalid_choice',
			values: { field: 'sort', value: sortValue.slice(0, 64) },
		});
	const page = positiveInt(single(query.page), 1);
	if (page === null)
		errors.push({
			field: 'page',
			key: 'field.invalid_choice',
			values: { field: 'page', value: String(query.page).slice(0, 16) },
		});
	const limit = positiveInt(single(query.limit), 25);
	if (limit === null || limit > QUEUE_LIMIT_MAX)
		errors.push({ field: 'limit', key: 'field.too_long', values: { field: 'limit', limit: QUEUE_LIMIT_MAX } });

	return {
		query: {
			statuses: statuses.filter((value) => (COMPLAINT_STATUSES as readonly string[]).includes(value)),
			slaStates: choice('sla_state', SLA_STATES),
			categories: codes('category'),
			arrondissements: codes('arrondissement'),
			channels: choice('channel', CHANNELS),
			assignees: assignees.filter((value) => value === 'me' || value === 'none' || UUID.test(value)),
			from,
			to,
			reference,
			words,
			sort: (QUEUE_SORTS as readonly string[]).includes(sortValue) ? (sortValue as QueueSort) : 'due',
			page: page ?? 1,
			limit: limit !== null && limit <= QUEUE_LIMIT_MAX ? limit : 25,
		},
		errors,
	};
}

/** The first words of the citizen's text for a list, cut at a word boundary. */
export function excerpt(text: string | null | undefined, length = 140): string {
	const flat = String(text ?? '')
		.replace(/\s+/g, ' ')
		.trim();
	if (flat.length <= length) return flat;
	const cut = flat.slice(0, length);
	const space = cut.lastIndexOf(' ');
	return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}
