// Staff accounts: failed log-ins slow down instead of locking colleagues out
// (domain/accounts/login-throttle.ts, counters shared through Redis when
// REDIS is set, in memory otherwise), and a suspended or deactivated user
// loses access at once: their sessions are deleted and their still-valid
// access tokens are refused on the next request.
import { defineHook } from '@directus/extensions-sdk';
import { InvalidCredentialsError, createError } from '@directus/errors';
import type { Knex } from 'knex';
import {
	LOGIN_RULES,
	type ThrottleRule,
	jwtSubject,
	minutesToWait,
	throttleKeys,
} from '../../domain/accounts/login-throttle';
import { translate } from '../../domain/i18n/messages';
import { attempt, createLimiter, exhausted, forget } from '../../adapters/rate-limit';
import { type RateLimit, readSettings } from '../../config/settings';

const LoginThrottledError = createError<{ retry_after: number }>(
	'CASA_LOGIN_THROTTLED',
	(extensions) => {
		const minutes = minutesToWait(extensions.retry_after);
		return `${translate('fr', 'surface.login.throttled', { minutes })} · ${translate('ar', 'surface.login.throttled', { minutes })}`;
	},
	429,
);

async function endSessions(knex: Knex, users: readonly string[]): Promise<void> {
	if (users.length === 0) return;
	await knex('directus_sessions')
		.whereIn('user', users as string[])
		.delete();
}

export default defineHook(({ filter, action }, { env, database, logger }) => {
	// each rule's points and window: CASA_LOGIN_<RULE>_RATE_POINTS / _DURATION, the rule's own by default
	const { rateLimits, redis } = readSettings(env);
	const limits: Record<ThrottleRule['name'], RateLimit> = {
		LOGIN_PAIR: rateLimits.loginPair,
		LOGIN_ACCOUNT: rateLimits.loginAccount,
		LOGIN_ADDRESS: rateLimits.loginAddress,
	};
	const limiters = Object.fromEntries(
		LOGIN_RULES.map((rule) => [rule.name, createLimiter(redis.url, limits[rule.name])]),
	) as Record<ThrottleRule['name'], ReturnType<typeof createLimiter>>;

	// before Directus counts the attempt towards a suspension, and before the password is checked
	filter('auth.login', async (payload, _meta, context) => {
		const keys = throttleKeys((payload as { email?: unknown })?.email, context.accountability?.ip);
		if (!keys) return payload;
		for (const rule of LOGIN_RULES) {
			const blocked = await exhausted(limiters[rule.name], keys[rule.name]);
			if (blocked) throw new LoginThrottledError({ retry_after: blocked.retryAfterSeconds });
		}
		return payload;
	});

	action('auth.login', async (meta, context) => {
		const { payload, status, user } = meta as { payload?: { email?: unknown }; status?: string; user?: string };
		const keys = throttleKeys(payload?.email, context.accountability?.ip);
		if (status === 'success') {
			if (keys) await forget(limiters.LOGIN_PAIR, keys.LOGIN_PAIR);
			return;
		}
		if (status !== 'fail') return;
		if (keys) for (const rule of LOGIN_RULES) await attempt(limiters[rule.name], keys[rule.name]);
		// Directus may have suspended the account on this failure (auth_login_attempts): end its sessions too
		if (user) {
			const row = await database('directus_users').select('status').where({ id: user }).first();
			if (row && row.status !== 'active') await endSessions(database, [user]);
		}
	});

	// suspending (or archiving, deactivating) a user ends their sessions at once
	action('users.update', async (meta) => {
		const { keys, payload } = meta as { keys?: string[]; payload?: { status?: unknown } };
		if (!payload || payload.status === undefined || payload.status === 'active') return;
		await endSessions(database, (keys ?? []).map(String));
		logger.info(`[casa-core] sessions ended for ${(keys ?? []).length} user(s) now ${String(payload.status)}`);
	});

	// an access token outlives its session: refuse it as soon as its user is no longer active
	filter('authenticate', async (accountability, meta) => {
		const token = (meta as { req?: { token?: unknown } }).req?.token;
		const userId = jwtSubject(token);
		if (!userId) return accountability;
		const row = await database('directus_users').select('status').where({ id: userId }).first();
		if (row && row.status !== 'active') throw new InvalidCredentialsError();
		return accountability;
	});
});
