// Open complaints near a point that may be the same problem (portal, desk):
// candidates of the same service within the radius and period of the platform
// settings, ranked by meaning and place (domain/suggestion/duplicates.ts).
import type { Knex } from 'knex';
import { toInstant } from '../../domain/calendar/instant';
import { distanceMetres } from '../../domain/intake/image-type';
import { type RankedDuplicate, rankDuplicates } from '../../domain/suggestion/duplicates';
import { OPEN_STATUSES } from '../../domain/workflow/transitions';

export interface NearbyRow {
	id: string;
	reference: string;
	status: string;
	category: string | null;
	description: string | null;
	latitude: number;
	longitude: number;
	received_at: unknown;
	supporters_count: number | null;
	name_fr: string | null;
	name_ar: string | null;
	distanceM: number;
	receivedAt: Date;
}

export interface NearbyQuery {
	lat: number;
	lng: number;
	category: string;
	text: string;
	radiusM: number;
	periodDays: number;
	now?: Date;
	/** narrows the candidates (a staff member's scope) */
	scope?: (builder: Knex.QueryBuilder) => void;
}

export async function rankedNearby(knex: Knex, query: NearbyQuery, limit = 10): Promise<RankedDuplicate<NearbyRow>[]> {
	const now = query.now ?? new Date();
	const degreesLat = query.radiusM / 111_000;
	const degreesLng = query.radiusM / (111_000 * Math.cos((query.lat * Math.PI) / 180));
	const service = knex('categories').select('service').where('code', query.category);
	const rows = (await knex('complaints')
		.leftJoin('categories', 'categories.code', 'complaints.category')
		.select(
			'complaints.id',
			'complaints.reference',
			'complaints.status',
			'complaints.category',
			'complaints.description',
			'complaints.latitude',
			'complaints.longitude',
			'complaints.received_at',
			'complaints.supporters_count',
			'categories.name_fr',
			'categories.name_ar',
		)
		.where((where) => where.where('complaints.category', query.category).orWhereIn('complaints.service', service))
		.whereIn('complaints.status', OPEN_STATUSES as string[])
		.whereBetween('complaints.latitude', [query.lat - degreesLat, query.lat + degreesLat])
		.whereBetween('complaints.longitude', [query.lng - degreesLng, query.lng + degreesLng])
		.andWhere('complaints.received_at', '>=', new Date(now.getTime() - query.periodDays * 86_400_000))
		.modify((builder) => query.scope?.(builder))
		.orderBy('complaints.received_at', 'desc')
		.limit(200)) as Omit<NearbyRow, 'distanceM' | 'receivedAt'>[];
	const candidates: NearbyRow[] = rows.map((row) => ({
		...row,
		distanceM: distanceMetres(query.lat, query.lng, Number(row.latitude), Number(row.longitude)),
		receivedAt: toInstant(row.received_at) ?? new Date(0),
	}));
	return rankDuplicates(
		{ text: query.text, category: query.category, now, radiusM: query.radiusM, periodDays: query.periodDays },
		candidates,
		limit,
	);
}
