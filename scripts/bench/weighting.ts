// Pure pieces of the complaint generator (demo data and benchmarks): a seeded
// random source and the weights that make generated data look like
// Casablanca's. No database, no Directus: unit-tested beside.
import type { Channel } from '../../extensions/casa-core/src/domain/complaint/vocabulary';

/** A small seeded generator (mulberry32) so a demo is the same on every machine. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** One value drawn with probability proportional to its weight (weights ≤ 0 are never drawn). */
export function weighted<T>(next: () => number, entries: readonly (readonly [T, number])[]): T {
	const usable = entries.filter(([, weight]) => weight > 0);
	if (usable.length === 0) throw new Error('weighted: no entry with a positive weight');
	const total = usable.reduce((sum, [, weight]) => sum + weight, 0);
	let pick = next() * total;
	for (const [value, weight] of usable) {
		pick -= weight;
		if (pick < 0) return value;
	}
	return usable[usable.length - 1][0];
}

/**
 * Share of complaints per service: cleanliness and roads dominate the city's
 * registers (seed/categories.csv groups categories by these services).
 */
export const SERVICE_WEIGHTS: Readonly<Record<string, number>> = {
	PROP: 35,
	VOI: 15,
	ECL: 12,
	HYG: 10,
	ODP: 10,
	URB: 6,
	ESV: 5,
	SIG: 4,
	ADM: 3,
};

/** Share of complaints per channel (a channel of domain/complaint/vocabulary.ts each). */
export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
	['web', 40],
	['mobile', 25],
	['phone', 15],
	['counter', 8],
	['courrier', 5],
	['email', 5],
	['open311', 2],
];

/** Arrondissements weighted by population (seed/arrondissements.geojson, 2024 census). */
export function arrondissementWeights<T extends { population: number | null }>(areas: readonly T[]): [T, number][] {
	return areas.map((area) => [area, Math.max(1, Number(area.population ?? 1))]);
}

/**
 * Age in days of a complaint received within the last `days`: more recent ones
 * are more frequent (volumes grow, and a year of history thins out).
 */
export function ageInDays(next: () => number, days: number): number {
	return Math.pow(next(), 1.3) * days;
}

export interface LifecycleStep {
	status?: string;
	team?: boolean;
	assignee?: boolean;
	publicReply?: boolean;
	rejection?: boolean;
}

/** How far complaints have gone through the workflow, and how often. */
export const LIFECYCLES: readonly (readonly [LifecycleStep[], number])[] = [
	[[], 10],
	[[{ status: 'acknowledged' }], 8],
	[[{ status: 'assigned', team: true }], 12],
	[[{ status: 'assigned', team: true }, { assignee: true }, { status: 'in_progress' }], 15],
	[
		[{ status: 'assigned', team: true }, { assignee: true }, { status: 'in_progress' }, { status: 'waiting_citizen' }],
		4,
	],
	[
		[
			{ status: 'assigned', team: true },
			{ assignee: true },
			{ status: 'in_progress' },
			{ status: 'resolved', publicReply: true },
		],
		25,
	],
	[
		[
			{ status: 'assigned', team: true },
			{ assignee: true },
			{ status: 'in_progress' },
			{ status: 'resolved', publicReply: true },
			{ status: 'closed' },
		],
		20,
	],
	[[{ status: 'rejected', rejection: true }], 6],
];
