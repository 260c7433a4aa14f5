// The staff workspace's API, mounted at /workspace (docs/workspace-api.md).
// Scoped staff roles hold no Directus permission on complaint data: this is
// their only way to complaints, and every route asks the access matrix
// (domain/access/capabilities.ts) what this user may do with this complaint.
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import {
	type ComplaintFacts,
	LANDING,
	availableCommands,
	complaintCapabilities,
	GLOBAL_CAPABILITIES,
	hasGlobal,
	isCommand,
} from '../../domain/access/capabilities';
import type { FieldError } from '../../domain/complaint/complaint-plan';
import { dashboardIdsFor } from '../../domain/dashboards/dashboards';
import { type Language, translate } from '../../domain/i18n/messages';
import { COMPLAINT_STATUSES } from '../../domain/workflow/transitions';
import { CHOICES } from '../../domain/complaint/complaint-plan';
import { SLA_STATES } from '../../domain/insights/clusters';
import { isUuid, readQueueQuery } from '../../domain/workspace/queue-query';
import { toIsoTimestamp } from '../../domain/calendar/instant';
import { ForbiddenActionError, InvalidFieldError } from '../../adapters/errors';
import { type Caller, actingAs, loadCaller, loadTeams, referenceData } from '../../adapters/platform-context';
import { requestSchema } from '../../adapters/request-schema';
import { complaintScope } from '../../domain/access/scope';
import { applyScope } from '../../adapters/scope-sql';
import { cleanPhotos, decodePhotosAtOnce } from '../../adapters/photos';
import { readSettings } from '../../config/settings';
import { BodyProblem, bodyError, parseMultipart } from '../../adapters/body';
import { configureUploadBudget } from '../../adapters/upload-budget';
import { MAX_PHOTO_BYTES } from '../../domain/intake/image-type';
import { CommandInputError, runCommand } from '../../adapters/workspace/commands';
import { categoryNeedsProof } from '../../adapters/proof-of-closure';
import {
	fileOfComplaint,
	journalAccess,
	loadFacts,
	loadFactsMany,
	readComplaint,
	readFiles,
	readHistory,
	readQueue,
} from '../../adapters/workspace/queries';
import { contactOf } from '../../adapters/citizen-contacts';
import { categoryAnswers, commandButtons, fileUrl, historyEntry, named, queueItem, replyTemplates } from './views';
import { Readable } from 'node:stream';
import { suggestCategories } from '../../adapters/suggestion/suggest';
import { retrain } from '../../adapters/suggestion/model-store';
import { rankedNearby } from '../../adapters/suggestion/nearby';
import { asyncRoute } from '../../adapters/route';

interface WorkspaceRequest {
	body: Record<string, unknown> | undefined;
	params: Record<string, string>;
	query: Record<string, unknown>;
	accountability: Accountability | null;
	schema?: SchemaOverview;
	headers: Record<string, string | string[] | undefined>;
	get(name: string): string | undefined;
}

const BULK_LIMIT = 200;
/** One after-photo per upload, limits checked before anything is decoded. */
const AFTER_PHOTO_LIMITS = {
	fileField: 'photos',
	maxFiles: 1,
	maxFileBytes: MAX_PHOTO_BYTES,
	maxFields: 5,
	maxFieldBytes: 100,
	maxTotalBytes: MAX_PHOTO_BYTES + 64 * 1024,
};
const PASSWORD_MIN = 12;

const route = asyncRoute<WorkspaceRequest>;

/** A reference row (category, arrondissement, team) with its French and Arabic names. */
interface NamedRow {
	name_fr: string | null;
	name_ar: string | null;
}

type TeamRow = NamedRow & { id: string; service: string | null };

/** Field errors in the user's language: the workspace's own keys and the platform's (errors.*). */
function workspaceErrors(errors: FieldError[], language: Language, forbidden = false) {
	return errors.map((error) => {
		const key = error.key.startsWith('workspace.') ? error.key : `errors.${error.key}`;
		const values: Record<string, unknown> = { ...error.values };
		for (const name of ['from', 'to'])
			if (typeof values[name] === 'string') values[`${name}Label`] = translate(language, `status.${values[name]}`);
		const extensions = { field: error.field, reason: error.key, message: translate(language, key, values) };
		return forbidden ? new ForbiddenActionError(extensions) : new InvalidFieldError(extensions);
	});
}

function refuse(language: Language, key: string, field = 'id') {
	return new ForbiddenActionError({ field, reason: key, message: translate(language, `workspace.errors.${key}`) });
}

export default defineEndpoint({
	id: 'workspace',
	handler: (router, { services, database, getSchema, env, logger }) => {
		decodePhotosAtOnce(readSettings(env).uploads.photoDecodeConcurrency);
		configureUploadBudget(readSettings(env).uploads);
		/** The staff member behind the request; anonymous callers and users of no platform role stop here. */
		async function staff(request: WorkspaceRequest): Promise<{
			caller: Caller & { profile: NonNullable<Caller['profile']> };
			language: Language;
			accountability: Accountability;
		}> {
			const caller = await loadCaller(database, request.accountability);
			if (!caller.profile || !request.accountability?.user || !hasGlobal(caller.profile, 'use_workspace'))
				throw refuse(caller.language, 'role', 'role');
			return {
				caller: caller as Caller & { profile: NonNullable<Caller['profile']> },
				language: caller.language,
				accountability: request.accountability,
			};
		}

		/** The complaint's facts when this user may read it; absent and out of scope are the same refusal. */
		async function readable(caller: Caller, language: Language, id: string): Promise<ComplaintFacts & { id: string }> {
			const facts = isUuid(id) ? await loadFacts(database, id) : null;
			if (!facts || !complaintCapabilities(caller.profile, facts).has('read')) throw refuse(language, 'not_found');
			return facts;
		}

		async function complaintView(caller: Caller, language: Language, id: string) {
			const [row, files, events] = await Promise.all([
				readComplaint(database, id),
				readFiles(database, id),
				readHistory(database, id),
			]);
			const facts = row as unknown as ComplaintFacts;
			const capabilities = complaintCapabilities(caller.profile, facts);
			const categories = new Map<string, { name_fr: string; name_ar: string }>();
			const codes = [
				...new Set(
					events
						.map((event) => /^category: (.+) → (.+)$/.exec(String(event.body ?? '')))
						.filter(Boolean)
						.flatMap((match) => [match![1], match![2]]),
				),
			];
			if (codes.length > 0)
				for (const category of await database('categories').select('code', 'name_fr', 'name_ar').whereIn('code', codes))
					categories.set(category.code, category);
			const categoryLabel = (code: string) =>
				named(language, categories.get(code)?.name_fr, categories.get(code)?.name_ar) ?? code;
			const t = (key: string) => translate(language, key);
			return {
				id: String(row.id),
				reference: row.reference,
				status: row.status,
				status_label: t(`status.${row.status}`),
				type_label: t(`type.${row.type}`),
				category: row.category,
				category_label: named(language, row.category_fr, row.category_ar),
				service_label: named(language, row.service_fr, row.service_ar),
				channel_label: t(`channel.${row.channel}`),
				priority_label: row.priority ? t(`priority.${row.priority}`) : null,
				description: row.description,
				address: row.address,
				latitude: row.latitude === null ? null : Number(row.latitude),
				longitude: row.longitude === null ? null : Number(row.longitude),
				arrondissement_label: named(language, row.arrondissement_fr, row.arrondissement_ar),
				received_at: toIsoTimestamp(row.received_at),
				acknowledge_due_at: toIsoTimestamp(row.acknowledge_due_at),
				resolve_due_at: toIsoTimestamp(row.resolve_due_at),
				legal_due_at: toIsoTimestamp(row.legal_due_at),
				sla_state: row.sla_state ?? 'on_track',
				sla_label: t(`sla_state.${row.sla_state ?? 'on_track'}`),
				team: row.team,
				team_label: named(language, row.team_fr, row.team_ar),
				assignee_label: [row.assignee_first, row.assignee_last].filter(Boolean).join(' ') || null,
				assignee_is_me: row.assignee !== null && row.assignee === caller.profile?.userId,
				public_reply: row.public_reply,
				rejection_reason: row.rejection_reason,
				redirected_to: row.redirected_to,
				photos: files.map((file) => ({
					id: String(file.id),
					kind: file.kind,
					kind_label: t(`workspace.file_kinds.${file.kind ?? 'document'}`),
					url: fileUrl(String(row.id), String(file.id)),
					thumbnail: String(file.type ?? '').startsWith('image/')
						? fileUrl(String(row.id), String(file.id), true)
						: null,
					type: file.type,
				})),
				history: events.map((event) => historyEntry(event, language, { category: categoryLabel })),
				commands: commandButtons(availableCommands(caller.profile, facts), language),
				contact: {
					available: row.contact_id !== null && row.contact_id !== undefined,
					may_read: capabilities.has('read_personal'),
				},
				reply_templates: replyTemplates(row.reply_templates, language),
				answers: categoryAnswers(row.attributes, language),
				// proof of closure: the form of the resolve command says it before the agent tries
				proof_of_closure: {
					required: await categoryNeedsProof(database, row.category ?? null),
					after_photos: files.filter((file) => file.kind === 'after_photo').length,
				},
				// what the category suggestion reads in the description, for the requalification form
				category_suggestions:
					capabilities.has('requalify') && row.description ? await categorySuggestions(row.description, language) : [],
				// open complaints nearby that may be the same problem, ranked by meaning and place, for a merge
				likely_duplicates: capabilities.has('merge') ? await likelyDuplicates(caller, language, row) : [],
			};
		}

		async function likelyDuplicates(
			caller: Caller,
			language: Language,
			row: { id: string; category: string | null; description: string | null; latitude: unknown; longitude: unknown },
		) {
			if (row.latitude === null || row.longitude === null || !row.category) return [];
			try {
				const { settings } = await referenceData(database);
				const ranked = await rankedNearby(
					database,
					{
						lat: Number(row.latitude),
						lng: Number(row.longitude),
						category: String(row.category),
						text: String(row.description ?? ''),
						radiusM: settings.duplicateRadiusM,
						periodDays: settings.duplicatePeriodDays,
						scope: (builder) => {
							const scope = complaintScope(caller.profile!);
							if (scope) applyScope(builder, scope);
							builder.whereNot('complaints.id', row.id);
						},
					},
					5,
				);
				return ranked.map(({ item, similarity }) => ({
					id: String(item.id),
					reference: item.reference,
					status_label: translate(language, `status.${item.status}`),
					category_label: named(language, item.name_fr, item.name_ar),
					distance_m: Math.round(item.distanceM),
					similarity,
				}));
			} catch (error) {
				logger.warn(error, '[casa-core] likely duplicates unavailable');
				return [];
			}
		}

		async function categorySuggestions(text: string, language: Language) {
			try {
				return (await suggestCategories(database, text, language, 3)).map(({ code, label, score }) => ({
					value: code,
					label,
					score,
				}));
			} catch (error) {
				logger.warn(error, '[casa-core] category suggestion unavailable');
				return [];
			}
		}

		router.get(
			'/me',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const profile = caller.profile;
				const [user, teams, service, arrondissement] = await Promise.all([
					database('directus_users').select('id', 'first_name', 'last_name').where({ id: profile.userId }).first(),
					profile.teams.length > 0
						? database('teams as t')
								.leftJoin('services as s', 's.code', 't.service')
								.select('t.id', 't.name_fr', 't.name_ar')
								.whereIn('t.id', profile.teams)
						: [],
					profile.service
						? database('services').select('code', 'name_fr', 'name_ar').where({ code: profile.service }).first()
						: null,
					profile.arrondissement
						? database('arrondissements')
								.select('code', 'name_fr', 'name_ar')
								.where({ code: profile.arrondissement })
								.first()
						: null,
				]);
				res.json({
					data: {
						id: user.id,
						first_name: user.first_name,
						last_name: user.last_name,
						role: profile.role,
						role_label: translate(language, `workspace.roles.${profile.role}`),
						language,
						landing: LANDING[profile.role],
						capabilities: GLOBAL_CAPABILITIES[profile.role],
						dashboard: dashboardIdsFor(profile.role)[0] ?? null,
						teams: (teams as Record<string, string>[]).map((team) => ({
							id: team.id,
							label: named(language, team.name_fr, team.name_ar),
						})),
						service: service ? { code: service.code, label: named(language, service.name_fr, service.name_ar) } : null,
						arrondissement: arrondissement
							? { code: arrondissement.code, label: named(language, arrondissement.name_fr, arrondissement.name_ar) }
							: null,
					},
				});
			}),
		);

		router.patch(
			'/me',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const wanted = request.body?.language;
				if (wanted !== 'fr' && wanted !== 'ar')
					throw workspaceErrors([{ field: 'language', key: 'workspace.errors.language' }], language);
				// Core cannot grant a user their own record: the project writes it, for this user only
				await database('directus_users')
					.where({ id: caller.profile.userId })
					.update({ language: wanted === 'ar' ? 'ar-SA' : 'fr-FR' });
				res.json({ data: { language: wanted } });
			}),
		);

		router.post(
			'/me/password',
			route(async (request, res) => {
				const { caller, language, accountability } = await staff(request);
				const current = request.body?.current;
				const password = request.body?.password;
				if (typeof password !== 'string' || password.length < PASSWORD_MIN || password.length > 256)
					throw workspaceErrors(
						[{ field: 'password', key: 'workspace.errors.password_short', values: { min: PASSWORD_MIN } }],
						language,
					);
				const schema = await requestSchema(request, getSchema);
				try {
					if (typeof current !== 'string' || current.length > 256) throw new Error('no current password');
					await new services.AuthenticationService({ knex: database, schema, accountability: null }).verifyPassword(
						caller.profile.userId,
						current,
					);
				} catch {
					throw workspaceErrors([{ field: 'current', key: 'workspace.errors.password_current' }], language);
				}
				// the users service hashes the password and writes the activity as this user
				await new services.UsersService({
					schema,
					knex: database,
					accountability: actingAs(accountability, caller),
				}).updateOne(caller.profile.userId, { password });
				res.json({ data: { changed: true } });
			}),
		);

		// an administrator retrains the category suggestion now (after editing keywords; tests), instead of waiting for the schedule
		router.post(
			'/suggestion/train',
			route(async (request, res) => {
				if (!request.accountability?.admin)
					throw new ForbiddenActionError({
						field: 'role',
						reason: 'role',
						message: translate('fr', 'workspace.errors.role'),
					});
				res.json({ data: await retrain(database) });
			}),
		);

		router.get(
			'/options',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const t = (key: string) => translate(language, key);
				const profile = caller.profile;
				const [categories, arrondissements, teams]: [
					(NamedRow & { code: string; service: string | null })[],
					(NamedRow & { code: string })[],
					TeamRow[],
				] = await Promise.all([
					database('categories')
						.select('code', 'name_fr', 'name_ar', 'service')
						.where({ active: true })
						.orderBy('sort')
						.orderBy('code'),
					database('arrondissements').select('code', 'name_fr', 'name_ar').orderBy('name_fr'),
					database('teams')
						.select('id', 'name_fr', 'name_ar', 'service')
						.modify((query) => {
							if (profile.role === 'service_head' && profile.service) query.where({ service: profile.service });
							if (profile.role === 'service_agent')
								query.whereIn('id', profile.teams.length > 0 ? profile.teams : ['']);
						}),
				]);
				const members =
					teams.length > 0
						? await database('team_members as m')
								.join('directus_users as u', 'u.id', 'm.user')
								.select('u.id', 'u.first_name', 'u.last_name')
								.whereIn(
									'm.team',
									teams.map((team) => team.id),
								)
								.andWhere('u.status', 'active')
						: [];
				const assignees = [
					...new Map(
						members.map((member) => [
							member.id,
							{ value: member.id, label: `${member.first_name ?? ''} ${member.last_name ?? ''}`.trim() },
						]),
					).values(),
				];
				res.json({
					data: {
						statuses: COMPLAINT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
						sla_states: SLA_STATES.map((value) => ({ value, label: t(`sla_state.${value}`) })),
						channels: CHOICES.channel.map((value) => ({ value, label: t(`channel.${value}`) })),
						categories: categories.map((row) => ({
							value: row.code,
							label: named(language, row.name_fr, row.name_ar),
							service: row.service,
						})),
						arrondissements: arrondissements.map((row) => ({
							value: row.code,
							label: named(language, row.name_fr, row.name_ar),
						})),
						teams: teams.map((row) => ({
							value: row.id,
							label: named(language, row.name_fr, row.name_ar),
							service: row.service,
						})),
						assignees,
					},
				});
			}),
		);

		router.get(
			'/complaints',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				if (!hasGlobal(caller.profile, 'read_queue')) throw refuse(language, 'role', 'role');
				const { query, errors } = readQueueQuery(request.query);
				if (errors.length > 0) throw workspaceErrors(errors, language);
				const { rows, total, thumbnails } = await readQueue(database, caller.profile, query);
				const now = new Date();
				res.json({
					data: rows.map((row) => queueItem(row, language, thumbnails.get(String(row.id)), now)),
					meta: { total, page: query.page, limit: query.limit },
				});
			}),
		);

		router.get(
			'/complaints/:id',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				await readable(caller, language, request.params.id);
				res.json({ data: await complaintView(caller, language, request.params.id) });
			}),
		);

		router.get(
			'/complaints/:id/contact',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const facts = await readable(caller, language, request.params.id);
				if (!complaintCapabilities(caller.profile, facts).has('read_personal'))
					throw refuse(language, 'contact_not_allowed');
				const screen =
					typeof request.query.screen === 'string' && /^[a-z_-]{1,32}$/.test(request.query.screen)
						? request.query.screen
						: 'complaint';
				const [contact, complaint] = await Promise.all([
					contactOf(database, facts.id),
					database('complaints').select('citizen_language').where({ id: facts.id }).first(),
				]);
				// loi 09-08: the read is journalled before the data leaves
				await journalAccess(database, {
					user: caller.profile.userId,
					complaint: facts.id,
					screen,
					data: 'name,phone,email,postal_address',
				});
				res.set('Cache-Control', 'no-store');
				res.json({
					data: {
						name: contact?.name ?? null,
						phone: contact?.phone ?? null,
						email: contact?.email ?? null,
						postal_address: contact?.postal_address ?? null,
						language: complaint?.citizen_language ?? null,
						notice: translate(language, 'workspace.journal_notice'),
					},
				});
			}),
		);

		router.post(
			'/complaints/:id/commands/:command',
			route(async (request, res) => {
				const { caller, language, accountability } = await staff(request);
				const facts = await readable(caller, language, request.params.id);
				const command = request.params.command;
				if (!isCommand(command) || command === 'attach')
					throw workspaceErrors([{ field: 'command', key: 'workspace.errors.command_unknown' }], language);
				if (!availableCommands(caller.profile, facts).includes(command))
					throw refuse(language, 'command_not_allowed', 'command');
				const schema = await requestSchema(request, getSchema);
				try {
					await database.transaction((trx) =>
						runCommand(
							{ ItemsService: services.ItemsService, schema, database, accountability, caller },
							trx,
							facts.id,
							command,
							request.body ?? {},
							facts,
						),
					);
				} catch (error) {
					if (error instanceof CommandInputError) throw workspaceErrors(error.errors, language);
					throw error;
				}
				res.json({ data: await complaintView(caller, language, facts.id) });
			}),
		);

		router.post(
			'/complaints/:id/files',
			route(async (request, res) => {
				const { caller, language, accountability } = await staff(request);
				const facts = await readable(caller, language, request.params.id);
				if (!availableCommands(caller.profile, facts).includes('attach'))
					throw refuse(language, 'command_not_allowed', 'command');
				let parsed;
				try {
					parsed = await parseMultipart(request as never, AFTER_PHOTO_LIMITS);
				} catch (error) {
					if (error instanceof BodyProblem) throw bodyError(error, language);
					throw error;
				}
				if (parsed.errors.length > 0) throw workspaceErrors(parsed.errors, language);
				if (parsed.files.length !== 1)
					throw workspaceErrors([{ field: 'photos', key: 'workspace.errors.file_required' }], language);
				const photoErrors: FieldError[] = [];
				const [photo] = await cleanPhotos(parsed.files, photoErrors);
				if (!photo) throw workspaceErrors(photoErrors, language);
				const schema = await requestSchema(request, getSchema);
				const files = new services.FilesService({ schema, accountability: actingAs(accountability, caller) });
				const fileId = await files.uploadOne(Readable.from(photo.bytes), {
					storage: 'local',
					filename_download: photo.filename,
					type: photo.type,
					title: photo.filename,
					width: photo.width,
					height: photo.height,
				});
				try {
					await database.transaction(async (trx) => {
						await trx('complaint_files').insert({
							complaints_id: facts.id,
							directus_files_id: fileId,
							kind: 'after_photo',
						});
						await trx('complaint_events').insert({
							complaint: facts.id,
							type: 'note',
							body: translate(language, 'workspace.history.attachment', {
								kind: translate(language, 'workspace.file_kinds.after_photo'),
							}),
							visibility: 'internal',
							actor: caller.profile.userId,
							actor_kind: 'staff',
							date_created: new Date(),
						});
					});
				} catch (error) {
					// storage is not transactional: the file goes when its link could not be written
					await files.deleteOne(fileId).catch(() => undefined);
					throw error;
				}
				res.status(201).json({ data: await complaintView(caller, language, facts.id) });
			}),
		);

		router.get(
			'/complaints/:id/files/:file',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const facts = await readable(caller, language, request.params.id);
				const file = isUuid(request.params.file)
					? await fileOfComplaint(database, facts.id, request.params.file)
					: null;
				if (!file) throw refuse(language, 'file_not_found', 'file');
				const thumb = request.query.size === 'thumb' && String(file.type ?? '').startsWith('image/');
				const schema = await requestSchema(request, getSchema);
				// the complaint's scope was checked above: the asset is read without a generic permission on directus_files
				const assets = new services.AssetsService({ schema, accountability: null });
				const asset = await assets.getAsset(
					file.id,
					thumb
						? {
								transformationParams: {
									width: 320,
									height: 320,
									fit: 'inside',
									withoutEnlargement: true,
									format: 'jpg',
									quality: 70,
								},
							}
						: undefined,
				);
				res.set('Content-Type', asset.file.type ?? 'application/octet-stream');
				res.set('Cache-Control', 'private, max-age=3600');
				res.set('X-Content-Type-Options', 'nosniff');
				res.set('Content-Disposition', 'inline');
				asset.stream.on('error', (error: Error) => {
					logger.warn(`[casa-core] workspace file ${file.id}: ${error.message}`);
					res.destroy();
				});
				asset.stream.pipe(res);
			}),
		);

		router.get(
			'/assignees',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				const ids = String(request.query.complaints ?? '')
					.split(',')
					.filter(isUuid)
					.slice(0, BULK_LIMIT);
				const facts = await loadFactsMany(database, ids);
				if (
					facts.length !== ids.length ||
					facts.some((row) => !complaintCapabilities(caller.profile, row).has('assign'))
				)
					throw refuse(language, 'not_found');
				const services = [...new Set(facts.map((row) => row.service).filter(Boolean))] as string[];
				// eligible: active members of a team of the complaints' service (and, for a head, of their own service)
				const teams: TeamRow[] = await database('teams')
					.select('id', 'name_fr', 'name_ar', 'service')
					.modify((query) => {
						query.whereIn('service', services.length > 0 ? services : ['']);
						if (caller.profile.role === 'service_head') query.where('service', caller.profile.service ?? '');
					});
				const loaded = await loadTeams(
					database,
					teams.map((team) => team.id),
				);
				const users = await database('directus_users')
					.select('id', 'first_name', 'last_name', 'status')
					.whereIn('id', [...new Set([...loaded.values()].flatMap((team) => team.members))]);
				const active = new Map(
					users
						.filter((user) => user.status === 'active')
						.map((user) => [user.id, `${user.first_name ?? ''} ${user.last_name ?? ''}`.trim()]),
				);
				res.json({
					data: {
						teams: teams.map((team) => ({ value: team.id, label: named(language, team.name_fr, team.name_ar) })),
						agents: teams.flatMap((team) =>
							(loaded.get(team.id)?.members ?? [])
								.filter((member) => active.has(member))
								.map((member) => ({
									value: member,
									label: active.get(member),
									team: team.id,
									team_label: named(language, team.name_fr, team.name_ar),
								})),
						),
					},
				});
			}),
		);

		router.post(
			'/assignments',
			route(async (request, res) => {
				const { caller, language, accountability } = await staff(request);
				if (!hasGlobal(caller.profile, 'bulk_assign')) throw refuse(language, 'role', 'role');
				const ids = request.body?.complaints;
				if (!Array.isArray(ids) || ids.length === 0)
					throw workspaceErrors([{ field: 'complaints', key: 'workspace.errors.bulk_empty' }], language);
				if (ids.length > BULK_LIMIT)
					throw workspaceErrors(
						[{ field: 'complaints', key: 'workspace.errors.bulk_too_many', values: { limit: BULK_LIMIT } }],
						language,
					);
				if (ids.some((id) => !isUuid(id))) throw refuse(language, 'not_found');
				const unique = [...new Set(ids as string[])];
				const body = { team: request.body?.team, assignee: request.body?.assignee };
				const schema = await requestSchema(request, getSchema);
				try {
					// all or nothing: one transaction for the batch; each complaint is checked as it comes, inside it
					await database.transaction(async (trx) => {
						for (const id of unique) {
							const facts = await loadFacts(trx, id);
							if (!facts || !availableCommands(caller.profile, facts).includes('assign'))
								throw refuse(language, 'not_found');
							await runCommand(
								{ ItemsService: services.ItemsService, schema, database, accountability, caller },
								trx,
								id,
								'assign',
								body,
								facts,
							);
						}
					});
				} catch (error) {
					if (error instanceof CommandInputError) throw workspaceErrors(error.errors, language);
					throw error;
				}
				const after = await database('complaints as c')
					.leftJoin('directus_users as u', 'u.id', 'c.assignee')
					.select('c.id', 'c.reference', 'c.status', 'c.team', 'c.assignee', 'u.first_name', 'u.last_name')
					.whereIn('c.id', unique);
				res.json({
					data: after.map((row) => ({
						id: String(row.id),
						reference: row.reference,
						status: row.status,
						status_label: translate(language, `status.${row.status}`),
						team: row.team,
						assignee: row.assignee,
						assignee_label: [row.first_name, row.last_name].filter(Boolean).join(' ') || null,
					})),
				});
			}),
		);

		/** Counts of the queue by SLA state and status in the caller's scope (the landing's summary). */
		router.get(
			'/summary',
			route(async (request, res) => {
				const { caller, language } = await staff(request);
				if (!hasGlobal(caller.profile, 'read_queue')) throw refuse(language, 'role', 'role');
				const query = database('complaints as c')
					.select('c.sla_state')
					.count({ count: '*' })
					.whereIn('c.status', ['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'])
					.groupBy('c.sla_state');
				const scope = complaintScope(caller.profile);
				if (scope) applyScope(query, scope, 'c');
				const rows = (await query) as { sla_state: string | null; count: number | string }[];
				const unassigned = database('complaints as c')
					.count({ count: '*' })
					.whereIn('c.status', ['new', 'acknowledged', 'assigned', 'reopened'])
					.whereNull('c.assignee');
				if (scope) applyScope(unassigned, scope, 'c');
				const mine = await database('complaints')
					.count({ count: '*' })
					.where({ assignee: caller.profile.userId })
					.whereIn('status', ['assigned', 'in_progress', 'waiting_citizen', 'reopened'])
					.first();
				res.json({
					data: {
						open: rows.reduce((sum, row) => sum + Number(row.count), 0),
						by_sla: Object.fromEntries(
							SLA_STATES.map((state) => [
								state,
								Number(rows.find((row) => (row.sla_state ?? 'on_track') === state)?.count ?? 0),
							]),
						),
						unassigned: Number((await unassigned.first())?.count ?? 0),
						mine: Number(mine?.count ?? 0),
					},
				});
			}),
		);
	},
});
