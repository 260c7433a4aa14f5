// Reference data from seed/: services, categories, arrondissements, calendar,
// default teams and routing. A seed row is created once: what is missing and was
// never created before (platform_settings.seeded_reference keeps the keys), so
// whatever an administrator changed in the admin app survives every restart,
// and a row they deleted or re-keyed (a holiday moved to its observed date)
// does not come back at the next start.
import { createItems, readItems, readSingleton, updateSingleton } from '@directus/sdk';
import {
	loadArrondissements,
	loadCategories,
	loadHolidays,
	loadPrefectures,
	loadRamadanSchedules,
	loadServices,
} from '../../seed/reference-data';
import type { AdminClient } from './client';

type Row = Record<string, unknown>;

/** The keys of the seed rows created so far, per collection (platform_settings.seeded_reference). */
export type SeededKeys = Record<string, string[]>;

/**
 * Creates the rows whose key is neither in the table nor in `seeded` (created
 * once already, then deleted or re-keyed by an administrator); returns how many
 * were created and records every row's key in `seeded`.
 */
export async function createMissing(
	client: AdminClient,
	collection: string,
	key: string,
	rows: Row[],
	seeded: SeededKeys = {},
): Promise<number> {
	if (rows.length === 0) return 0;
	const existing = (await client.request(readItems(collection, { fields: [key], limit: -1 }))) as Row[];
	const present = new Set(existing.map((row) => String(row[key])));
	const before = new Set(seeded[collection] ?? []);
	const missing = rows.filter((row) => !present.has(String(row[key])) && !before.has(String(row[key])));
	for (let start = 0; start < missing.length; start += 100)
		await client.request(createItems(collection, missing.slice(start, start + 100)));
	seeded[collection] = [...new Set([...before, ...rows.map((row) => String(row[key]))])].sort();
	return missing.length;
}

/** One city-wide team per service: the default destination of its routing rule. */
export function defaultTeamId(service: string): string {
	const hex = Buffer.from(service.padEnd(6, '0').slice(0, 6)).toString('hex');
	return `5e7a0000-0000-4000-8000-${hex}`;
}

export async function seedReferenceData(client: AdminClient, log: (message: string) => void): Promise<void> {
	const services = loadServices();
	const count = (label: string, created: number) => created > 0 && log(`${label}: ${created} created`);
	const settings = (await client.request(
		readSingleton('platform_settings', { fields: ['id', 'seeded_reference'] }),
	)) as Row | null;
	const seeded: SeededKeys = { ...((settings?.seeded_reference as SeededKeys | null) ?? {}) };
	count(
		'services',
		await createMissing(
			client,
			'services',
			'code',
			services.map((service, index) => ({ ...service, active: true, sort: index + 1 })),
			seeded,
		),
	);
	count(
		'categories',
		await createMissing(
			client,
			'categories',
			'code',
			loadCategories().map((category, index) => ({
				code: category.code,
				service: category.service,
				name_fr: category.name_fr,
				name_ar: category.name_ar,
				priority: category.priority,
				acknowledge_in: category.acknowledge_in,
				acknowledge_unit: category.acknowledge_unit,
				resolve_in: category.resolve_in,
				resolve_unit: category.resolve_unit,
				sla_basis: category.sla_basis,
				active: true,
				sort: index + 1,
			})),
			seeded,
		),
	);
	count(
		'prefectures',
		await createMissing(
			client,
			'prefectures',
			'code',
			loadPrefectures().map((prefecture) => ({ ...prefecture })),
			seeded,
		),
	);
	count(
		'arrondissements',
		await createMissing(
			client,
			'arrondissements',
			'code',
			loadArrondissements().map((arrondissement) => ({
				code: arrondissement.code,
				name_fr: arrondissement.name_fr,
				name_ar: arrondissement.name_ar,
				prefecture: arrondissement.prefecture,
				population: arrondissement.population_2024,
				area_km2: arrondissement.area_km2,
				centroid_lat: arrondissement.centroid.lat,
				centroid_lng: arrondissement.centroid.lng,
				boundary: arrondissement.boundary,
			})),
			seeded,
		),
	);
	count(
		'holidays',
		await createMissing(
			client,
			'holidays',
			'date',
			loadHolidays().map((holiday) => ({
				date: holiday.date,
				name_fr: holiday.name_fr,
				name_ar: holiday.name_ar,
				kind: holiday.kind,
				status: holiday.status,
				source: holiday.source,
			})),
			seeded,
		),
	);
	const schedules = [
		{
			name_fr: 'Horaire normal',
			name_ar: 'التوقيت العادي',
			valid_from: null,
			valid_to: null,
			weekdays: ['1', '2', '3', '4', '5'],
			start_time: '08:30:00',
			end_time: '16:30:00',
			status: 'official',
		},
		...loadRamadanSchedules().map((schedule) => ({
			name_fr: schedule.name_fr,
			name_ar: schedule.name_ar,
			valid_from: schedule.valid_from,
			valid_to: schedule.valid_to,
			weekdays: ['1', '2', '3', '4', '5'],
			start_time: `${schedule.start_time}:00`,
			end_time: `${schedule.end_time}:00`,
			status: schedule.status,
		})),
	];
	count('work schedules', await createMissing(client, 'work_schedules', 'name_fr', schedules, seeded));
	count(
		'teams',
		await createMissing(
			client,
			'teams',
			'id',
			services.map((service) => ({
				id: defaultTeamId(service.code),
				name_fr: `${service.name_fr} — équipe centrale`,
				name_ar: `${service.name_ar} — الفريق المركزي`,
				service: service.code,
				active: true,
			})),
			seeded,
		),
	);
	const rules = (await client.request(
		readItems('routing_rules', { fields: ['service', 'category', 'arrondissement'], limit: -1 }),
	)) as Row[];
	const generic = new Set(rules.filter((rule) => !rule.category && !rule.arrondissement).map((rule) => rule.service));
	const rulesSeeded = new Set(seeded.routing_rules ?? []);
	const missingRules = services
		.filter((service) => !generic.has(service.code) && !rulesSeeded.has(service.code))
		.map((service) => ({
			service: service.code,
			team: defaultTeamId(service.code),
			active: true,
			note: 'Règle par défaut du service',
		}));
	if (missingRules.length > 0) {
		await client.request(createItems('routing_rules', missingRules));
		log(`routing rules: ${missingRules.length} created`);
	}
	seeded.routing_rules = [...new Set([...rulesSeeded, ...services.map((service) => service.code)])].sort();
	const defaults =
		!settings || settings.id == null
			? { legal_ceiling_days: 60, reopen_period_days: 30, at_risk_share: 0.75, auto_assign: false }
			: {};
	if (
		Object.keys(defaults).length > 0 ||
		JSON.stringify(seeded) !== JSON.stringify(settings?.seeded_reference ?? null)
	) {
		await client.request(updateSingleton('platform_settings', { ...defaults, seeded_reference: seeded }));
	}
}
