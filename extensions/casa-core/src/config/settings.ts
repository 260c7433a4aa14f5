// Every setting of the platform, declared once: its environment variable, its
// type, its default, whether it is a secret, what it is for and which part
// reads it. `readSettings(env)` parses them all with the same rules and gives
// a typed, frozen object. The launcher (directus.config.ts) and every hook,
// endpoint and operation of the extension read their settings through it and
// nowhere else (settings.test.ts checks that no other file reads `env`).
// docs/configuration.md is generated from these declarations
// (`npm run docs:config`; a unit test fails when it is out of date).
//
// No Directus import: the launcher, the tests and the doc script load it as is.
//
// One set of rules reads every value: READING_RULES below, printed in the doc.
import { LOGIN_RULES, type ThrottleRule } from '../domain/accounts/login-throttle';
import { SENDING_LEASE_MS } from '../domain/notifications/delivery';
import { DEFAULT_MINIMUM_COUNT } from '../domain/officials/public-figures';

/** An environment as the launcher (process.env) or the Directus extension (its cast env) sees it. */
export type Env = Readonly<Record<string, unknown>>;

export type SettingType = 'string' | 'integer' | 'boolean' | 'cron' | 'url' | 'list' | 'duration';

/** Who defines the variable: the platform itself, Directus (read by our code too), Node.js, or the deployment files. */
export type Owner = 'platform' | 'directus' | 'node' | 'deployment';

/** One line of docs/configuration.md. */
export interface SettingRow {
	name: string;
	type: SettingType;
	/** the unit of a duration, the choices of a string, the bounds of a number */
	accepts: string | null;
	/** the default as the documentation shows it: never a secret's value */
	defaultText: string;
	secret: boolean;
	owner: Owner;
	description: string;
	/** the parts that read it: `launcher` (directus.config.ts), `Directus`, or a path under extensions/casa-core/src */
	usedBy: readonly string[];
}

export interface Setting<T> {
	readonly rows: readonly SettingRow[];
	read(env: Env): T;
}

/** Values that cannot be used: the message names each variable, what it must be and what was given. */
export class SettingError extends Error {
	readonly problems: readonly string[];
	constructor(problems: readonly string[]) {
		super(problems.length === 1 ? problems[0] : `settings not valid:\n - ${problems.join('\n - ')}`);
		this.name = 'SettingError';
		this.problems = problems;
	}
}

// ---------------------------------------------------------------- parsing

/** How every value is read (docs/configuration.md prints these). */
export const READING_RULES: readonly string[] = [
	'A variable that is absent, empty or blank is unset: its default applies.',
	'In the Directus process, Directus has already cast the values (numbers, booleans, comma-separated text as arrays): they are turned back into text first (arrays joined with commas), so the launcher and the extension read the same text the same way.',
	'Blanks around a value are ignored, except in secrets.',
	'A boolean is `true`, `1`, `yes` or `on`, or `false`, `0`, `no` or `off`, in any case.',
	"An integer or a duration is written in decimal digits, within its bounds; a duration's unit is in its type.",
	'A schedule is a cron expression of 5 fields, or 6 with the seconds first; `off` turns off the jobs that say so.',
	'A URL starts with its scheme and host (`https://host…`).',
	'A list is comma-separated; blanks around items and empty items are dropped.',
	"Anything else stops the start with an error naming the variable, what it must be and the value given (never a secret's value). The launcher checks every setting before Directus starts; in the Directus process each part reads its settings when it is set up.",
];

/** The text of a variable, or null when unset. */
function rawText(env: Env, name: string, secret: boolean): string | null {
	const value = env[name];
	if (value === undefined || value === null) return null;
	const text = Array.isArray(value)
		? value.map(String).join(',')
		: typeof value === 'object'
			? JSON.stringify(value)
			: String(value);
	if (text.trim() === '') return null;
	return secret ? text : text.trim();
}

/** Thrown by a parser: what the value must be. */
class Expected extends Error {}

const BOOLEANS: Record<string, boolean> = {
	true: true,
	1: true,
	yes: true,
	on: true,
	false: false,
	0: false,
	no: false,
	off: false,
};

function parseBoolean(text: string): boolean {
	const value = BOOLEANS[text.toLowerCase()];
	if (value === undefined) throw new Expected('true or false (also 1/0, yes/no, on/off)');
	return value;
}

function parseInteger(text: string, min: number, max: number, unit = 'an integer'): number {
	const range = max === Number.MAX_SAFE_INTEGER ? `${unit} of at least ${min}` : `${unit} from ${min} to ${max}`;
	if (!/^[+-]?\d+$/.test(text)) throw new Expected(range);
	const value = Number(text);
	if (!Number.isSafeInteger(value) || value < min || value > max) throw new Expected(range);
	return value;
}

const CRON_FIELD = /^[0-9A-Za-z*/,?#-]+$/;

function parseCron(text: string, off: boolean): string | null {
	if (off && text.toLowerCase() === 'off') return null;
	const fields = text.split(/\s+/);
	if ((fields.length !== 5 && fields.length !== 6) || !fields.every((field) => CRON_FIELD.test(field)))
		throw new Expected(`a cron expression of 5 fields or 6 (with seconds)${off ? ', or off' : ''}`);
	return text;
}

function parseUrl(text: string, schemes: readonly string[], pathAllowed: boolean): string {
	if (pathAllowed && text.startsWith('/')) return text;
	const match = /^([a-z][a-z0-9+.-]*):\/\/[^\s/?#]+/i.exec(text);
	if (!match || !schemes.includes(match[1].toLowerCase()))
		throw new Expected(
			`a URL (${schemes.map((scheme) => `${scheme}://…`).join(' or ')})${pathAllowed ? ' or a path' : ''}`,
		);
	return text;
}

function parseList(text: string): readonly string[] {
	return Object.freeze(
		text
			.split(',')
			.map((item) => item.trim())
			.filter(Boolean),
	);
}

// ---------------------------------------------------------------- declaring

interface Spec<T> {
	description: string;
	usedBy: readonly string[];
	owner?: Owner;
	secret?: boolean;
	/** the value when unset; a function when it follows from other settings */
	default: T | ((env: Env) => T);
	/** the default in words, when it is computed or not a plain value (never a secret's value) */
	defaultText?: string;
}

function shownDefault(value: unknown, type: SettingType, secret: boolean): string {
	if (value === null || value === undefined) return type === 'cron' ? '`off`' : 'unset';
	if (value === '') return 'empty';
	if (secret) return 'set (not shown)';
	if (Array.isArray(value)) return `\`${value.join(',')}\``;
	return `\`${String(value)}\``;
}

function declare<T>(
	name: string,
	type: SettingType,
	spec: Spec<T>,
	parse: (text: string) => T,
	accepts: string | null = null,
): Setting<T> {
	const secret = spec.secret ?? false;
	const computed = typeof spec.default === 'function';
	if (computed && !spec.defaultText) throw new Error(`${name}: a computed default needs its defaultText`);
	const row: SettingRow = {
		name,
		type,
		accepts,
		defaultText: spec.defaultText ?? shownDefault(spec.default, type, secret),
		secret,
		owner: spec.owner ?? 'platform',
		description: spec.description,
		usedBy: spec.usedBy,
	};
	return {
		rows: [row],
		read(env) {
			const text = rawText(env, name, secret);
			if (text === null) return computed ? (spec.default as (env: Env) => T)(env) : (spec.default as T);
			try {
				return parse(text);
			} catch (error) {
				if (!(error instanceof Expected)) throw error;
				const given = secret
					? `a value of ${text.length} characters`
					: JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
				throw new SettingError([`${name} must be ${error.message}, got ${given}`]);
			}
		},
	};
}

function string<D extends string | null>(name: string, spec: Spec<D>): Setting<string | D> {
	return declare<string | D>(name, 'string', spec, (text) => text);
}

function choice<const C extends readonly string[]>(
	name: string,
	choices: C,
	spec: Spec<C[number]>,
): Setting<C[number]> {
	return declare<C[number]>(
		name,
		'string',
		spec,
		(text) => {
			if (!choices.includes(text)) throw new Expected(`one of ${choices.join(', ')}`);
			return text as C[number];
		},
		`one of ${choices.map((value) => `\`${value}\``).join(', ')}`,
	);
}

function integer<D extends number | null>(
	name: string,
	spec: Spec<D> & { min?: number; max?: number },
): Setting<number | D> {
	const min = spec.min ?? 0;
	const max = spec.max ?? Number.MAX_SAFE_INTEGER;
	return declare<number | D>(name, 'integer', spec, (text) => parseInteger(text, min, max), bounds(min, max));
}

type Unit = 'ms' | 's' | 'min';

function duration(name: string, unit: Unit, spec: Spec<number> & { min?: number; max?: number }): Setting<number> {
	const min = spec.min ?? 0;
	const max = spec.max ?? Number.MAX_SAFE_INTEGER;
	const unitName = { ms: 'milliseconds', s: 'seconds', min: 'minutes' }[unit];
	return declare(
		name,
		'duration',
		spec,
		(text) => parseInteger(text, min, max, `a whole number of ${unitName}`),
		`${unitName}, ${bounds(min, max)}`,
	);
}

function bounds(min: number, max: number): string {
	return max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `${min}–${max}`;
}

function boolean(name: string, spec: Spec<boolean>): Setting<boolean> {
	return declare(name, 'boolean', spec, parseBoolean);
}

/** A schedule; with `off: true` the value `off` turns it off (null). */
function cron<Off extends boolean = false>(
	name: string,
	spec: Spec<string> & { off?: Off },
): Setting<Off extends true ? string | null : string> {
	const off = spec.off ?? false;
	return declare(
		name,
		'cron',
		spec,
		(text) => parseCron(text, off),
		off ? 'seconds first when 6 fields; `off` turns it off' : 'seconds first when 6 fields',
	) as Setting<Off extends true ? string | null : string>;
}

function url<D extends string | null>(
	name: string,
	spec: Spec<D> & { schemes?: readonly string[]; pathAllowed?: boolean },
): Setting<string | D> {
	const schemes = spec.schemes ?? ['http', 'https'];
	return declare<string | D>(
		name,
		'url',
		spec,
		(text) => parseUrl(text, schemes, spec.pathAllowed ?? false),
		`${schemes.join(', ')}${spec.pathAllowed ? ', or a path' : ''}`,
	);
}

function list(name: string, spec: Spec<readonly string[]>): Setting<readonly string[]> {
	return declare(
		name,
		'list',
		{ ...spec, default: typeof spec.default === 'function' ? spec.default : Object.freeze([...spec.default]) },
		parseList,
		'comma-separated',
	);
}

/**
 * Every variable whose name starts with `prefix` (and is not excluded), by the
 * rest of its name: documented as one row, `<prefix><placeholder>`.
 */
function family(
	prefix: string,
	placeholder: string,
	spec: Omit<Spec<never>, 'default' | 'defaultText'> & { exclude?: readonly string[]; key?: (rest: string) => string },
): Setting<Readonly<Record<string, string>>> {
	const secret = spec.secret ?? false;
	const row: SettingRow = {
		name: `${prefix}${placeholder}`,
		type: 'string',
		accepts: null,
		defaultText: 'unset',
		secret,
		owner: spec.owner ?? 'platform',
		description: spec.description,
		usedBy: spec.usedBy,
	};
	return {
		rows: [row],
		read(env) {
			const found: Record<string, string> = {};
			for (const name of Object.keys(env)) {
				if (!name.startsWith(prefix) || name.length === prefix.length || spec.exclude?.includes(name)) continue;
				const text = rawText(env, name, secret);
				if (text !== null) found[spec.key ? spec.key(name.slice(prefix.length)) : name] = text;
			}
			return Object.freeze(found);
		},
	};
}

/** A per-address limit: CASA_<NAME>_RATE_POINTS in CASA_<NAME>_RATE_DURATION seconds. */
export interface RateLimit {
	/** the counters' key prefix (in Redis or in memory) */
	key: string;
	points: number;
	/** seconds */
	duration: number;
}

function rateLimit(
	name: string,
	defaults: { points: number; duration: number },
	what: string,
	usedBy: readonly string[],
): Setting<RateLimit> {
	const points = integer(`CASA_${name}_RATE_POINTS`, {
		default: defaults.points,
		min: 1,
		description: `${what} allowed in a window`,
		usedBy,
	});
	const window = duration(`CASA_${name}_RATE_DURATION`, 's', {
		default: defaults.duration,
		min: 1,
		description: `the window of CASA_${name}_RATE_POINTS`,
		usedBy,
	});
	return {
		rows: [...points.rows, ...window.rows],
		read(env) {
			const problems: string[] = [];
			const attempt = <T>(setting: Setting<T>): T | null => {
				try {
					return setting.read(env);
				} catch (error) {
					if (!(error instanceof SettingError)) throw error;
					problems.push(...error.problems);
					return null;
				}
			};
			const [count, seconds] = [attempt(points), attempt(window)];
			if (count === null || seconds === null) throw new SettingError(problems);
			return Object.freeze({ key: `casa-${name.toLowerCase()}`, points: count, duration: seconds });
		},
	};
}

const loginRule = (name: ThrottleRule['name']) => {
	const rule = LOGIN_RULES.find((entry) => entry.name === name);
	if (!rule) throw new Error(`no log-in rule ${name}`);
	return rule;
};

// ---------------------------------------------------------------- the settings

export const MODES = ['development', 'production', 'test'] as const;
export type Mode = (typeof MODES)[number];

/** The administrator's password outside production; production refuses it. */
export const DEVELOPMENT_ADMIN_PASSWORD = 'Casa-admin-2026';
/** The demo accounts' password when DEMO_PASSWORD is unset. */
export const DEMO_PASSWORD_DEFAULT = 'Casa-demo-2026';

const ENDPOINTS_WITH_LINKS = [
	'endpoints/portal',
	'endpoints/desk',
	'endpoints/chat',
	'endpoints/open311',
	'endpoints/reports',
	'endpoints/privacy',
];

const NODE_ENV = string('NODE_ENV', {
	owner: 'node',
	default: null,
	description: '`production` makes `production` the default of CASA_ENV',
	usedBy: ['launcher'],
});

const CASA_ENV = choice('CASA_ENV', MODES, {
	default: (env) => (NODE_ENV.read(env) === 'production' ? 'production' : 'development'),
	defaultText: '`development` (`production` when NODE_ENV is `production`)',
	description:
		"`production` refuses default secrets, demo data, SQLite and an IMAP connection without TLS; `test` is the integration tests' mode",
	usedBy: ['launcher', 'hooks/mail-intake', 'endpoints/open311'],
});
const modeOf = (env: Env): Mode => CASA_ENV.read(env);

const PORT = integer('PORT', {
	owner: 'directus',
	default: 8055,
	min: 1,
	max: 65535,
	description: 'the port Directus listens on',
	usedBy: ['launcher'],
});

const MAIL_SECURE = boolean('CASA_MAIL_IMAP_SECURE', {
	default: true,
	description: 'implicit TLS (port 993); `false` for a plain or STARTTLS connection, which production refuses',
	usedBy: ['launcher', 'hooks/mail-intake'],
});

const REDIS_URL = url('REDIS_URL', {
	default: null,
	schemes: ['redis', 'rediss'],
	description: 'another name for REDIS, read when REDIS is unset',
	usedBy: ['launcher', 'hooks/redis-fallback'],
});

const RATE_LIMITED = {
	portal: ['endpoints/portal'],
	figures: ['endpoints/portal/figures-routes.ts'],
	chat: ['endpoints/chat'],
	open311: ['endpoints/open311'],
	accounts: ['hooks/accounts'],
} as const;

interface Section {
	title: string;
	intro: string;
	settings: Readonly<Record<string, Setting<unknown>>>;
}

function section<S extends Record<string, Setting<unknown>>>(
	title: string,
	intro: string,
	settings: S,
): { title: string; intro: string; settings: S } {
	return { title, intro, settings };
}

export const SETTINGS = {
	platform: section(
		'Platform',
		'Where the platform runs, its mode and the first administrator. The launcher (`npm start`, scripts/start.ts) reads them and gives Directus its environment (directus.config.ts).',
		{
			mode: CASA_ENV,
			nodeEnv: NODE_ENV,
			dataDir: string('CASA_DATA_DIR', {
				default: null,
				defaultText: '`data/` in the project folder',
				description: 'folder of the SQLite file, the uploads and the generated local secrets',
				usedBy: ['launcher'],
			}),
			port: PORT,
			host: string('HOST', {
				owner: 'directus',
				default: '::',
				description: 'the address Directus listens on (`::`: every IPv4 and IPv6 address)',
				usedBy: ['launcher'],
			}),
			publicUrl: url('PUBLIC_URL', {
				owner: 'directus',
				pathAllowed: true,
				default: (env) => `http://localhost:${PORT.read(env)}`,
				defaultText: '`http://localhost:<PORT>`',
				description: 'the public address of the platform: links in e-mails, tracking links, the allowed origins',
				usedBy: [
					'launcher',
					...ENDPOINTS_WITH_LINKS,
					'hooks/outbox-worker',
					'hooks/mail-intake',
					'hooks/monthly-report',
					'hooks/redis-fallback',
					'operations/sla-sweep',
				],
			}),
			secret: string('SECRET', {
				owner: 'directus',
				secret: true,
				default: '',
				defaultText: 'outside production: random, generated once into `<CASA_DATA_DIR>/local-secrets.json`',
				description:
					'signs sessions, tokens, tracking codes and report links: 32 characters or more in production, the same on every instance',
				usedBy: ['launcher', ...ENDPOINTS_WITH_LINKS, 'hooks/mail-intake', 'hooks/monthly-report'],
			}),
			adminEmail: string('ADMIN_EMAIL', {
				owner: 'directus',
				default: 'admin@casablanca.ma',
				description: 'the first administrator, created at the first start',
				usedBy: ['launcher'],
			}),
			adminPassword: string('ADMIN_PASSWORD', {
				owner: 'directus',
				secret: true,
				default: (env) => (modeOf(env) === 'production' ? '' : DEVELOPMENT_ADMIN_PASSWORD),
				defaultText: 'outside production: the development password (README); required in production',
				description: "the first administrator's password: 12 characters or more in production",
				usedBy: ['launcher'],
			}),
			adminToken: string('ADMIN_TOKEN', {
				owner: 'directus',
				secret: true,
				default: '',
				defaultText: 'outside production: random, generated once into `<CASA_DATA_DIR>/local-secrets.json`',
				description:
					'static token of the first administrator, used by provisioning: 24 characters or more in production',
				usedBy: ['launcher'],
			}),
			logLevel: choice('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
				owner: 'directus',
				default: (env) => (modeOf(env) === 'test' ? 'warn' : 'info'),
				defaultText: '`info` (`warn` in test mode)',
				description: 'how much Directus and the platform log',
				usedBy: ['launcher'],
			}),
			trustProxy: string('IP_TRUST_PROXY', {
				owner: 'directus',
				default: null,
				description: "set behind a reverse proxy: which proxies may say who the client is (Directus's syntax)",
				usedBy: ['launcher'],
			}),
			shutdownGraceMs: duration('CASA_SHUTDOWN_GRACE_MS', 'ms', {
				default: 25_000,
				description:
					"on SIGTERM/SIGINT, how long requests in flight may finish (below the compose file's stop_grace_period)",
				usedBy: ['launcher'],
			}),
		},
	),

	demo: section('Demo data', 'Demo accounts and complaints, for trying the platform; production refuses them.', {
		enabled: boolean('DEMO_DATA', {
			default: (env) => modeOf(env) !== 'production',
			defaultText: '`true` outside production, `false` in production',
			description: 'create the demo accounts and complaints at start',
			usedBy: ['launcher'],
		}),
		password: string('DEMO_PASSWORD', {
			secret: true,
			default: DEMO_PASSWORD_DEFAULT,
			defaultText: 'the demo password (README)',
			description: 'the password of every demo account',
			usedBy: ['launcher'],
		}),
	}),

	database: section(
		'Database',
		'SQLite for local use, PostgreSQL in production. Every wait on PostgreSQL is bounded: past a bound the caller gets a 503 with Retry-After.',
		{
			client: choice('DB_CLIENT', ['sqlite3', 'pg'], {
				owner: 'directus',
				default: 'sqlite3',
				description: '`pg` for PostgreSQL (production)',
				usedBy: ['launcher', 'hooks/redis-fallback'],
			}),
			filename: string('DB_FILENAME', {
				owner: 'directus',
				default: null,
				defaultText: '`<CASA_DATA_DIR>/casa.db`',
				description: 'the SQLite file',
				usedBy: ['launcher'],
			}),
			host: string('DB_HOST', {
				owner: 'directus',
				default: '127.0.0.1',
				description: 'PostgreSQL host',
				usedBy: ['launcher'],
			}),
			port: integer('DB_PORT', {
				owner: 'directus',
				default: 5432,
				min: 1,
				max: 65535,
				description: 'PostgreSQL port',
				usedBy: ['launcher'],
			}),
			user: string('DB_USER', {
				owner: 'directus',
				default: 'postgres',
				description: 'PostgreSQL user',
				usedBy: ['launcher'],
			}),
			password: string('DB_PASSWORD', {
				owner: 'directus',
				secret: true,
				default: '',
				description: 'PostgreSQL password',
				usedBy: ['launcher'],
			}),
			database: string('DB_DATABASE', {
				owner: 'directus',
				default: 'casa_reclamations',
				description: 'PostgreSQL database',
				usedBy: ['launcher'],
			}),
			ssl: boolean('DB_SSL', {
				owner: 'directus',
				default: false,
				description: 'TLS to PostgreSQL',
				usedBy: ['launcher'],
			}),
			acquireTimeoutMs: duration('CASA_DB_ACQUIRE_TIMEOUT_MS', 'ms', {
				default: 4000,
				min: 1,
				description: 'waiting for a free connection of the pool',
				usedBy: ['launcher'],
			}),
			connectTimeoutMs: duration('CASA_DB_CONNECT_TIMEOUT_MS', 'ms', {
				default: 3000,
				min: 1,
				description: 'opening a new connection',
				usedBy: ['launcher'],
			}),
			statementTimeoutMs: duration('CASA_DB_STATEMENT_TIMEOUT_MS', 'ms', {
				default: 8000,
				min: 1,
				description: 'a statement or a lock wait, enforced by the server (statement_timeout, lock_timeout)',
				usedBy: ['launcher'],
			}),
			queryTimeoutMs: duration('CASA_DB_QUERY_TIMEOUT_MS', 'ms', {
				default: 9000,
				min: 1,
				description: 'a statement, enforced by the client when the server does not answer at all',
				usedBy: ['launcher', 'hooks/service-unavailable'],
			}),
		},
	),

	redis: section(
		'Redis',
		"With Redis, every instance shares the cache, the rate limiters' counters, the schedules (one instance per tick) and Directus's messages; without it each instance keeps its own. If Redis stops answering, each instance falls back on its memory until it answers again (hooks/redis-fallback).",
		{
			url: url('REDIS', {
				owner: 'directus',
				schemes: ['redis', 'rediss'],
				default: (env) => REDIS_URL.read(env),
				defaultText: 'REDIS_URL, else unset',
				description: 'Redis URL: cache, rate limiter, synchronisation and messenger stores',
				usedBy: [
					'launcher',
					'hooks/redis-fallback',
					...RATE_LIMITED.portal,
					...RATE_LIMITED.chat,
					...RATE_LIMITED.open311,
					...RATE_LIMITED.accounts,
				],
			}),
			urlAlias: REDIS_URL,
			enabled: boolean('REDIS_ENABLED', {
				owner: 'directus',
				default: true,
				description: '`false`: Directus and the Redis fallback ignore the Redis settings',
				usedBy: ['hooks/redis-fallback'],
			}),
			parts: family('REDIS_', '<PART>', {
				owner: 'directus',
				secret: true,
				exclude: ['REDIS_ENABLED'],
				description:
					"Directus's Redis connection given in parts (REDIS_HOST, REDIS_PORT, REDIS_PASSWORD…) instead of REDIS: Redis counts as configured",
				usedBy: ['hooks/redis-fallback'],
			}),
		},
	),

	limits: section('Directus limits', 'Passed to Directus by the launcher.', {
		queryDefault: integer('QUERY_LIMIT_DEFAULT', {
			owner: 'directus',
			default: 100,
			min: 1,
			description: 'items per page when a query does not say',
			usedBy: ['launcher'],
		}),
		queryMax: integer('QUERY_LIMIT_MAX', {
			owner: 'directus',
			default: 1000,
			min: 1,
			description: 'the most items a query may ask for',
			usedBy: ['launcher'],
		}),
		maxBatchMutation: integer('MAX_BATCH_MUTATION', {
			owner: 'directus',
			default: 500,
			min: 1,
			description: 'the most items one request may create, change or delete',
			usedBy: ['launcher'],
		}),
		rateLimitPoints: integer('RATE_LIMITER_POINTS', {
			owner: 'directus',
			default: 100,
			min: 1,
			description: 'requests per address in RATE_LIMITER_DURATION, on every route (the limiter is always on)',
			usedBy: ['launcher'],
		}),
		rateLimitDuration: duration('RATE_LIMITER_DURATION', 's', {
			owner: 'directus',
			default: 1,
			min: 1,
			description: 'the window of RATE_LIMITER_POINTS',
			usedBy: ['launcher'],
		}),
		loginAttempts: integer('AUTH_LOGIN_ATTEMPTS', {
			default: 10,
			min: 1,
			description:
				'consecutive failed log-ins before Directus suspends an account; provisioning writes it to the settings (auth_login_attempts, what Directus 12 reads) at every start',
			usedBy: ['launcher'],
		}),
	}),

	uploads: section('Files', "Uploaded files: citizens' photos, scans, attachments.", {
		root: string('STORAGE_LOCAL_ROOT', {
			owner: 'directus',
			default: null,
			defaultText: '`<CASA_DATA_DIR>/uploads`',
			description: 'the folder of uploaded files',
			usedBy: ['launcher'],
		}),
		maxSize: string('FILES_MAX_UPLOAD_SIZE', {
			owner: 'directus',
			default: '10mb',
			description: 'the largest upload Directus accepts',
			usedBy: ['launcher'],
		}),
		mimeTypes: list('FILES_MIME_TYPE_ALLOW_LIST', {
			owner: 'directus',
			default: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
			description: 'the types Directus accepts',
			usedBy: ['launcher'],
		}),
		photoDecodeConcurrency: integer('CASA_PHOTO_DECODE_CONCURRENCY', {
			default: 2,
			min: 1,
			description:
				"citizens' photos decoded at once per instance (about 36 MB each for 12 MP), whatever the uploads in flight",
			usedBy: ['endpoints/portal', 'endpoints/workspace', 'endpoints/chat'],
		}),
		memoryMb: integer('CASA_UPLOAD_MEMORY_MB', {
			default: 64,
			min: 16,
			description:
				'megabytes of multipart uploads (photos, scans) an instance holds at once; an upload waits for its share before it is read (one larger than this is read alone)',
			usedBy: ['endpoints/portal', 'endpoints/workspace', 'endpoints/chat', 'endpoints/desk'],
		}),
		waitMs: duration('CASA_UPLOAD_WAIT_MS', 'ms', {
			default: 30_000,
			min: 1,
			description:
				'how long an upload may wait for its share of CASA_UPLOAD_MEMORY_MB before it is answered 503 with Retry-After',
			usedBy: ['endpoints/portal', 'endpoints/workspace', 'endpoints/chat', 'endpoints/desk'],
		}),
		readMs: duration('CASA_UPLOAD_READ_MS', 'ms', {
			default: 120_000,
			min: 1000,
			description:
				'how long an admitted upload may take to arrive; a slower one is answered 400 and its connection closed, so a slow sender cannot hold the upload memory',
			usedBy: ['endpoints/portal', 'endpoints/workspace', 'endpoints/chat', 'endpoints/desk'],
		}),
	}),

	rateLimits: section(
		'Per-address limits',
		'Each limit counts per address (per account for CASA_LOGIN_ACCOUNT_*), in Redis when REDIS is set so that every instance shares the counts, and answers 429 past it.',
		{
			intake: rateLimit(
				'INTAKE',
				{ points: 10, duration: 60 },
				"citizens' submissions (POST /portal/api/complaints) per address",
				['launcher', ...RATE_LIMITED.portal],
			),
			tracking: rateLimit(
				'TRACKING',
				{ points: 60, duration: 60 },
				'tracking look-ups (/portal/api/complaints/:reference) per address',
				['launcher', ...RATE_LIMITED.portal],
			),
			suggest: rateLimit(
				'SUGGEST',
				{ points: 120, duration: 60 },
				'category suggestions as the citizen types (/portal/api/categories/suggest) per address',
				RATE_LIMITED.portal,
			),
			figures: rateLimit(
				'FIGURES',
				{ points: 30, duration: 60 },
				'archive months of the public figures (/portal/chiffres?until=, computed on demand) per address',
				RATE_LIMITED.figures,
			),
			chat: rateLimit(
				'CHAT',
				{ points: 60, duration: 60 },
				"messages to the portal's chat widget per address",
				RATE_LIMITED.chat,
			),
			open311KeyFailures: rateLimit(
				'OPEN311_KEY_FAILURES',
				{ points: 30, duration: 600 },
				'Open311 requests with an unknown or missing api_key per address',
				RATE_LIMITED.open311,
			),
			loginPair: rateLimit(
				'LOGIN_PAIR',
				loginRule('LOGIN_PAIR'),
				'failed log-ins of one account from one address (then refused: no suspension)',
				RATE_LIMITED.accounts,
			),
			loginAccount: rateLimit(
				'LOGIN_ACCOUNT',
				loginRule('LOGIN_ACCOUNT'),
				'failed log-ins of one account from every address together',
				RATE_LIMITED.accounts,
			),
			loginAddress: rateLimit(
				'LOGIN_ADDRESS',
				loginRule('LOGIN_ADDRESS'),
				'failed log-ins from one address, whatever the account',
				RATE_LIMITED.accounts,
			),
		},
	),

	mail: section(
		'E-mail intake (IMAP)',
		'A dedicated mailbox polled for complaints (hooks/mail-intake); off while CASA_MAIL_IMAP_HOST is unset.',
		{
			host: string('CASA_MAIL_IMAP_HOST', {
				default: null,
				defaultText: 'unset (intake off)',
				description: 'the IMAP server',
				usedBy: ['launcher', 'hooks/mail-intake'],
			}),
			port: integer('CASA_MAIL_IMAP_PORT', {
				min: 1,
				max: 65535,
				default: (env) => (MAIL_SECURE.read(env) ? 993 : 143),
				defaultText: '`993` (`143` when CASA_MAIL_IMAP_SECURE is false)',
				description: 'the IMAP port',
				usedBy: ['launcher', 'hooks/mail-intake'],
			}),
			secure: MAIL_SECURE,
			user: string('CASA_MAIL_IMAP_USER', {
				default: '',
				description: 'the mailbox account',
				usedBy: ['launcher', 'hooks/mail-intake'],
			}),
			password: string('CASA_MAIL_IMAP_PASSWORD', {
				secret: true,
				default: '',
				description: 'the mailbox password',
				usedBy: ['launcher', 'hooks/mail-intake'],
			}),
			mailbox: string('CASA_MAIL_MAILBOX', {
				default: 'INBOX',
				description: 'the folder read',
				usedBy: ['launcher', 'hooks/mail-intake'],
			}),
			schedule: cron('CASA_MAIL_POLL_SCHEDULE', {
				default: '0 * * * * *',
				description: 'how often the mailbox is read (every minute by default)',
				usedBy: ['launcher', 'hooks/mail-intake'],
			}),
			testFaults: boolean('CASA_MAIL_TEST_FAULTS', {
				default: false,
				description: 'integration tests only: simulated crashes at chosen points of an import; ignored in production',
				usedBy: ['hooks/mail-intake'],
			}),
		},
	),

	email: section(
		'Outgoing e-mail',
		"How the outbox sends e-mail: Directus's mail settings, read by Directus's mail service; unset, Directus's defaults apply.",
		{
			from: string('EMAIL_FROM', {
				owner: 'directus',
				default: null,
				defaultText: "Directus's (`no-reply@example.com`)",
				description: 'the sender of every e-mail; its domain also names the messages (Message-ID)',
				usedBy: ['Directus', 'hooks/outbox-worker'],
			}),
			transport: string('EMAIL_TRANSPORT', {
				owner: 'directus',
				default: null,
				defaultText: "Directus's (`sendmail`)",
				description: '`smtp` in production',
				usedBy: ['Directus'],
			}),
			smtpHost: string('EMAIL_SMTP_HOST', {
				owner: 'directus',
				default: null,
				description: 'the SMTP relay',
				usedBy: ['Directus'],
			}),
			smtpPort: integer('EMAIL_SMTP_PORT', {
				owner: 'directus',
				default: null,
				min: 1,
				max: 65535,
				description: 'its port',
				usedBy: ['Directus'],
			}),
			smtpUser: string('EMAIL_SMTP_USER', {
				owner: 'directus',
				default: null,
				description: 'the relay account',
				usedBy: ['Directus'],
			}),
			smtpPassword: string('EMAIL_SMTP_PASSWORD', {
				owner: 'directus',
				secret: true,
				default: null,
				description: 'the relay password',
				usedBy: ['Directus'],
			}),
			smtpSecure: boolean('EMAIL_SMTP_SECURE', {
				owner: 'directus',
				default: false,
				description: 'implicit TLS (port 465); `false` uses STARTTLS when the relay offers it',
				usedBy: ['Directus'],
			}),
			smtpIgnoreTls: boolean('EMAIL_SMTP_IGNORE_TLS', {
				owner: 'directus',
				default: false,
				description: 'never STARTTLS (local tests only)',
				usedBy: ['Directus'],
			}),
		},
	),

	outbox: section(
		'Citizen notifications (outbox)',
		'The outbox worker (hooks/outbox-worker) sends what the outbox holds by e-mail, SMS and WhatsApp.',
		{
			schedule: cron('CASA_OUTBOX_SCHEDULE', {
				default: '*/15 * * * * *',
				description: 'how often the worker runs (one instance per tick with Redis)',
				usedBy: ['hooks/outbox-worker'],
			}),
			leaseMs: duration('CASA_OUTBOX_LEASE_MS', 'ms', {
				default: SENDING_LEASE_MS,
				min: 1,
				description: "how long a claimed message is the claimer's; a send is cut at a third of it",
				usedBy: ['hooks/outbox-worker'],
			}),
			concurrency: integer('CASA_OUTBOX_CONCURRENCY', {
				default: 4,
				min: 1,
				description: 'sends at once',
				usedBy: ['hooks/outbox-worker'],
			}),
			passBudgetMs: duration('CASA_OUTBOX_PASS_BUDGET_MS', 'ms', {
				default: 12_000,
				min: 1,
				description: "how long one pass drains the outbox (below the schedule's period)",
				usedBy: ['hooks/outbox-worker'],
			}),
		},
	),

	sms: section(
		'SMS',
		'An HTTP gateway: POST {to, from, text} with a bearer token; any 2xx is accepted. Without it SMS messages wait in the outbox with the reason.',
		{
			url: url('SMS_GATEWAY_URL', {
				default: null,
				defaultText: 'unset (SMS off)',
				description: "the gateway's endpoint",
				usedBy: ['hooks/outbox-worker'],
			}),
			token: string('SMS_GATEWAY_TOKEN', {
				secret: true,
				default: null,
				description: 'its bearer token',
				usedBy: ['hooks/outbox-worker'],
			}),
			sender: string('SMS_GATEWAY_SENDER', {
				default: 'CasaReclam',
				description: 'the sender name shown to citizens',
				usedBy: ['hooks/outbox-worker'],
			}),
		},
	),

	whatsapp: section(
		'WhatsApp and chat',
		"The WhatsApp Business Cloud API (endpoints/chat receives, hooks/outbox-worker sends status messages) and the portal's chat widget. WhatsApp is off while WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID are unset.",
		{
			graphUrl: url('WHATSAPP_GRAPH_URL', {
				default: 'https://graph.facebook.com/v21.0',
				description: 'the Graph API and its version',
				usedBy: ['endpoints/chat', 'hooks/outbox-worker'],
			}),
			phoneNumberId: string('WHATSAPP_PHONE_NUMBER_ID', {
				default: '',
				description: "the platform's WhatsApp number (its Graph id)",
				usedBy: ['endpoints/chat', 'hooks/outbox-worker'],
			}),
			accessToken: string('WHATSAPP_ACCESS_TOKEN', {
				secret: true,
				default: '',
				description: 'the API token',
				usedBy: ['endpoints/chat', 'hooks/outbox-worker'],
			}),
			appSecret: string('WHATSAPP_APP_SECRET', {
				secret: true,
				default: '',
				description: 'the app secret: checks the signature of every webhook call',
				usedBy: ['endpoints/chat'],
			}),
			verifyToken: string('WHATSAPP_VERIFY_TOKEN', {
				secret: true,
				default: '',
				description: 'the token Meta sends to verify the webhook',
				usedBy: ['endpoints/chat'],
			}),
			templates: family('WHATSAPP_TEMPLATE_', '<EVENT>', {
				key: (rest) => rest.toLowerCase(),
				description:
					'approved template for a status message outside the 24-hour window, per notification event; `WHATSAPP_TEMPLATE_STATUS` for any event without its own ({{1}} reference, {{2}} tracking link)',
				usedBy: ['hooks/outbox-worker'],
			}),
			chatIdleMinutes: duration('CASA_CHAT_IDLE_MINUTES', 'min', {
				default: 60,
				min: 1,
				description: 'a conversation idle this long starts again',
				usedBy: ['endpoints/chat'],
			}),
		},
	),

	jobs: section('Scheduled jobs', 'Cron expressions with seconds; every job is safe with several instances.', {
		privacySchedule: cron('CASA_PRIVACY_SCHEDULE', {
			off: true,
			default: '0 17 * * * *',
			description: 'the retention job (loi 09-08): anonymises what has expired (hourly by default)',
			usedBy: ['hooks/privacy-retention'],
		}),
		suggestionSchedule: cron('CASA_SUGGESTION_SCHEDULE', {
			off: true,
			default: '0 */15 * * * *',
			description:
				'each instance retrains the category suggestion (it also trains at start; `off` turns off the schedule only)',
			usedBy: ['hooks/suggestion-training'],
		}),
		monthlyReportSchedule: cron('CASA_MONTHLY_REPORT_SCHEDULE', {
			off: true,
			default: '0 23 * * * *',
			description:
				'whether the monthly report e-mails are due (first working day of the month) is checked this often (hourly by default)',
			usedBy: ['hooks/monthly-report'],
		}),
	}),

	figures: section('Figures', "The officials' screens and the city's public figures.", {
		cacheTtlSeconds: duration('FIGURES_CACHE_TTL_SECONDS', 's', {
			default: 60,
			description:
				"how long a month's figures are kept before they are computed again (`0`: never kept); public pages are cached by browsers for at most 300 s",
			usedBy: ['endpoints/officials', 'endpoints/portal/figures-routes.ts'],
		}),
		publicMinimumCount: integer('PUBLIC_FIGURES_MIN_COUNT', {
			default: DEFAULT_MINIMUM_COUNT,
			min: 1,
			description: 'the public page withholds a figure resting on fewer complaints than this',
			usedBy: ['endpoints/portal/figures-routes.ts'],
		}),
	}),

	ocr: section(
		'Scanned letters (OCR)',
		'The desk reads scanned letters with tesseract.js in worker threads, off the main thread (adapters/ocr/read-scan.ts).',
		{
			workers: integer('OCR_WORKERS', {
				default: 1,
				min: 1,
				max: 2,
				description: 'OCR worker threads kept alive per instance',
				usedBy: ['endpoints/desk'],
			}),
			queue: integer('OCR_QUEUE', {
				default: 8,
				min: 0,
				max: 100,
				description: 'letters that may wait for a worker; more are answered "busy"',
				usedBy: ['endpoints/desk'],
			}),
			timeoutMs: duration('OCR_TIMEOUT_MS', 'ms', {
				default: 60_000,
				min: 1000,
				max: 600_000,
				description: "a letter's deadline: a worker past it is ended and the next letter starts a fresh one",
				usedBy: ['endpoints/desk'],
			}),
		},
	),

	portal: section("Citizens' form", "The citizens' web app (/portal/) and its API.", {
		tileUrl: url('PORTAL_TILE_URL', {
			default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
			description: 'map tiles (a Leaflet URL template); the Content-Security-Policy allows its host',
			usedBy: ['launcher', 'endpoints/portal'],
		}),
		tileAttribution: string('PORTAL_TILE_ATTRIBUTION', {
			default: '© OpenStreetMap contributors',
			description: "the tiles' attribution shown on the map",
			usedBy: ['launcher', 'endpoints/portal'],
		}),
		embedOrigins: list('PORTAL_EMBED_ORIGINS', {
			default: ['https://casablancacity.ma', 'https://www.casablancacity.ma'],
			description:
				"sites that may embed the form and call the citizens' API (CORS); the form tells visitors of any other site that it may not be embedded there",
			usedBy: ['launcher', 'endpoints/portal'],
		}),
	}),

	deployment: section(
		'Deployment',
		"Read by the reference deployment (docker-compose.yml, deploy/docker-entrypoint.sh, Caddy), not by the platform's code; see deploy/.env.example.",
		{
			domain: string('CASA_DOMAIN', {
				owner: 'deployment',
				default: null,
				defaultText: 'required by docker-compose.yml',
				description: 'the public host name, served over HTTPS by Caddy; PUBLIC_URL is `https://<CASA_DOMAIN>`',
				usedBy: ['docker-compose.yml'],
			}),
			acmeEmail: string('ACME_EMAIL', {
				owner: 'deployment',
				default: null,
				defaultText: 'required by docker-compose.yml',
				description: "e-mail for the certificate authority's notices",
				usedBy: ['docker-compose.yml'],
			}),
			imageTag: string('CASA_IMAGE_TAG', {
				owner: 'deployment',
				default: 'latest',
				description: "the tag of the platform's image",
				usedBy: ['docker-compose.yml'],
			}),
			licenseKey: string('LICENSE_KEY', {
				owner: 'directus',
				secret: true,
				default: null,
				description:
					'Directus licence key; without it Directus runs its Core tier (3 active app users, 5 active flows)',
				usedBy: ['Directus'],
			}),
			appDir: string('CASA_APP_DIR', {
				owner: 'deployment',
				default: '/app',
				description: 'where the image holds the platform',
				usedBy: ['deploy/docker-entrypoint.sh'],
			}),
			waitSeconds: duration('CASA_WAIT_SECONDS', 's', {
				owner: 'deployment',
				default: 120,
				description: 'how long the entrypoint waits for PostgreSQL and Redis before giving up',
				usedBy: ['deploy/docker-entrypoint.sh'],
			}),
		},
	),
} as const;

// ---------------------------------------------------------------- reading

type ValueOf<S> = S extends Setting<infer T> ? T : never;
type SectionOf<K extends keyof typeof SETTINGS> = (typeof SETTINGS)[K]['settings'];
export type Settings = {
	readonly [K in keyof typeof SETTINGS]: { readonly [N in keyof SectionOf<K>]: ValueOf<SectionOf<K>[N]> };
};

function readSection(section: Section, env: Env): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	const problems: string[] = [];
	for (const [key, setting] of Object.entries(section.settings)) {
		try {
			values[key] = setting.read(env);
		} catch (error) {
			if (!(error instanceof SettingError)) throw error;
			problems.push(...error.problems.filter((problem) => !problems.includes(problem)));
		}
	}
	if (problems.length > 0) throw new SettingError(problems);
	return Object.freeze(values);
}

const memo = new WeakMap<object, Settings>();

/**
 * The settings of an environment, typed and frozen. Each section is parsed the
 * first time it is read, so a part sees only the errors of what it uses (in
 * the Directus process Directus's own defaults fill variables the launcher
 * always sets); the launcher checks every section first (`checkSettings`).
 * Memoised per environment object.
 */
export function readSettings(env: Env): Settings {
	const known = memo.get(env);
	if (known) return known;
	const settings: Record<string, unknown> = {};
	for (const [key, section] of Object.entries(SETTINGS) as [string, Section][]) {
		let value: Record<string, unknown> | undefined;
		Object.defineProperty(settings, key, { enumerable: true, get: () => (value ??= readSection(section, env)) });
	}
	const frozen = Object.freeze(settings) as Settings;
	memo.set(env, frozen);
	return frozen;
}

/** Parses every section and throws one error listing every value that cannot be used. */
export function checkSettings(env: Env): Settings {
	const settings = readSettings(env);
	const problems: string[] = [];
	for (const key of Object.keys(SETTINGS) as (keyof Settings)[]) {
		try {
			void settings[key];
		} catch (error) {
			if (!(error instanceof SettingError)) throw error;
			problems.push(...error.problems);
		}
	}
	if (problems.length > 0) throw new SettingError(problems);
	return settings;
}

/** Every documented row, section by section. */
export function settingRows(): { key: string; title: string; intro: string; rows: SettingRow[] }[] {
	return (Object.entries(SETTINGS) as [string, Section][]).map(([key, section]) => ({
		key,
		title: section.title,
		intro: section.intro,
		rows: Object.values(section.settings).flatMap((setting) => [...setting.rows]),
	}));
}
