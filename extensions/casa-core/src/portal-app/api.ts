// The citizens' API at /portal/api, from the standalone page (same origin) or
// from the embed on another site (CORS). No cookies are ever sent.
export interface FieldProblem {
	message: string;
	field: string | null;
	reason: string | null;
}

/** The server answered with an error (400 field errors, 404, 429…). */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly problems: FieldProblem[],
	) {
		super(problems[0]?.message || `HTTP ${status}`);
	}
}

/** The request never got an answer: offline, DNS, connection reset. */
export class NetworkError extends Error {}

export interface RequestOptions {
	lang?: string;
	headers?: Record<string, string>;
	query?: Record<string, string | number>;
}

const DEVICE_KEY = 'casa-portal-device-v1';
let memoryDevice: string | null = null;

/**
 * A random id of this browser, kept in localStorage: the server binds the
 * draft's Idempotency-Key and a support to it, so nobody else can replay a
 * key or support twice. It identifies nothing about the person.
 */
export function deviceId(): string {
	try {
		const stored = localStorage.getItem(DEVICE_KEY);
		if (stored && /^[A-Za-z0-9_-]{16,128}$/.test(stored)) return stored;
		const made = uuid().replace(/-/g, '');
		localStorage.setItem(DEVICE_KEY, made);
		return made;
	} catch {
		memoryDevice ??= uuid().replace(/-/g, '');
		return memoryDevice;
	}
}

export interface Api {
	/** the portal's base URL, ending in /portal/ */
	portalBase: string;
	get<T>(path: string, options?: RequestOptions): Promise<T>;
	postJson<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
	postForm<T>(path: string, form: FormData, options?: RequestOptions): Promise<{ status: number; body: T }>;
}

interface ErrorBody {
	errors?: { message?: string; extensions?: { field?: string; reason?: string; code?: string } }[];
}

export function createApi(portalBase: string): Api {
	const apiBase = new URL('api/', portalBase);

	async function request<T>(
		method: string,
		path: string,
		init: { body?: BodyInit; headers?: Record<string, string> },
		options: RequestOptions = {},
	) {
		const url = new URL(path.replace(/^\//, ''), apiBase);
		if (options.lang) url.searchParams.set('lang', options.lang);
		for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
		let response: Response;
		try {
			response = await fetch(url, {
				method,
				body: init.body,
				headers: { accept: 'application/json', ...init.headers, ...options.headers },
				credentials: 'omit',
				cache: 'no-store',
			});
		} catch (error) {
			throw new NetworkError((error as Error).message);
		}
		const text = await response.text().catch(() => '');
		let json: unknown = {};
		try {
			json = text ? JSON.parse(text) : {};
		} catch {
			json = {};
		}
		if (!response.ok) {
			const errors = (json as ErrorBody).errors ?? [];
			throw new ApiError(
				response.status,
				errors.map((error) => ({
					message: error.message ?? '',
					field: error.extensions?.field ?? null,
					reason: error.extensions?.reason ?? null,
				})),
			);
		}
		return { status: response.status, body: json as T };
	}

	return {
		portalBase,
		get: async (path, options) => (await request<never>('GET', path, {}, options)).body,
		postJson: async (path, body, options) =>
			(
				await request<never>(
					'POST',
					path,
					{ body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'X-Casa-Device': deviceId() } },
					options,
				)
			).body,
		postForm: (path, form, options) =>
			request(
				'POST',
				path,
				{ body: form, headers: options?.headers?.['Idempotency-Key'] ? { 'X-Casa-Device': deviceId() } : {} },
				options,
			),
	};
}

/** A random UUID, also outside secure contexts (older WebViews). */
export function uuid(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
