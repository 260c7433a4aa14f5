// A database or Redis that is gone for a moment must give callers a clear
// "try again" (503, in their language), not an opaque 500: clients with an
// idempotency key retry safely, load balancers know it is transient.
import { createError } from '@directus/errors';
import { type Language, translate } from '../domain/i18n/messages';

/** what is missing for a moment: a backing service, or this instance's memory for uploads (adapters/upload-budget) */
export type BackingService = 'database' | 'redis' | 'uploads';

interface UnavailableExtensions {
	service: BackingService;
	message: string;
}

export const ServiceUnavailableError = createError<UnavailableExtensions>(
	'CASA_SERVICE_UNAVAILABLE',
	(extensions) => extensions.message,
	503,
);

/** seconds a client should wait before retrying */
export const RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'ENOTFOUND',
]);
// PostgreSQL: class 08 (connection exception), admin/crash shutdown, cannot connect now, too many connections,
// and a statement cancelled by statement_timeout (the bound of every database wait, see database-bounds.ts)
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300|57014)$/;
const REDIS_MESSAGES = [
	/Connection is closed/i,
	/Stream isn't writeable/i,
	/Reached the max retries per request/i,
	/The client is closed/i,
	/Socket closed unexpectedly/i,
];
const DATABASE_MESSAGES = [
	/Query read timeout/i,
	/timeout exceeded when trying to connect/i,
	/Connection terminated/i,
	/Knex: Timeout acquiring a connection/i,
	/the database system is (starting up|shutting down)/i,
	/terminating connection due to administrator command/i,
];

/** Which backing service an error says is unreachable, or null for any other error. */
export function unavailableService(error: unknown, depth = 0): BackingService | null {
	if (!error || typeof error !== 'object' || depth > 4) return null;
	const candidate = error as {
		name?: string;
		code?: unknown;
		message?: unknown;
		cause?: unknown;
		errors?: unknown;
		port?: unknown;
		address?: unknown;
		stack?: string;
	};
	const message = typeof candidate.message === 'string' ? candidate.message : '';
	const name = candidate.name ?? '';
	const stack = candidate.stack ?? '';
	if (name === 'UploadsBusyError') return 'uploads';
	if (
		name === 'MaxRetriesPerRequestError' ||
		name === 'ClientClosedError' ||
		name === 'SocketClosedUnexpectedlyError' ||
		REDIS_MESSAGES.some((pattern) => pattern.test(message))
	)
		return 'redis';
	if (name === 'KnexTimeoutError' || DATABASE_MESSAGES.some((pattern) => pattern.test(message))) return 'database';
	if (typeof candidate.code === 'string' && PG_UNAVAILABLE.test(candidate.code) && !NETWORK_CODES.has(candidate.code))
		return 'database';
	if (typeof candidate.code === 'string' && NETWORK_CODES.has(candidate.code))
		return /ioredis|@redis|redis/i.test(stack) ? 'redis' : 'database';
	for (const inner of [candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : [])]) {
		const found = unavailableService(inner, depth + 1);
		if (found) return found;
	}
	return null;
}

export function unavailableError(service: BackingService, language: Language) {
	return new ServiceUnavailableError({ service, message: translate(language, `platform.unavailable.${service}`) });
}
