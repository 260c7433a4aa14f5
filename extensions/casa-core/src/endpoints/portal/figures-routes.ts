// The city's figures for everyone, served by the portal endpoint:
//   GET /portal/chiffres?lang=fr|ar&month=YYYY-MM&arrondissement=&embed=1   the page (embed=1: for an iframe)
//   GET /portal/chiffres.csv, /portal/chiffres.json                         the open data, twelve months
//   (?until=YYYY-MM on any of them: the twelve months ending then)
// Counts only, under Licence Ouverte 2.0; a figure resting on fewer than
// PUBLIC_FIGURES_MIN_COUNT complaints (default 5) is withheld. The figures are
// the officials' (adapters/officials/cache.ts, FIGURES_CACHE_TTL_SECONDS).
import { consume, createLimiter } from '../../adapters/rate-limit';
import { asyncRoute } from '../../adapters/route';
import type { Request, Router } from 'express';
import type { Knex } from 'knex';
import { type Language, pickLanguage } from '../../domain/i18n/messages';
import { monthsFor } from '../../domain/officials/figures';
import { LICENCE, type PublicRow, publicCsv, publicRows } from '../../domain/officials/public-figures';
import { renderPublicPage } from '../../domain/officials/public-page';
import { isMonthKey, monthOf } from '../../domain/reports/month-window';
import { type CachedFigures, cachedFigures } from '../../adapters/officials/cache';
import { referenceData } from '../../adapters/platform-context';
import type { Settings } from '../../config/settings';

const rowsOf = new WeakMap<CachedFigures, Map<number, PublicRow[]>>();

export function registerFiguresRoutes(router: Router, knex: Knex, config: Settings): void {
	const ttl = config.figures.cacheTtlSeconds;
	const minimum = config.figures.publicMinimumCount;
	/** The twelve months end with the month under way, or with an earlier month asked for (?until=YYYY-MM, the archive). */
	function lastMonth(req: Request): string {
		const now = new Date();
		const current = monthOf(now);
		// the archive reaches back ten years: any other month would be one more full computation for nothing
		const oldest = monthOf(new Date(Date.UTC(now.getUTCFullYear() - 10, now.getUTCMonth(), 1)));
		const until = text(req.query.until);
		return isMonthKey(until) && until < current && until >= oldest ? until : current;
	}
	// the archive is computed on demand, month by month: an anonymous caller cycling through months must not keep the
	// database busy (CASA_FIGURES_RATE_POINTS per minute and address; the months under way are cached for everyone)
	const archiveLimiter = createLimiter(config.redis.url, config.rateLimits.figures);
	async function figures(req: Request) {
		const month = lastMonth(req);
		if (month !== monthOf(new Date())) await consume(archiveLimiter, req.ip ?? 'unknown');
		// the platform's settings (platform_settings rows), not the environment's
		const { settings: platformSettings } = await referenceData(knex);
		const cached = await cachedFigures(knex, month, platformSettings.legalCeilingDays, ttl);
		let byMinimum = rowsOf.get(cached);
		if (!byMinimum) rowsOf.set(cached, (byMinimum = new Map()));
		let rows = byMinimum.get(minimum);
		if (!rows) byMinimum.set(minimum, (rows = publicRows(cached.set, cached.reference, minimum)));
		return { cached, rows, minimum };
	}
	const cacheControl = () => `public, max-age=${Math.min(ttl, 300)}`;
	const handle = asyncRoute<Request>;
	const text = (value: unknown) => (typeof value === 'string' ? value : '');

	router.get(
		'/chiffres',
		handle(async (req, res) => {
			const language: Language = pickLanguage(text(req.query.lang) || undefined, req.get('accept-language'));
			const { cached, rows, minimum } = await figures(req);
			const months = monthsFor(cached.set.month).slice(1);
			const month = months.includes(text(req.query.month)) ? text(req.query.month) : cached.set.month;
			const arrondissement = cached.reference.arrondissements.some((row) => row.code === text(req.query.arrondissement))
				? text(req.query.arrondissement)
				: null;
			const embed = text(req.query.embed) === '1';
			const until: Record<string, string> = cached.set.month === monthOf(new Date()) ? {} : { until: cached.set.month };
			const other = new URLSearchParams({
				lang: language === 'ar' ? 'fr' : 'ar',
				month,
				...(arrondissement ? { arrondissement } : {}),
				...(embed ? { embed: '1' } : {}),
				...until,
			});
			const downloads = new URLSearchParams(until).toString();
			const html = renderPublicPage(rows, cached.reference, {
				language,
				month,
				currentMonth: cached.set.month,
				months,
				arrondissement,
				minimumCount: minimum,
				legalCeilingDays: cached.legalCeilingDays,
				computedAt: cached.computedAt,
				csvHref: `chiffres.csv${downloads ? `?${downloads}` : ''}`,
				jsonHref: `chiffres.json${downloads ? `?${downloads}` : ''}`,
				otherLanguageHref: `chiffres?${other.toString()}`,
				embed,
				until: until.until,
			});
			res.set('Content-Type', 'text/html; charset=utf-8');
			res.set('Cache-Control', cacheControl());
			// no script, no outside resource; any site may frame it (public figures, nothing personal)
			res.set(
				'Content-Security-Policy',
				"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors *",
			);
			res.set('Referrer-Policy', 'no-referrer');
			res.removeHeader('X-Frame-Options');
			res.send(html);
		}),
	);

	router.get(
		'/chiffres.csv',
		handle(async (req, res) => {
			const { cached, rows } = await figures(req);
			res.set('Content-Type', 'text/csv; charset=utf-8');
			res.set('Content-Disposition', `attachment; filename="casablanca-reclamations-${cached.set.month}.csv"`);
			res.set('Cache-Control', cacheControl());
			res.set('Access-Control-Allow-Origin', '*');
			res.send(`\uFEFF${publicCsv(rows, cached.reference)}`);
		}),
	);

	router.get(
		'/chiffres.json',
		handle(async (req, res) => {
			const { cached, rows, minimum } = await figures(req);
			res.set('Cache-Control', cacheControl());
			res.set('Access-Control-Allow-Origin', '*');
			res.json({
				data: rows,
				meta: {
					title: 'Réclamations de la Commune de Casablanca · شكايات جماعة الدار البيضاء',
					licence: LICENCE,
					attribution: 'Commune de Casablanca, Casa Réclamations',
					computed_at: cached.computedAt.toISOString(),
					months: monthsFor(cached.set.month).slice(1),
					current_month: cached.set.month,
					minimum_count: minimum,
					legal_ceiling_days: cached.legalCeilingDays,
					withheld: `null: withheld (fewer than ${minimum} complaints behind the figure) or not applicable`,
					arrondissements: cached.reference.arrondissements.map((row) => ({
						code: row.code,
						name_fr: row.name_fr,
						name_ar: row.name_ar,
						prefecture: row.prefecture,
					})),
					services: cached.reference.services,
					fields: {
						received: 'complaints received in the month',
						answered: 'complaints resolved in the month (whenever received)',
						onTimeRate: 'share of those resolved by their resolution deadline',
						medianDays: 'median whole days from receipt to resolution, of those resolved',
						answeredInLegalTime: `of those received in the month: answered within the legal ceiling (${cached.legalCeilingDays} days, décret 2-17-265)`,
						answeredAfterLegalTime:
							'of those received in the month: answered after the ceiling, or unanswered once it passed',
						legalRate: 'answeredInLegalTime / received',
					},
				},
			});
		}),
	);
}
