// The queue's filters, kept in the page's query string (a filtered queue can
// be bookmarked, reloaded, shared with a colleague) and turned into the
// parameters of GET /workspace/complaints. Plain functions, unit-tested.

export const LIST_FILTERS = ['status', 'sla_state', 'category', 'arrondissement', 'assignee', 'channel'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export const SORTS = ['due', '-received_at', 'received_at', 'reference'] as const;
export type Sort = (typeof SORTS)[number];

export const VIEWS = ['list', 'map'] as const;
export type QueueView = (typeof VIEWS)[number];

export interface QueueFilters {
	status: string[];
	sla_state: string[];
	category: string[];
	arrondissement: string[];
	assignee: string[];
	channel: string[];
	/** YYYY-MM-DD, on the date received */
	from: string;
	to: string;
	/** a reference or words of the citizen's text */
	q: string;
	sort: Sort;
	page: number;
}

export interface QueueState extends QueueFilters {
	view: QueueView;
	/** the quick view chosen (a named set of filters), or '' */
	preset: string;
}

export const PAGE_SIZE = 25;
export const MAP_LIMIT = 100;

export function emptyFilters(): QueueFilters {
	return {
		status: [],
		sla_state: [],
		category: [],
		arrondissement: [],
		assignee: [],
		channel: [],
		from: '',
		to: '',
		q: '',
		sort: 'due',
		page: 1,
	};
}

type QueryValue = string | null | undefined | (string | null)[];
export type RouteQuery = Record<string, QueryValue>;

/** "a,b" or ["a","b"] or ["a,b","c"] → ["a","b","c"], trimmed, without blanks or repeats. */
export function listOf(value: QueryValue): string[] {
	const parts = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item ?? '').split(','));
	const out: string[] = [];
	for (const part of parts.map((item) => item.trim())) if (part && !out.includes(part)) out.push(part);
	return out;
}

function single(value: QueryValue): string {
	const first = Array.isArray(value) ? value[0] : value;
	return String(first ?? '').trim();
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the queue's state from the page's query string; anything unknown or malformed is dropped. */
export function stateFromQuery(query: RouteQuery): QueueState {
	const state: QueueState = { ...emptyFilters(), view: 'list', preset: '' };
	for (const key of LIST_FILTERS) state[key] = listOf(query[key]);
	const from = single(query.from);
	const to = single(query.to);
	if (DAY.test(from)) state.from = from;
	if (DAY.test(to)) state.to = to;
	state.q = single(query.q).slice(0, 200);
	const sort = single(query.sort);
	if ((SORTS as readonly string[]).includes(sort)) state.sort = sort as Sort;
	const page = Number.parseInt(single(query.page), 10);
	if (Number.isFinite(page) && page > 1) state.page = page;
	const view = single(query.view);
	if ((VIEWS as readonly string[]).includes(view)) state.view = view as QueueView;
	const preset = single(query.preset);
	if (/^[a-z_]{1,30}$/.test(preset)) state.preset = preset;
	return state;
}

/** The query string for a state: only what differs from the defaults, lists comma-joined. */
export function queryFromState(state: QueueState): Record<string, string> {
	const query: Record<string, string> = {};
	for (const key of LIST_FILTERS) if (state[key].length > 0) query[key] = state[key].join(',');
	if (state.from) query.from = state.from;
	if (state.to) query.to = state.to;
	if (state.q.trim()) query.q = state.q.trim();
	if (state.sort !== 'due') query.sort = state.sort;
	if (state.page > 1) query.page = String(state.page);
	if (state.view !== 'list') query.view = state.view;
	if (state.preset) query.preset = state.preset;
	return query;
}

/** Parameters of GET /workspace/complaints for these filters (the map asks for more rows, from the first page). */
export function apiParams(filters: QueueFilters, view: QueueView = 'list'): Record<string, string> {
	const params: Record<string, string> = {};
	for (const key of LIST_FILTERS) if (filters[key].length > 0) params[key] = filters[key].join(',');
	if (filters.from) params.from = filters.from;
	if (filters.to) params.to = filters.to;
	if (filters.q.trim()) params.q = filters.q.trim();
	params.sort = filters.sort;
	params.page = view === 'map' ? '1' : String(filters.page);
	params.limit = String(view === 'map' ? MAP_LIMIT : PAGE_SIZE);
	return params;
}

/** How many filters are set (the badge on the filters button); search and sort are not filters. */
export function activeFilterCount(filters: QueueFilters): number {
	return (
		LIST_FILTERS.reduce((sum, key) => sum + (filters[key].length > 0 ? 1 : 0), 0) + (filters.from || filters.to ? 1 : 0)
	);
}

/** Quick views: named sets of filters offered as chips, per landing. */
export interface Preset {
	id: string;
	filters: Partial<Pick<QueueFilters, ListFilter>>;
}

/** Statuses of complaints still to work on (the workflow's open statuses). */
export const OPEN_STATUSES = ['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'] as const;
const open = [...OPEN_STATUSES];

export const PRESETS: Record<'queue' | 'service' | 'city', readonly Preset[]> = {
	// an agent: the open work of theirs and their teams', then what is theirs, then what is late; everything last
	queue: [
		{ id: 'open', filters: { status: open } },
		{ id: 'mine', filters: { status: open, assignee: ['me'] } },
		{ id: 'late', filters: { status: open, sla_state: ['breached'] } },
		{ id: 'all', filters: {} },
	],
	// a service head: the service's unassigned complaints first, then the late ones
	service: [
		{ id: 'unassigned', filters: { status: open, assignee: ['none'] } },
		{ id: 'late', filters: { status: open, sla_state: ['breached'] } },
		{ id: 'at_risk', filters: { status: open, sla_state: ['at_risk'] } },
		{ id: 'open', filters: { status: open } },
		{ id: 'all', filters: {} },
	],
	// the city: the open complaints, then what is late or at risk; everything last
	city: [
		{ id: 'open', filters: { status: open } },
		{ id: 'late', filters: { status: open, sla_state: ['breached'] } },
		{ id: 'at_risk', filters: { status: open, sla_state: ['at_risk'] } },
		{ id: 'all', filters: {} },
	],
};

/** The query string of a group's first quick view (a landing), with a view. */
export function presetQuery(group: keyof typeof PRESETS, view: QueueView = 'list'): Record<string, string> {
	const base: QueueState = { ...emptyFilters(), view, preset: '' };
	return queryFromState(applyPreset(base, PRESETS[group][0]));
}

/** A preset applied: its filters replace the list filters; search, period, sort and view stay. */
export function applyPreset(state: QueueState, preset: Preset): QueueState {
	const next: QueueState = { ...state, preset: preset.id, page: 1 };
	for (const key of LIST_FILTERS) next[key] = [...(preset.filters[key] ?? [])];
	return next;
}

/** Is the state exactly this preset (so its chip shows as chosen)? */
export function matchesPreset(state: QueueState, preset: Preset): boolean {
	return LIST_FILTERS.every((key) => {
		const wanted = preset.filters[key] ?? [];
		return wanted.length === state[key].length && wanted.every((value) => state[key].includes(value));
	});
}
