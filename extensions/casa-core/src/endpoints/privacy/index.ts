// Loi 09-08 requests, mounted at /casa-privacy (docs/privacy.md).
//   POST /casa-privacy/run                         administrators: runs the retention job now (tests, after a settings change)
//   POST /casa-privacy/requests { complaint? | phone? | email?, lang? }   serve_data_requests
//        → { url, token, expires_at, complaints: [references] }: a signed link (7 days) to everything held about the person
//   GET  /casa-privacy/shared/:token?format=html|json   the document, without logging in, until the link expires
//   POST /casa-privacy/erase { complaint? | phone? | email?, lang? }      serve_data_requests
//        anonymises at once the person's closed or rejected complaints (same rules as the job)
// Every request served, document opened and erasure is written to the access journal.
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { ForbiddenActionError, InvalidFieldError } from '../../adapters/errors';
import { loadCaller } from '../../adapters/platform-context';
import { eraseComplaints, runRetention } from '../../adapters/privacy/anonymise';
import { complaintsOfPerson, personDocument } from '../../adapters/privacy/person-data';
import { hasGlobal } from '../../domain/access/capabilities';
import { type Language, pickLanguage, translate } from '../../domain/i18n/messages';
import {
	ACCESS_LINK_DAYS,
	MAX_ACCESS_COMPLAINTS,
	signAccessLink,
	verifyAccessLink,
} from '../../domain/privacy/access-link';
import { renderAccessHtml } from '../../domain/privacy/access-report';
import { isFinished } from '../../domain/privacy/retention';
import { readSettings } from '../../config/settings';
import { asyncRoute } from '../../adapters/route';

interface PrivacyRequest {
	body: Record<string, unknown> | undefined;
	params: Record<string, string>;
	query: Record<string, unknown>;
	accountability: Accountability | null;
	get(name: string): string | undefined;
}

const route = asyncRoute<PrivacyRequest>;

const str = (value: unknown): string | null =>
	typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 254) : null;

export default defineEndpoint({
	id: 'casa-privacy',
	handler: (router, { database, services, getSchema, env, logger }) => {
		const knex = database as unknown as Knex;
		const { platform } = readSettings(env);
		const secret = () => platform.secret;
		const publicUrl = () => platform.publicUrl.replace(/\/$/, '');
		const deleteFiles = async (ids: string[]) => {
			const files = new services.FilesService({ schema: await getSchema(), knex: database, accountability: null });
			await files.deleteMany(ids);
		};

		async function authorised(request: PrivacyRequest) {
			const caller = await loadCaller(knex, request.accountability);
			const language = pickLanguage(
				str(request.body?.lang) ?? undefined,
				caller.language,
				request.get('accept-language'),
			);
			if (!hasGlobal(caller.profile, 'serve_data_requests'))
				throw new ForbiddenActionError({
					field: 'role',
					reason: 'privacy.forbidden',
					message: translate(language, 'privacy.errors.forbidden'),
				});
			return { caller, language, userId: caller.profile!.userId };
		}

		async function subjectComplaints(request: PrivacyRequest, language: Language): Promise<string[]> {
			const body = request.body ?? {};
			const subject = { complaint: str(body.complaint), phone: str(body.phone), email: str(body.email) };
			if (!subject.complaint && !subject.phone && !subject.email)
				throw new InvalidFieldError({
					field: 'complaint',
					reason: 'privacy.subject',
					message: translate(language, 'privacy.errors.subject'),
				});
			const ids = await complaintsOfPerson(knex, subject);
			if (ids.length === 0)
				throw new InvalidFieldError({
					field: 'complaint',
					reason: 'privacy.not_found',
					message: translate(language, 'privacy.errors.not_found'),
				});
			if (ids.length > MAX_ACCESS_COMPLAINTS)
				throw new InvalidFieldError({
					field: 'complaint',
					reason: 'privacy.too_many',
					message: translate(language, 'privacy.errors.too_many', { max: MAX_ACCESS_COMPLAINTS }),
				});
			return ids;
		}

		const journal = (user: string | null, ids: string[], screen: string, data: string) =>
			ids.length === 0
				? Promise.resolve()
				: knex('access_journal').insert(
						ids.map((complaint) => ({ user, complaint, screen, data, date_created: new Date() })),
					);

		const references = async (ids: string[]) =>
			(await knex('complaints').select('reference').whereIn('id', ids).orderBy('reference')).map(
				(row) => row.reference as string,
			);

		router.post(
			'/run',
			route(async (request, res) => {
				if (!request.accountability?.admin)
					throw new ForbiddenActionError({
						field: 'role',
						reason: 'privacy.forbidden',
						message: translate('fr', 'privacy.errors.forbidden'),
					});
				const totals = await runRetention({ database: knex, deleteFiles });
				logger.info(`[casa-core] retention run (manual): ${JSON.stringify(totals)}`);
				res.json({ data: totals });
			}),
		);

		router.post(
			'/requests',
			route(async (request, res) => {
				const { language, userId } = await authorised(request);
				const lang = str(request.body?.lang);
				if (lang !== null && lang !== 'fr' && lang !== 'ar')
					throw new InvalidFieldError({
						field: 'lang',
						reason: 'privacy.lang',
						message: translate(language, 'privacy.errors.lang'),
					});
				const ids = await subjectComplaints(request, language);
				const expiresAt = Math.floor(Date.now() / 1000) + ACCESS_LINK_DAYS * 86_400;
				const documentLanguage: Language = lang === 'ar' || lang === 'fr' ? lang : language;
				const token = signAccessLink({ complaints: ids, language: documentLanguage, expiresAt }, secret());
				await journal(userId, ids, 'data_request', 'all');
				const path = `/casa-privacy/shared/${token}`;
				res.status(201).json({
					data: {
						token,
						path,
						url: `${publicUrl()}${path}`,
						expires_at: new Date(expiresAt * 1000).toISOString(),
						complaints: await references(ids),
					},
				});
			}),
		);

		router.get(
			'/shared/:token',
			route(async (request, res) => {
				const fallback = pickLanguage(str(request.query.lang) ?? undefined, request.get('accept-language'));
				const verified = verifyAccessLink(request.params.token, secret(), new Date());
				if (!verified.ok) {
					const key = verified.reason === 'expired' ? 'link_expired' : 'link_invalid';
					throw new ForbiddenActionError({
						field: 'token',
						reason: `privacy.${key}`,
						message: translate(fallback, `privacy.errors.${key}`),
					});
				}
				const { complaints, language } = verified.claims;
				await journal(null, complaints, 'data_request_link', 'all');
				const t = (key: string, values?: Record<string, unknown>) => translate(language, key, values ?? {});
				const document = await personDocument(knex, complaints, language, t);
				res.set('Cache-Control', 'no-store');
				res.set('Referrer-Policy', 'no-referrer');
				if (request.query.format === 'json') {
					res.json({ data: document });
					return;
				}
				res.set(
					'Content-Security-Policy',
					"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
				);
				res.set('Content-Type', 'text/html; charset=utf-8');
				res.send(renderAccessHtml(document, t));
			}),
		);

		router.post(
			'/erase',
			route(async (request, res) => {
				const { language, userId } = await authorised(request);
				const ids = await subjectComplaints(request, language);
				const rows = await knex('complaints')
					.select('id', 'reference', 'status', 'personal_data_erased_at')
					.whereIn('id', ids);
				const finished = rows
					.filter((row) => isFinished(row.status) && !row.personal_data_erased_at)
					.map((row) => String(row.id));
				await journal(userId, finished, 'erasure', 'all');
				const totals = await eraseComplaints({ database: knex, deleteFiles }, finished);
				res.json({
					data: {
						erased: rows.filter((row) => finished.includes(String(row.id))).map((row) => row.reference),
						already_erased: rows.filter((row) => row.personal_data_erased_at).map((row) => row.reference),
						not_finished: rows
							.filter((row) => !isFinished(row.status) && !row.personal_data_erased_at)
							.map((row) => row.reference),
						totals,
					},
				});
			}),
		);
	},
});
