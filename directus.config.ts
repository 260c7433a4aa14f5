// The launcher's configuration: the settings (extensions/casa-core/src/config/settings.ts,
// where every variable, its type and its default are declared once; see
// docs/configuration.md) shaped for the launcher, plus the secrets generated
// for local use. `directusEnv()` turns it into the environment Directus itself
// reads; scripts/start.ts and the test setup pass that environment to the
// Directus process, where the extension reads the same settings again.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	DEMO_PASSWORD_DEFAULT,
	DEVELOPMENT_ADMIN_PASSWORD,
	type Env,
	type Mode,
	checkSettings,
} from './extensions/casa-core/src/config/settings';

export { DEMO_PASSWORD_DEFAULT, type Mode };

export const projectRoot = dirname(fileURLToPath(import.meta.url));

export type DatabaseConfig =
	| { client: 'sqlite3'; filename: string }
	| { client: 'pg'; host: string; port: number; user: string; password: string; database: string; ssl: boolean };

export interface PlatformConfig {
	mode: Mode;
	host: string;
	port: number;
	publicUrl: string;
	dataDir: string;
	secret: string;
	adminEmail: string;
	adminPassword: string;
	/** static token of the first administrator, used by provisioning */
	adminToken: string;
	database: DatabaseConfig;
	redisUrl: string | null;
	demo: { enabled: boolean; password: string };
	uploads: { root: string; maxSize: string; mimeTypes: string[] };
	limits: {
		queryDefault: number;
		queryMax: number;
		maxBatchMutation: number;
		rateLimitPoints: number;
		rateLimitDuration: number;
		/** per IP and minute, on the citizens' intake and tracking routes */
		intakePerMinute: number;
		trackingPerMinute: number;
		/** consecutive failed log-ins before Directus suspends an account (settings.auth_login_attempts) */
		loginAttempts: number;
	};
	/**
	 * Every database wait is bounded (PostgreSQL): a hung or frozen server gives a 503 with
	 * Retry-After after at most about `queryMs`, never a request held for minutes.
	 */
	databaseBounds: {
		/** waiting for a free connection of the pool */
		acquireMs: number;
		/** opening a new connection */
		connectMs: number;
		/** a statement, enforced by the server (statement_timeout) */
		statementMs: number;
		/** a statement, enforced by the client when the server does not answer at all */
		queryMs: number;
	};
	/** how long a stop (SIGTERM/SIGINT) lets requests in flight finish; the compose file's stop_grace_period is larger */
	shutdownGraceMs: number;
	logLevel: string;
	trustProxy: string | null;
	/**
	 * E-mail intake (hooks/mail-intake): the mailbox polled for complaints.
	 * null when CASA_MAIL_IMAP_HOST is unset: the intake is off.
	 */
	mail: MailIntakeConfig | null;
	portal: {
		/** map tiles for the citizens' form (Leaflet URL template); the CSP allows its host */
		tileUrl: string;
		tileAttribution: string;
		/** sites allowed to embed the form and call the citizens' API (CORS) */
		embedOrigins: string[];
	};
}

export interface MailIntakeConfig {
	host: string;
	port: number;
	/** implicit TLS (993); false for a plain or STARTTLS connection */
	secure: boolean;
	user: string;
	password: string;
	mailbox: string;
	/** cron with seconds */
	schedule: string;
}

/**
 * Secrets for local use are random, generated once per data folder and kept in
 * it, so even a laptop install never runs on a published default.
 */
function localSecrets(dataDir: string): { secret: string; adminToken: string } {
	const file = join(dataDir, 'local-secrets.json');
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
	const secrets = { secret: randomBytes(32).toString('base64url'), adminToken: randomBytes(24).toString('base64url') };
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
	return secrets;
}

/** Reads (and checks) every setting of `env`; a value that cannot be used stops here, before Directus starts. */
export function loadConfig(env: Env = process.env): PlatformConfig {
	const settings = checkSettings(env);
	const { platform, demo, database, redis, limits, uploads, rateLimits, mail, portal } = settings;
	const mode = platform.mode;
	const dataDir = resolve(platform.dataDir ?? join(projectRoot, 'data'));
	const needsLocalSecrets = mode !== 'production' && (!platform.secret || !platform.adminToken);
	const generated = needsLocalSecrets ? localSecrets(dataDir) : null;

	return {
		mode,
		host: platform.host,
		port: platform.port,
		publicUrl: platform.publicUrl,
		dataDir,
		secret: platform.secret || generated?.secret || '',
		adminEmail: platform.adminEmail,
		adminPassword: platform.adminPassword,
		adminToken: platform.adminToken || generated?.adminToken || '',
		database:
			database.client === 'sqlite3'
				? { client: 'sqlite3', filename: resolve(database.filename ?? join(dataDir, 'casa.db')) }
				: {
						client: 'pg',
						host: database.host,
						port: database.port,
						user: database.user,
						password: database.password,
						database: database.database,
						ssl: database.ssl,
					},
		redisUrl: redis.url,
		demo: { enabled: demo.enabled, password: demo.password },
		uploads: {
			root: resolve(uploads.root ?? join(dataDir, 'uploads')),
			maxSize: uploads.maxSize,
			mimeTypes: [...uploads.mimeTypes],
		},
		limits: {
			queryDefault: limits.queryDefault,
			queryMax: limits.queryMax,
			maxBatchMutation: limits.maxBatchMutation,
			rateLimitPoints: limits.rateLimitPoints,
			rateLimitDuration: limits.rateLimitDuration,
			intakePerMinute: rateLimits.intake.points,
			// consecutive failed log-ins before Directus suspends an account: written to the settings
			// (auth_login_attempts, what Directus reads; it ignores an AUTH_LOGIN_ATTEMPTS variable)
			loginAttempts: limits.loginAttempts,
			trackingPerMinute: rateLimits.tracking.points,
		},
		databaseBounds: {
			acquireMs: database.acquireTimeoutMs,
			connectMs: database.connectTimeoutMs,
			statementMs: database.statementTimeoutMs,
			queryMs: database.queryTimeoutMs,
		},
		shutdownGraceMs: platform.shutdownGraceMs,
		logLevel: platform.logLevel,
		trustProxy: platform.trustProxy,
		mail: mail.host
			? {
					host: mail.host,
					port: mail.port,
					secure: mail.secure,
					user: mail.user,
					password: mail.password,
					mailbox: mail.mailbox,
					schedule: mail.schedule,
				}
			: null,
		portal: {
			tileUrl: portal.tileUrl,
			tileAttribution: portal.tileAttribution,
			embedOrigins: [...portal.embedOrigins],
		},
	};
}

/** Production must never run on a default or missing secret or on demo accounts. */
export function assertSafeForMode(config: PlatformConfig): void {
	if (config.mode !== 'production') return;
	const problems: string[] = [];
	if (!config.secret || config.secret.length < 32)
		problems.push('SECRET must be set to a random value of at least 32 characters');
	if (!config.adminToken || config.adminToken.length < 24)
		problems.push('ADMIN_TOKEN must be set to a random value of at least 24 characters');
	if (!config.adminPassword || config.adminPassword === DEVELOPMENT_ADMIN_PASSWORD || config.adminPassword.length < 12)
		problems.push('ADMIN_PASSWORD must be set (12 characters or more, not the development default)');
	if (config.demo.enabled) problems.push('DEMO_DATA must be off in production (demo accounts share one password)');
	if (config.database.client === 'sqlite3') problems.push('production runs on PostgreSQL (DB_CLIENT=pg)');
	if (config.mail && !config.mail.secure)
		problems.push(
			"CASA_MAIL_IMAP_SECURE must stay true in production (the mailbox password and citizens' mail cross the network)",
		);
	if (problems.length > 0) throw new Error(`Refusing to start in production:\n - ${problems.join('\n - ')}`);
}

/** The environment the Directus process reads. */
export function directusEnv(config: PlatformConfig): Record<string, string> {
	const db = config.database;
	const env: Record<string, string> = {
		HOST: config.host,
		PORT: String(config.port),
		PUBLIC_URL: config.publicUrl,
		SECRET: config.secret,
		ADMIN_EMAIL: config.adminEmail,
		ADMIN_PASSWORD: config.adminPassword,
		ADMIN_TOKEN: config.adminToken,
		PROJECT_NAME: 'Casa Réclamations',
		// answers the first-login "project owner" dialog, see the facts note
		PROJECT_OWNER: config.adminEmail,
		PROJECT_OWNER_ENABLED: 'false',
		TELEMETRY: 'false',
		AI_ENABLED: 'false',
		MCP_ENABLED: 'false',
		WEBSOCKETS_ENABLED: 'false',
		LOG_LEVEL: config.logLevel,
		// glibc gives each libvips thread its own heap arenas, which photo decoding fragments and never returns:
		// two arenas keep the process's memory near what it uses (sharp's own advice)
		MALLOC_ARENA_MAX: '2',
		// SIGTERM/SIGINT: Directus stops taking connections and lets requests in flight finish this long
		SERVER_SHUTDOWN_TIMEOUT: String(config.shutdownGraceMs),
		LOG_STYLE: config.mode === 'production' ? 'raw' : 'pretty',
		LOG_HTTP_IGNORE_PATHS: '/server/ping,/server/health',
		EXTENSIONS_PATH: join(projectRoot, 'extensions'),
		EXTENSIONS_AUTO_RELOAD: 'false',
		// Directus writes the app's extension bundle there: one per data directory, so two platforms started
		// from one node_modules (tests, a second checkout) never serve each other's build
		TEMP_PATH: join(config.dataDir, 'directus-temp'),
		EXTENSIONS_MUST_LOAD: 'true',
		STORAGE_LOCATIONS: 'local',
		STORAGE_LOCAL_DRIVER: 'local',
		STORAGE_LOCAL_ROOT: config.uploads.root,
		FILES_MAX_UPLOAD_SIZE: config.uploads.maxSize,
		FILES_MIME_TYPE_ALLOW_LIST: config.uploads.mimeTypes.join(','),
		QUERY_LIMIT_DEFAULT: String(config.limits.queryDefault),
		QUERY_LIMIT_MAX: String(config.limits.queryMax),
		MAX_BATCH_MUTATION: String(config.limits.maxBatchMutation),
		RATE_LIMITER_ENABLED: 'true',
		RATE_LIMITER_POINTS: String(config.limits.rateLimitPoints),
		RATE_LIMITER_DURATION: String(config.limits.rateLimitDuration),
		RATE_LIMITER_STORE: config.redisUrl ? 'redis' : 'memory',
		CASA_INTAKE_RATE_POINTS: String(config.limits.intakePerMinute),
		CASA_TRACKING_RATE_POINTS: String(config.limits.trackingPerMinute),
		GRAPHQL_INTROSPECTION: config.mode === 'production' ? 'false' : 'true',
		// informative only: Directus 12 reads settings.auth_login_attempts, which provisioning sets from this value
		AUTH_LOGIN_ATTEMPTS: String(config.limits.loginAttempts),
		DB_CLIENT: db.client,
		CASA_ENV: config.mode,
	};
	if (db.client === 'sqlite3') {
		env.DB_FILENAME = db.filename;
	} else {
		Object.assign(env, {
			DB_HOST: db.host,
			DB_PORT: String(db.port),
			DB_USER: db.user,
			DB_PASSWORD: db.password,
			DB_DATABASE: db.database,
			DB_SSL: String(db.ssl),
			// bounded waits: the pool, a new connection, a statement (server side: also holds locks no longer than this)
			DB_POOL__ACQUIRE_TIMEOUT_MILLIS: String(config.databaseBounds.acquireMs),
			DB_CONNECTION_TIMEOUT_MILLIS: String(config.databaseBounds.connectMs),
			DB_OPTIONS: `-c statement_timeout=${config.databaseBounds.statementMs} -c lock_timeout=${config.databaseBounds.statementMs} -c idle_in_transaction_session_timeout=${config.databaseBounds.queryMs * 4}`,
			// a frozen server answers nothing, not even the cancellation: the client gives up (hooks/service-unavailable)
			CASA_DB_QUERY_TIMEOUT_MS: String(config.databaseBounds.queryMs),
		});
	}
	if (config.redisUrl) {
		Object.assign(env, {
			REDIS: config.redisUrl,
			CACHE_STORE: 'redis',
			SYNCHRONIZATION_STORE: 'redis',
			MESSENGER_STORE: 'redis',
		});
	}
	if (config.trustProxy) env.IP_TRUST_PROXY = config.trustProxy;
	if (config.mail) {
		Object.assign(env, {
			CASA_MAIL_IMAP_HOST: config.mail.host,
			CASA_MAIL_IMAP_PORT: String(config.mail.port),
			CASA_MAIL_IMAP_SECURE: String(config.mail.secure),
			CASA_MAIL_IMAP_USER: config.mail.user,
			CASA_MAIL_IMAP_PASSWORD: config.mail.password,
			CASA_MAIL_MAILBOX: config.mail.mailbox,
			CASA_MAIL_POLL_SCHEDULE: config.mail.schedule,
		});
	}
	const tileOrigin = tileHost(config.portal.tileUrl);
	Object.assign(env, {
		PORTAL_TILE_URL: config.portal.tileUrl,
		PORTAL_TILE_ATTRIBUTION: config.portal.tileAttribution,
		// Directus merges this list into its own by position: give the whole list
		CONTENT_SECURITY_POLICY_DIRECTIVES__IMG_SRC: `array:'self',data:,blob:${tileOrigin ? `,${tileOrigin}` : ''}`,
		CORS_ENABLED: 'true',
		// the embedded form sends these from partner sites
		CORS_ALLOWED_HEADERS:
			'Content-Type,Authorization,Idempotency-Key,X-Tracking-Secret,X-Casa-Channel,X-Chat-Session,X-Casa-Device',
		CORS_ORIGIN: `array:${[config.publicUrl, ...config.portal.embedOrigins].join(',')}`,
		// the portal's embed check answers sites outside this list plainly (and logs them)
		PORTAL_EMBED_ORIGINS: config.portal.embedOrigins.join(','),
	});
	return env;
}

/** scheme and host of a tile URL template, for the Content-Security-Policy */
function tileHost(template: string): string | null {
	const match = /^(https?:\/\/[^/]+)/.exec(template.replace(/\{s\}/g, '*'));
	return match ? match[1] : null;
}
