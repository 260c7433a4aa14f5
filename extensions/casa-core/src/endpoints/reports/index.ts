// Monthly reports for elected officials, mounted at /reports. A thin adapter:
// the figures come from one aggregate query (./queries.ts) and the domain
// (domain/reports) builds, formats and signs. Aggregates only, never a complaint.
//   GET  /reports/monthly[/:month]?month=&arrondissement=&service=&lang=fr|ar&format=html|csv|json
//        staff allowed by domain/reports/access (a service head gets their service)
//   POST /reports/links { month, arrondissement?, days?, lang? }   administrator, director general, mayor
//        → { url, token, expires_at }: a signed link (HMAC under SECRET), nothing stored
//   GET  /reports/shared/:token?lang=&format=   the same report without logging in
//   GET  /reports/print.js                      the print button (the CSP forbids inline scripts)
import { hasGlobal } from '../../domain/access/capabilities';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Response } from 'express';
import type { Knex } from 'knex';
import { ForbiddenActionError, InvalidFieldError } from '../../adapters/errors';
import { loadCaller, referenceData } from '../../adapters/platform-context';
import { type Language, pickLanguage, translate } from '../../domain/i18n/messages';
import { reportAccess } from '../../domain/reports/access';
import { csvFileName, reportCsv } from '../../domain/reports/csv';
import { type ReferenceRows, buildReport } from '../../domain/reports/figures';
import { PRINT_SCRIPT, renderReportHtml } from '../../domain/reports/html';
import { isMonthKey, lastCompleteMonth, monthOf, shiftMonth } from '../../domain/reports/month-window';
import {
	DEFAULT_LINK_DAYS,
	MAX_LINK_DAYS,
	expiryFor,
	isScopeCode,
	signLink,
	verifyLink,
} from '../../domain/reports/signed-link';
import { monthlyGroupRows, reportReference } from './queries';
import { readSettings } from '../../config/settings';
import { asyncRoute } from '../../adapters/route';

interface ReportRequest {
	body: Record<string, unknown> | undefined;
	params: Record<string, string>;
	query: Record<string, unknown>;
	accountability: Accountability | null;
	get(name: string): string | undefined;
}

const FORMATS = ['html', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];
/** who may hand out a signed link */
/** months offered in the page's month picker */
const PICKER_MONTHS = 24;

const route = asyncRoute<ReportRequest>;

const text = (value: unknown): string | undefined =>
	typeof value === 'string'
		? value
		: Array.isArray(value)
			? undefined
			: value === undefined || value === null
				? undefined
				: String(value);

interface Choice {
	month: string;
	arrondissement: string;
	service: string | null;
	language: Language;
	format: Format;
}

/** Reads and checks month, arrondissement, service, lang and format: every bad field at once, in fr/ar. */
function readChoice(
	input: Record<string, unknown>,
	reference: ReferenceRows,
	fallbackLanguage: Language,
	now: Date,
	fixed: { service?: string | null; month?: string; arrondissement?: string } = {},
): Choice {
	const errors: { field: string; key: string; values?: Record<string, unknown> }[] = [];
	const lang = text(input.lang);
	const languageOk = lang === undefined || lang === '' || lang === 'fr' || lang === 'ar';
	const language: Language = languageOk && (lang === 'fr' || lang === 'ar') ? lang : fallbackLanguage;
	if (!languageOk) errors.push({ field: 'lang', key: 'lang' });
	const month = fixed.month ?? text(input.month) ?? lastCompleteMonth(now);
	if (!isMonthKey(month)) errors.push({ field: 'month', key: 'month' });
	const arrondissement = fixed.arrondissement ?? (text(input.arrondissement) || 'all');
	if (arrondissement !== 'all' && !reference.arrondissements.some((row) => row.code === arrondissement))
		errors.push({ field: 'arrondissement', key: 'arrondissement', values: { value: arrondissement.slice(0, 32) } });
	let service: string | null = fixed.service !== undefined ? fixed.service : text(input.service) || null;
	if (fixed.service === undefined && service !== null && !reference.services.some((row) => row.code === service)) {
		errors.push({ field: 'service', key: 'service', values: { value: service.slice(0, 32) } });
		service = null;
	}
	const format = (text(input.format) || 'html') as Format;
	if (!FORMATS.includes(format)) errors.push({ field: 'format', key: 'format' });
	if (errors.length > 0)
		throw errors.map(
			(error) =>
				new InvalidFieldError({
					field: error.field,
					reason: `reports.${error.key}`,
					message: translate(language, `reports.errors.${error.key}`, error.values ?? {}),
				}),
		);
	return { month, arrondissement, service, language, format };
}

export default defineEndpoint({
	id: 'reports',
	handler: (router, { database, env }) => {
		const knex = database as unknown as Knex;
		const { platform } = readSettings(env);
		const secret = () => platform.secret;
		const publicUrl = () => platform.publicUrl.replace(/\/$/, '');

		async function staff(request: ReportRequest) {
			const caller = await loadCaller(knex, request.accountability);
			const language = pickLanguage(
				text(request.query.lang) ?? text(request.body?.lang),
				caller.language,
				request.get('accept-language'),
			);
			const access = reportAccess(caller.profile);
			if (!access.allowed)
				throw new ForbiddenActionError({
					field: 'role',
					reason: 'reports.forbidden',
					message: translate(language, 'reports.errors.forbidden'),
				});
			return { caller, language, access };
		}

		async function send(
			res: Response,
			choice: Choice,
			reference: ReferenceRows,
			links: { csvHref: string; navigation: boolean },
		) {
			const now = new Date();
			const { settings } = await referenceData(knex);
			const rows = await monthlyGroupRows(knex, {
				month: choice.month,
				service: choice.service,
				now,
				legalCeilingDays: settings.legalCeilingDays,
			});
			const report = buildReport({
				month: choice.month,
				previousMonth: shiftMonth(choice.month, -1),
				arrondissement: choice.arrondissement,
				service: choice.service,
				generatedAt: now,
				rows,
				reference,
			});
			res.set('Cache-Control', 'no-store');
			if (choice.format === 'json') {
				res.json({
					data: {
						...report,
						generatedAt: report.generatedAt.toISOString(),
						legalCeilingDays: settings.legalCeilingDays,
					},
				});
				return;
			}
			if (choice.format === 'csv') {
				res.set('Content-Type', 'text/csv; charset=utf-8');
				res.set('Content-Disposition', `attachment; filename="${csvFileName(report, choice.language)}"`);
				res.send(reportCsv(report, choice.language, settings.legalCeilingDays));
				return;
			}
			const months = Array.from({ length: PICKER_MONTHS }, (_, index) => shiftMonth(monthOf(now), -index));
			if (!months.includes(choice.month)) months.push(choice.month);
			const html = renderReportHtml(report, {
				language: choice.language,
				legalCeilingDays: settings.legalCeilingDays,
				csvHref: links.csvHref,
				scriptSrc: `${publicUrl()}/reports/print.js`,
				navigation: links.navigation
					? { action: `${publicUrl()}/reports/monthly`, months, arrondissements: reference.arrondissements }
					: undefined,
			});
			res.set(
				'Content-Security-Policy',
				"default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
			);
			res.set('Content-Type', 'text/html; charset=utf-8');
			res.send(html);
		}

		const query = (values: Record<string, string | null>) =>
			new URLSearchParams(
				Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== ''),
			).toString();

		const monthly = route(async (request, res) => {
			const { language, access } = await staff(request);
			const reference = await reportReference(knex);
			const input = { ...request.query, ...(request.params.month ? { month: request.params.month } : {}) };
			// a service head's report is their service's, whatever the query says
			const choice = readChoice(
				input,
				reference,
				language,
				new Date(),
				access.service ? { service: access.service } : {},
			);
			const csvHref = `${publicUrl()}/reports/monthly/${choice.month}?${query({ arrondissement: choice.arrondissement, service: access.service ? null : choice.service, lang: choice.language, format: 'csv' })}`;
			await send(res, choice, reference, { csvHref, navigation: true });
		});
		router.get('/monthly', monthly);
		router.get('/monthly/:month', monthly);

		router.post(
			'/links',
			route(async (request, res) => {
				const { caller, language, access } = await staff(request);
				if (!hasGlobal(caller.profile, 'share_reports'))
					throw new ForbiddenActionError({
						field: 'role',
						reason: 'reports.link_role',
						message: translate(language, 'reports.errors.link_role'),
					});
				const body = request.body ?? {};
				const reference = await reportReference(knex);
				const errors: InstanceType<typeof InvalidFieldError>[] = [];
				let choice: Choice | null = null;
				try {
					choice = readChoice(
						{ ...body, format: 'html' },
						reference,
						language,
						new Date(),
						access.service ? { service: access.service } : {},
					);
				} catch (error) {
					if (!Array.isArray(error)) throw error;
					errors.push(...error);
				}
				const days =
					body.days === undefined || body.days === null || body.days === '' ? DEFAULT_LINK_DAYS : Number(body.days);
				if (!Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS)
					errors.push(
						new InvalidFieldError({
							field: 'days',
							reason: 'reports.days',
							message: translate(language, 'reports.errors.days', { max: MAX_LINK_DAYS }),
						}),
					);
				if (errors.length > 0 || !choice) throw errors;
				if (!isScopeCode(choice.arrondissement))
					throw new InvalidFieldError({
						field: 'arrondissement',
						reason: 'reports.arrondissement',
						message: translate(language, 'reports.errors.arrondissement', { value: choice.arrondissement }),
					});
				const expiresAt = expiryFor(new Date(), days);
				const token = signLink(
					{ month: choice.month, arrondissement: choice.arrondissement, service: choice.service, expiresAt },
					secret(),
				);
				const path = `/reports/shared/${token}?lang=${choice.language}`;
				res.status(201).json({
					data: {
						token,
						url: `${publicUrl()}${path}`,
						path,
						expires_at: new Date(expiresAt * 1000).toISOString(),
						month: choice.month,
						arrondissement: choice.arrondissement,
						service: choice.service,
					},
				});
			}),
		);

		router.get(
			'/shared/:token',
			route(async (request, res) => {
				const language = pickLanguage(text(request.query.lang), request.get('accept-language'));
				const verified = verifyLink(request.params.token, secret(), new Date());
				if (!verified.ok) {
					const key = verified.reason === 'expired' ? 'link_expired' : 'link_invalid';
					throw new ForbiddenActionError({
						field: 'token',
						reason: `reports.${key}`,
						message: translate(language, `reports.errors.${key}`),
					});
				}
				const { claims } = verified;
				const reference = await reportReference(knex);
				const choice = readChoice(
					{ lang: request.query.lang, format: request.query.format },
					reference,
					language,
					new Date(),
					{ month: claims.month, arrondissement: claims.arrondissement, service: claims.service },
				);
				const csvHref = `${publicUrl()}/reports/shared/${request.params.token}?${query({ lang: choice.language, format: 'csv' })}`;
				await send(res, choice, reference, { csvHref, navigation: false });
			}),
		);

		router.get('/print.js', (_req, res) => {
			res.set('Content-Type', 'text/javascript; charset=utf-8');
			res.set('Cache-Control', 'public, max-age=3600');
			res.send(PRINT_SCRIPT);
		});
	},
});
