// Queues the monthly report's e-mail to each official in the outbox (the
// outbox worker sends it): the signed link to last month's report in their
// language (domain/reports/signed-link). Safe with several instances and with
// repeated runs: one transaction under a PostgreSQL advisory lock (a second
// instance finds it taken and skips), and a person who already has this
// month's message in the outbox is not queued again.
import type { Knex } from 'knex';
import { ROLE_IDS, type RoleKey } from '../../domain/access/roles';
import {
	MONTHLY_LINK_DAYS,
	type Official,
	deliveriesFor,
	reportMonthDue,
} from '../../domain/officials/monthly-dispatch';
import { monthOf, monthWindow } from '../../domain/reports/month-window';
import { expiryFor, signLink } from '../../domain/reports/signed-link';
import { translate } from '../../domain/i18n/messages';
import { formatter } from '../../domain/reports/format';
import { referenceData } from '../platform-context';
import { dialectOf } from '../scope-sql';

/** pg_try_advisory_xact_lock key: 'CASAMRP1' as a 64-bit integer */
export const MONTHLY_LOCK_KEY = '4846246213962584113';
export const MONTHLY_EVENT = 'monthly_report';

export interface DispatchResult {
	month: string | null;
	queued: number;
	already: number;
	skipped?: boolean;
}

export async function dispatchMonthlyReports(
	knex: Knex,
	options: { now: Date; secret: string; publicUrl: string },
): Promise<DispatchResult> {
	const { calendar } = await referenceData(knex);
	const today = calendar.localDate(options.now);
	const month = reportMonthDue(today, (date) => calendar.workingWindow(date) !== null);
	if (!month) return { month: null, queued: 0, already: 0 };
	const dialect = dialectOf(knex);
	const roleOf = new Map(Object.entries(ROLE_IDS).map(([key, id]) => [id, key as RoleKey]));
	// the first instant of the month the e-mail goes out in: one message per person and month
	const since = monthWindow(monthOf(options.now)).start;
	return knex.transaction(async (trx) => {
		if (dialect === 'pg') {
			const lock = await trx.raw('SELECT pg_try_advisory_xact_lock(CAST(? AS bigint)) AS locked', [MONTHLY_LOCK_KEY]);
			if (lock.rows?.[0]?.locked !== true) return { month, queued: 0, already: 0, skipped: true };
		}
		const users = (await trx('directus_users')
			.select('email', 'role', 'language', 'arrondissement')
			.where('status', 'active')
			.whereIn('role', [ROLE_IDS.elected_official, ROLE_IDS.mayor, ROLE_IDS.director_general])) as {
			email: string | null;
			role: string;
			language: string | null;
			arrondissement: string | null;
		}[];
		const places = (await trx('arrondissements').select('code', 'name_fr', 'name_ar')) as {
			code: string;
			name_fr: string;
			name_ar: string;
		}[];
		const arrondissements = places.map((row) => row.code);
		const officials: Official[] = users.map((user) => ({
			email: user.email,
			role: roleOf.get(user.role)!,
			language: user.language,
			arrondissement: user.arrondissement,
		}));
		const deliveries = deliveriesFor(officials, arrondissements);
		const scopeLabel = (code: string, language: 'fr' | 'ar') => {
			const place = places.find((row) => row.code === code);
			return place
				? language === 'ar'
					? place.name_ar
					: place.name_fr
				: translate(language, 'notifications.monthly_report.city');
		};
		if (deliveries.length === 0) return { month, queued: 0, already: 0 };
		const sent = new Set(
			(
				await trx('outbox')
					.select('recipient')
					.where('event', MONTHLY_EVENT)
					.whereIn(
						'recipient',
						deliveries.map((delivery) => delivery.recipient),
					)
					.where('date_created', '>=', since)
			).map((row: { recipient: string }) => row.recipient.toLowerCase()),
		);
		const expiresAt = expiryFor(options.now, MONTHLY_LINK_DAYS);
		const base = options.publicUrl.replace(/\/$/, '');
		const rows = deliveries
			.filter((delivery) => !sent.has(delivery.recipient))
			.map((delivery) => {
				const token = signLink(
					{ month, arrondissement: delivery.arrondissement, service: null, expiresAt },
					options.secret,
				);
				return {
					complaint: null,
					event: MONTHLY_EVENT,
					channel: 'email',
					recipient: delivery.recipient,
					language: delivery.language,
					payload: JSON.stringify({
						month,
						arrondissement: delivery.arrondissement,
						url: `${base}/reports/shared/${token}?lang=${delivery.language}`,
						expires_at: new Date(expiresAt * 1000).toISOString(),
						// written for people in the message's language (the outbox worker only fills the template)
						month_label: formatter(delivery.language).month(month),
						scope_label: scopeLabel(delivery.arrondissement, delivery.language),
						expires_label: formatter(delivery.language).dateTime(new Date(expiresAt * 1000)),
					}),
					status: 'pending',
					attempts: 0,
					date_created: options.now,
				};
			});
		if (rows.length > 0) await trx('outbox').insert(rows);
		return { month, queued: rows.length, already: deliveries.length - rows.length };
	});
}
