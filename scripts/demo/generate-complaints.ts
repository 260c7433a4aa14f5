// Realistic complaint data at any size, for the demo and the benchmarks:
// categories and arrondissements weighted like Casablanca (population), points
// inside the real boundaries, a plausible life cycle per complaint, and every
// value computed by the domain rules the hooks use.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { planContextFrom, referenceData } from '../../extensions/casa-core/src/adapters/platform-context';
import { splitContact } from '../../extensions/casa-core/src/adapters/citizen-contacts';
import {
	type CurrentComplaint,
	type HistoryEvent,
	type PlanContext,
	planCreate,
	planUpdate,
} from '../../extensions/casa-core/src/domain/complaint/complaint-plan';
import { boundingBox, pointInGeometry, type AreaGeometry } from '../../extensions/casa-core/src/domain/geo';
import { formatReference, referenceYear } from '../../extensions/casa-core/src/domain/reference';
import { slaState, worstSlaState } from '../../extensions/casa-core/src/domain/sla';
import {
	DEFAULT_LEGAL_WARNING_DAYS,
	atRiskPatch,
	escalationLevelOf,
} from '../../extensions/casa-core/src/domain/sla/sweep';
import { nextCheckPatch, slaDecision } from '../../extensions/casa-core/src/domain/sla/next-check';
import {
	CHANNEL_WEIGHTS,
	LIFECYCLES,
	SERVICE_WEIGHTS,
	ageInDays,
	arrondissementWeights,
	random,
	weighted,
} from '../bench/weighting';

export interface GenerateOptions {
	count: number;
	days: number;
	seed: number;
	now: Date;
	batchSize?: number;
	/**
	 * Also store what the complaint hooks store for the SLA sweep (at-risk
	 * instants, escalation level reached): the benchmarks' rows are then
	 * swept like live ones. Off for the demo, whose rows the sweep adopts.
	 */
	sweepFields?: boolean;
}

export interface GeneratedComplaints {
	complaints: Record<string, unknown>[];
	/** each with `complaint`, the id of its complaint */
	events: Record<string, unknown>[];
	/** the citizens' contact details, each with `complaint` */
	contacts: Record<string, unknown>[];
	/** last reference sequence used, per year */
	counters: Map<number, number>;
}

const FIRST_NAMES = [
	'Fatima',
	'Mohamed',
	'Aicha',
	'Ahmed',
	'Khadija',
	'Youssef',
	'Meryem',
	'Hassan',
	'Zineb',
	'Rachid',
	'Imane',
	'Karim',
];
const LAST_NAMES = [
	'Alaoui',
	'Bennani',
	'El Idrissi',
	'Tazi',
	'Berrada',
	'Chraibi',
	'Fassi',
	'Lahlou',
	'Benjelloun',
	'Ouazzani',
];
const STREETS = [
	'Boulevard Zerktouni',
	'Boulevard Mohammed V',
	'Rue de Fès',
	'Boulevard Al Qods',
	'Avenue des FAR',
	'Boulevard Ghandi',
	'Rue Moulay Youssef',
	'Boulevard Oued Sebou',
	'Boulevard Abdelmoumen',
	'Rue Ibnou Rochd',
];
const DETAILS_FR = [
	'depuis plusieurs jours',
	'devant l’école',
	'au coin de la rue',
	'près du marché',
	'face à la mosquée',
	'à côté de l’arrêt de tramway',
];
const DETAILS_AR = [
	'منذ عدة أيام',
	'أمام المدرسة',
	'في زاوية الشارع',
	'قرب السوق',
	'أمام المسجد',
	'بجانب محطة الترامواي',
];

export function randomPointIn(next: () => number, boundary: AreaGeometry): { lat: number; lng: number } {
	const box = boundingBox(boundary);
	for (let attempt = 0; attempt < 500; attempt++) {
		const lng = box.minLng + next() * (box.maxLng - box.minLng);
		const lat = box.minLat + next() * (box.maxLat - box.minLat);
		if (pointInGeometry(lng, lat, boundary)) return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
	}
	throw new Error('could not sample a point inside an arrondissement');
}

/** Builds complaints and their history in memory, with the domain rules the hooks apply. */
export async function buildComplaints(knex: Knex, options: GenerateOptions): Promise<GeneratedComplaints> {
	const next = random(options.seed);
	const reference = await referenceData(knex);
	const categories = [...reference.categories.values()].filter((category) => category.active);
	const arrondissements = (await knex('arrondissements').select('code', 'population', 'boundary')).map((row) => ({
		code: row.code as string,
		population: Number(row.population ?? 1),
		boundary: (typeof row.boundary === 'string' ? JSON.parse(row.boundary) : row.boundary) as AreaGeometry,
	}));
	const teams = await knex('teams').select('id', 'service');
	const members = await knex('team_members').select('team', 'user');
	const teamInfo = new Map(
		teams.map((team) => [
			team.id as string,
			{
				service: team.service as string,
				members: members.filter((member) => member.team === team.id).map((member) => member.user as string),
			},
		]),
	);
	const categoriesByService = new Map<string, typeof categories>();
	for (const category of categories)
		categoriesByService.set(category.service, [...(categoriesByService.get(category.service) ?? []), category]);

	const context = (now: Date): PlanContext => planContextFrom(reference, 'administrator', null, now, teamInfo);

	const counters = new Map<number, number>();
	for (const row of await knex('reference_counters').select('year', 'last_value'))
		counters.set(Number(row.year), Number(row.last_value));
	const complaints: Record<string, unknown>[] = [];
	const events: Record<string, unknown>[] = [];
	const contacts: Record<string, unknown>[] = [];
	const dayMs = 86_400_000;

	for (let index = 0; index < options.count; index++) {
		const service = weighted(
			next,
			Object.entries(SERVICE_WEIGHTS).filter(([code]) => categoriesByService.has(code)),
		);
		const pool = categoriesByService.get(service)!;
		const category = pool[Math.floor(next() * pool.length)];
		const arrondissement = weighted(next, arrondissementWeights(arrondissements));
		const point = randomPointIn(next, arrondissement.boundary);
		const ageDays = ageInDays(next, options.days);
		const receivedAt = new Date(options.now.getTime() - ageDays * dayMs);
		const language = next() < 0.45 ? 'ar' : 'fr';
		const channel = weighted(next, CHANNEL_WEIGHTS);
		const anonymous = next() < 0.25;
		const detail = Math.floor(next() * DETAILS_FR.length);
		const street = STREETS[Math.floor(next() * STREETS.length)];
		const payload: Record<string, unknown> = {
			category: category.code,
			description:
				language === 'ar'
					? `مشكل ${DETAILS_AR[detail]}، ${street}.`
					: `Problème signalé ${DETAILS_FR[detail]}, ${street}.`,
			latitude: point.lat,
			longitude: point.lng,
			address: `${Math.floor(next() * 200) + 1} ${street}`,
			channel,
			type: next() < 0.9 ? 'reclamation' : next() < 0.5 ? 'observation' : 'suggestion',
			received_at: receivedAt.toISOString(),
			citizen_language: language,
			...(anonymous
				? {}
				: {
						citizen_name: `${FIRST_NAMES[Math.floor(next() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(next() * LAST_NAMES.length)]}`,
						citizen_phone: `06${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
					}),
		};
		const created = planCreate(payload, context(receivedAt));
		if (!created.ok) throw new Error(`generated complaint refused: ${JSON.stringify(created.errors)}`);
		const id = randomUUID();
		const year = referenceYear(receivedAt);
		const sequence = (counters.get(year) ?? 0) + 1;
		counters.set(year, sequence);
		const row: Record<string, unknown> = {
			id,
			...payload,
			...created.values,
			reference: formatReference(year, sequence),
			supporters_count: 0,
			location_override: false,
			date_created: receivedAt.toISOString(),
		};
		const history: { event: HistoryEvent; at: Date }[] = created.events.map((event) => ({ event, at: receivedAt }));

		const steps = weighted(next, LIFECYCLES);
		let at = receivedAt;
		for (const step of steps) {
			const stepAt = new Date(at.getTime() + (0.1 + next() * 0.25) * ageDays * dayMs);
			if (stepAt.getTime() >= options.now.getTime()) break;
			const current = row as unknown as CurrentComplaint;
			const patch: Record<string, unknown> = {};
			if (step.status) patch.status = step.status;
			if (step.team) patch.team = row.team ?? null;
			if (step.assignee) {
				const candidates = teamInfo.get(String(row.team))?.members ?? [];
				if (candidates.length === 0) continue;
				patch.assignee = candidates[Math.floor(next() * candidates.length)];
			}
			if (step.publicReply)
				patch.public_reply =
					language === 'ar'
						? 'تمت معالجة المشكل من طرف المصلحة المختصة. شكراً على تواصلكم.'
						: 'Le problème a été traité par le service compétent. Merci de votre signalement.';
			if (step.rejection) {
				patch.rejection_reason = 'Hors compétence de la Commune : réorientée vers la Lydec.';
				patch.redirected_to = 'Lydec';
			}
			const plan = planUpdate(current, patch, context(stepAt));
			if (!plan.ok) continue;
			Object.assign(row, patch, plan.values);
			for (const event of plan.events) history.push({ event, at: stepAt });
			at = stepAt;
		}
		if (['new', 'acknowledged', 'assigned', 'in_progress', 'reopened'].includes(String(row.status))) {
			const states = [
				slaState(
					options.now,
					receivedAt,
					new Date(String(row.resolve_due_at)),
					category.resolveUnit,
					reference.calendar,
					reference.settings.atRiskShare,
				),
			];
			if (row.status === 'new')
				states.push(
					slaState(
						options.now,
						receivedAt,
						new Date(String(row.acknowledge_due_at)),
						category.acknowledgeUnit,
						reference.calendar,
						reference.settings.atRiskShare,
					),
				);
			row.sla_state = worstSlaState(...states);
		}
		if (options.sweepFields) {
			Object.assign(
				row,
				atRiskPatch(row, null, reference.categories, reference.calendar, reference.settings.atRiskShare),
			);
			row.escalation_level = escalationLevelOf(
				(row.sla_state as 'on_track' | 'at_risk' | 'breached' | undefined) ?? 'on_track',
			);
			// the director general was already warned of the legal ceilings near or past (as the sweep's adoption does)
			if (
				['new', 'acknowledged', 'assigned', 'in_progress', 'reopened', 'waiting_citizen'].includes(
					String(row.status),
				) &&
				new Date(String(row.legal_due_at)).getTime() <= options.now.getTime() + DEFAULT_LEGAL_WARNING_DAYS * dayMs
			)
				row.legal_warned_at = options.now.toISOString();
			// the next instant the sweep checks it, as a sweep at `now` leaves it (domain/sla/next-check.ts)
			Object.assign(row, nextCheckPatch(row, null));
			if (row.sla_next_check_at) {
				const instant = (field: string) => (row[field] ? new Date(String(row[field])) : null);
				const decision = slaDecision(options.now, {
					acknowledgedAt: instant('acknowledged_at'),
					acknowledgeAtRiskAt: instant('acknowledge_at_risk_at'),
					acknowledgeDueAt: instant('acknowledge_due_at'),
					resolveAtRiskAt: instant('resolve_at_risk_at'),
					resolveDueAt: instant('resolve_due_at'),
					legalDueAt: instant('legal_due_at'),
				});
				row.sla_next_check_at =
					decision.state === row.sla_state ? (decision.nextCheckAt?.toISOString() ?? null) : row.sla_next_check_at;
			}
		}
		// the citizen's contact details are stored apart (citizen_contacts), as the complaint hooks do
		const { rest, contact } = splitContact(row);
		complaints.push(rest);
		if (contact) contacts.push({ ...contact, complaint: id });
		for (const { event, at: eventAt } of history)
			events.push({ ...event, complaint: id, actor: null, actor_kind: 'system', date_created: eventAt.toISOString() });
	}

	// Date objects: each driver stores them as Directus does (epoch ms on SQLite, timestamptz on PostgreSQL)
	for (const row of [...complaints, ...events]) {
		for (const [key, value] of Object.entries(row))
			if ((key.endsWith('_at') || key === 'date_created') && typeof value === 'string') row[key] = new Date(value);
	}
	return { complaints, events, contacts, counters };
}

/** Writes generated complaints, their history and the reference counters in one transaction. */
export async function insertComplaints(knex: Knex, generated: GeneratedComplaints, batchSize = 200): Promise<number> {
	const { complaints, events, contacts, counters } = generated;
	await knex.transaction(async (trx) => {
		for (let start = 0; start < complaints.length; start += batchSize)
			await trx('complaints').insert(complaints.slice(start, start + batchSize));
		for (let start = 0; start < contacts.length; start += batchSize)
			await trx('citizen_contacts').insert(contacts.slice(start, start + batchSize));
		for (let start = 0; start < events.length; start += batchSize)
			await trx('complaint_events').insert(events.slice(start, start + batchSize));
		for (const [year, last] of counters) {
			await trx('reference_counters').insert({ year, last_value: 0 }).onConflict('year').ignore();
			await trx('reference_counters').where({ year }).update({ last_value: last });
		}
	});
	return complaints.length;
}

export async function generateComplaints(knex: Knex, options: GenerateOptions): Promise<number> {
	return insertComplaints(knex, await buildComplaints(knex, options), options.batchSize);
}
