// The officials' figures, mounted at /officials. Aggregates only, never a
// complaint nor a citizen; the access matrix decides (view_city and
// view_dashboards: the mayor, elected officials, the director general,
// administrators). The figures come from domain/officials over the cells of
// adapters/officials (kept fresh in the background, see adapters/officials/cache.ts:
// a request on a warm server does not wait for the aggregates).
//   GET /officials/figures?month=YYYY-MM&service=&category=&lang=fr|ar
//       → the caller's screen: élu (their arrondissement first, then the city),
//         mayor (city, préfectures, arrondissements), director general
//         (city, services, teams, legal ceiling); by type; the league table
import { defineEndpoint } from '@directus/extensions-sdk';
import { createError } from '@directus/errors';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { hasGlobal } from '../../domain/access/capabilities';
import { type Language, pickLanguage, translate } from '../../domain/i18n/messages';
import { type OfficialsModel, arrondissementsOf, buildOfficials, officialView } from '../../domain/officials/view';
import { isMonthKey, monthOf } from '../../domain/reports/month-window';
import { ForbiddenActionError, InvalidFieldError } from '../../adapters/errors';
import { loadCaller, referenceData } from '../../adapters/platform-context';
import { type CachedFigures, cachedFigures, startFiguresRefresher } from '../../adapters/officials/cache';
import { readSettings } from '../../config/settings';
import { asyncRoute } from '../../adapters/route';

interface OfficialsRequest {
	query: Record<string, unknown>;
	accountability: Accountability | null;
	get(name: string): string | undefined;
}

const UnauthenticatedError = createError<{ field: string; reason: string; message: string }>(
	'CASA_UNAUTHENTICATED',
	(extensions) => extensions.message,
	401,
);
const CODE = /^[A-Za-z0-9._-]{1,64}$/;

const route = asyncRoute<OfficialsRequest>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

// each screen (view, type filter, élu's arrondissements) built once per computation of the figures
const modelsOf = new WeakMap<CachedFigures, Map<string, OfficialsModel>>();

export default defineEndpoint({
	id: 'officials',
	handler: (router, { database, env, logger }) => {
		const knex = database as unknown as Knex;
		const { cacheTtlSeconds } = readSettings(env).figures;
		// the current month computed at start, then whatever is read kept fresh in the background
		startFiguresRefresher(knex, cacheTtlSeconds, logger);

		router.get(
			'/figures',
			route(async (request, res) => {
				const caller = await loadCaller(knex, request.accountability);
				const language: Language = pickLanguage(
					text(request.query.lang),
					caller.anonymous ? request.get('accept-language') : caller.language,
				);
				if (!request.accountability?.user)
					throw new UnauthenticatedError({
						field: 'authorization',
						reason: 'officials.errors.unauthenticated',
						message: translate(language, 'officials.errors.unauthenticated'),
					});
				const view = officialView(caller.role);
				if (
					!caller.profile ||
					!view ||
					!hasGlobal(caller.profile, 'view_city') ||
					!hasGlobal(caller.profile, 'view_dashboards')
				)
					throw new ForbiddenActionError({
						field: 'role',
						reason: 'officials.errors.role',
						message: translate(language, 'officials.errors.role'),
					});

				const now = new Date();
				const errors: InstanceType<typeof InvalidFieldError>[] = [];
				const month = text(request.query.month) || monthOf(now);
				if (!isMonthKey(month))
					errors.push(
						new InvalidFieldError({
							field: 'month',
							reason: 'officials.errors.month',
							message: translate(language, 'officials.errors.month'),
						}),
					);
				const service = text(request.query.service) || null;
				const category = text(request.query.category) || null;
				if (service !== null && !CODE.test(service))
					errors.push(
						new InvalidFieldError({
							field: 'service',
							reason: 'officials.errors.service',
							message: translate(language, 'officials.errors.service'),
						}),
					);
				if (category !== null && !CODE.test(category))
					errors.push(
						new InvalidFieldError({
							field: 'category',
							reason: 'officials.errors.category',
							message: translate(language, 'officials.errors.category'),
						}),
					);
				if (errors.length > 0) throw errors;

				const { settings } = await referenceData(knex);
				const figures = await cachedFigures(knex, month, settings.legalCeilingDays, cacheTtlSeconds);
				const { reference } = figures;
				if (service !== null && !reference.services.some((row) => row.code === service))
					throw new InvalidFieldError({
						field: 'service',
						reason: 'officials.errors.service',
						message: translate(language, 'officials.errors.service'),
					});
				if (
					category !== null &&
					!reference.categories.some((row) => row.code === category && (service === null || row.service === service))
				)
					throw new InvalidFieldError({
						field: 'category',
						reason: 'officials.errors.category',
						message: translate(language, 'officials.errors.category'),
					});
				const own =
					view === 'elected'
						? arrondissementsOf(
								caller.profile,
								reference.arrondissements.map((row) => row.code),
							)
						: [];
				let models = modelsOf.get(figures);
				if (!models) modelsOf.set(figures, (models = new Map()));
				const modelKey = JSON.stringify([view, service, category, own]);
				let model = models.get(modelKey);
				if (!model) {
					model = buildOfficials(view, figures.set, reference, { service, category }, own);
					// a few screens per computation at most (three views, the type filters, the élus' arrondissements)
					if (models.size < 200) models.set(modelKey, model);
				}
				res.set('Cache-Control', 'private, no-store');
				res.json({
					data: {
						...model,
						computedAt: figures.computedAt.toISOString(),
						legalCeilingDays: figures.legalCeilingDays,
						// the type filter's choices (names in both languages: the screen picks)
						types: reference.services.map((row) => ({
							code: row.code,
							name: { fr: row.name_fr, ar: row.name_ar },
							categories: reference.categories
								.filter((category) => category.service === row.code)
								.map((category) => ({ code: category.code, name: { fr: category.name_fr, ar: category.name_ar } })),
						})),
					},
				});
			}),
		);
	},
});
