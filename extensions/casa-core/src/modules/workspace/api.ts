// The one typed client of the /workspace API (docs/workspace-api.md). Every
// call of the module goes through here, with the admin app's axios instance
// (useApi): the session cookie authenticates, answers come in the user's language.
/** An answer's body: the API puts its content in `data`, whose shape each call below states. */
export interface Answer {
	data?: unknown;
}
/** What the module needs of the admin app's axios instance (useApi), without tying it to one axios copy's types. */
export interface Http {
	get(url: string, config?: { params?: Record<string, string>; signal?: AbortSignal }): Promise<{ data: Answer }>;
	post(url: string, body?: unknown, config?: Record<string, unknown>): Promise<{ data: Answer }>;
	patch(url: string, body?: unknown): Promise<{ data: Answer }>;
	defaults: { baseURL?: string };
}

export interface Option {
	value: string;
	label: string;
	service?: string;
}
export interface Me {
	id: string;
	first_name: string | null;
	last_name: string | null;
	role: string;
	role_label: string;
	language: 'fr' | 'ar';
	landing: 'queue' | 'service' | 'desk' | 'city' | 'dashboard' | 'figures';
	capabilities: string[];
	dashboard: string | null;
	teams: { id: string; label: string }[];
	service: { code: string; label: string } | null;
	arrondissement: { code: string; label: string } | null;
}
export interface Options {
	statuses: Option[];
	sla_states: Option[];
	categories: Option[];
	arrondissements: Option[];
	channels: Option[];
	assignees: Option[];
	teams: Option[];
}
export interface QueueItem {
	id: string;
	reference: string;
	status: string;
	status_label: string;
	category_label: string | null;
	service_label: string | null;
	excerpt: string | null;
	thumbnail: string | null;
	arrondissement_label: string | null;
	channel_label: string | null;
	received_at: string | null;
	age_days: number | null;
	resolve_due_at: string | null;
	due_in_hours: number | null;
	sla_state: string | null;
	sla_label: string | null;
	assignee_label: string | null;
	latitude: number | null;
	longitude: number | null;
}
export interface QueuePage {
	data: QueueItem[];
	meta: { total: number; page: number; limit: number };
}
export interface Photo {
	id: string;
	kind: string;
	kind_label: string;
	url: string;
	thumbnail: string | null;
	type: string | null;
}
export interface HistoryEvent {
	id: number | string;
	at: string;
	type: string;
	label: string;
	body: string | null;
	actor_label: string | null;
	visibility: 'public' | 'internal' | string;
}
export interface CommandOffer {
	command: string;
	label: string;
	inputs: string[];
}
export interface Complaint {
	id: string;
	reference: string;
	status: string;
	status_label: string;
	type_label: string | null;
	category: string | null;
	category_label: string | null;
	service_label: string | null;
	channel_label: string | null;
	priority_label: string | null;
	description: string | null;
	address: string | null;
	latitude: number | null;
	longitude: number | null;
	arrondissement_label: string | null;
	received_at: string | null;
	acknowledge_due_at: string | null;
	resolve_due_at: string | null;
	legal_due_at: string | null;
	sla_state: string | null;
	sla_label: string | null;
	team_label: string | null;
	assignee_label: string | null;
	assignee_is_me: boolean;
	public_reply: string | null;
	rejection_reason: string | null;
	photos: Photo[];
	history: HistoryEvent[];
	commands: CommandOffer[];
	contact: { available: boolean; may_read: boolean };
	reply_templates: { label: string; text: string }[];
	/** the answers to the category's questions, in the user's language */
	answers?: { question: string; answer: string }[];
	/** proof of closure: the category asks for an after-photo before resolving */
	proof_of_closure?: { required: boolean; after_photos: number };
	/** the category suggestion's best categories for the description (requalification), best first */
	category_suggestions?: { value: string; label: string; score: number }[];
	/** open complaints nearby that may be the same problem (for a merge), best first */
	likely_duplicates?: {
		id: string;
		reference: string;
		status_label: string;
		category_label: string | null;
		distance_m: number;
		similarity: number;
	}[];
}
export interface Contact {
	name: string | null;
	phone: string | null;
	email: string | null;
	postal_address?: string | null;
	language: string | null;
}

const enc = encodeURIComponent;

/** The multipart part that carries an uploaded photo. */
export const UPLOAD_FIELD = 'photos';

export interface Eligible {
	teams: Option[];
	agents: (Option & { team?: string; team_label?: string })[];
}

export function workspaceApi(api: Http) {
	return {
		me: async () => (await api.get('/workspace/me')).data.data as Me,
		setLanguage: async (language: 'fr' | 'ar') =>
			(await api.patch('/workspace/me', { language })).data.data as Me | undefined,
		changePassword: async (current: string, password: string) => {
			await api.post('/workspace/me/password', { current, password });
		},
		options: async () => (await api.get('/workspace/options')).data.data as Options,
		queue: async (params: Record<string, string>, signal?: AbortSignal) =>
			(await api.get('/workspace/complaints', { params, signal })).data as QueuePage,
		complaint: async (id: string) => (await api.get(`/workspace/complaints/${enc(id)}`)).data.data as Complaint,
		contact: async (id: string) =>
			(await api.get(`/workspace/complaints/${enc(id)}/contact`, { params: { screen: 'complaint' } })).data
				.data as Contact,
		command: async (id: string, command: string, body: Record<string, unknown>) =>
			(await api.post(`/workspace/complaints/${enc(id)}/commands/${enc(command)}`, body)).data.data as Complaint,
		attach: async (id: string, file: File, kind = 'after_photo') => {
			const form = new FormData();
			// text fields before the file, so a streaming parser knows the kind when the bytes come
			form.append('kind', kind);
			// the server reads the file from the part named `photos` (the portal's parser); the contract says `file`
			form.append(UPLOAD_FIELD, file, file.name);
			return (await api.post(`/workspace/complaints/${enc(id)}/files`, form)).data.data as
				Complaint | Photo | undefined;
		},
		assignees: async (complaints: string[]) =>
			normaliseAssignees(
				(await api.get('/workspace/assignees', { params: { complaints: complaints.join(',') } })).data.data,
			),
		assign: async (complaints: string[], choice: { team?: string; assignee?: string }) =>
			(await api.post('/workspace/assignments', { complaints, ...choice })).data,
	};
}
export type WorkspaceApi = ReturnType<typeof workspaceApi>;

/** The assignees list as {value,label}, whether the server sends options or user rows. */
export function normaliseOptions(rows: unknown): Option[] {
	if (!Array.isArray(rows)) return [];
	return rows
		.map((row) => {
			if (!row || typeof row !== 'object') return null;
			const item = row as {
				value?: string;
				id?: string;
				label?: string;
				name?: string;
				first_name?: string;
				last_name?: string;
				service?: string;
			};
			const value = item.value ?? item.id;
			const label = item.label ?? item.name ?? [item.first_name, item.last_name].filter(Boolean).join(' ');
			return value
				? { value: String(value), label: String(label || ''), ...(item.service ? { service: item.service } : {}) }
				: null;
		})
		.filter((item): item is Option => !!item && item.label !== '');
}

/**
 * GET /workspace/assignees as eligible teams and agents: the server sends
 * `{ teams, agents }`; a bare list is taken as agents. An agent in several
 * teams is listed once.
 */
export function normaliseAssignees(data: unknown): Eligible {
	if (Array.isArray(data)) return { teams: [], agents: normaliseOptions(data) };
	const value = (data ?? {}) as { teams?: unknown; agents?: unknown; assignees?: unknown };
	const raw = Array.isArray(value.agents) ? value.agents : Array.isArray(value.assignees) ? value.assignees : [];
	const agents = new Map<string, Option & { team?: string; team_label?: string }>();
	for (const row of raw as { value?: string; team?: string; team_label?: string }[]) {
		const [option] = normaliseOptions([row]);
		if (!option || agents.has(option.value)) continue;
		agents.set(option.value, {
			...option,
			...(row.team ? { team: String(row.team) } : {}),
			...(row.team_label ? { team_label: String(row.team_label) } : {}),
		});
	}
	return { teams: normaliseOptions(value.teams), agents: [...agents.values()] };
}

/**
 * The sentence to show for a failed call: the server's `message`s (already in
 * the user's language), never a code; a generic sentence when the server said nothing.
 */
export function errorMessage(reason: unknown, fallback: string): string {
	const data = (reason as { response?: { data?: { errors?: { message?: unknown }[] } } })?.response?.data;
	const messages = (data?.errors ?? [])
		.map((item) => (typeof item?.message === 'string' ? item.message.trim() : ''))
		.filter(Boolean);
	return messages.length > 0 ? [...new Set(messages)].join(' ') : fallback;
}

/** Field-by-field messages of a refusal (`extensions.field`), for the form's inputs. */
export function fieldErrors(reason: unknown): Record<string, string> {
	const data = (
		reason as { response?: { data?: { errors?: { message?: string; extensions?: { field?: string } }[] } } }
	)?.response?.data;
	const out: Record<string, string> = {};
	for (const item of data?.errors ?? [])
		if (item?.extensions?.field && item.message) out[item.extensions.field] = item.message;
	return out;
}

export function httpStatus(reason: unknown): number | null {
	return (reason as { response?: { status?: number } })?.response?.status ?? null;
}

/** A server path (`/workspace/complaints/…/files/…`) as a URL the browser can load, under the app's API root. */
export function apiUrl(api: Http, path: string | null | undefined): string {
	if (!path) return '';
	if (/^https?:\/\//.test(path)) return path;
	const base = String(api.defaults.baseURL ?? '/').replace(/\/+$/, '');
	return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
}
