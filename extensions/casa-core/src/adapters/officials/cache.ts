// The figures behind the officials' screens and the public page, kept a short
// while per month (`ttl`: FIGURES_CACHE_TTL_SECONDS, default 60; 0 turns it off): the
// aggregates scan thirteen months of complaints, and the same figures serve
// every official and every visitor. One computation at a time per month: a
// burst of requests waits for the one under way instead of each scanning.
import type { Knex } from 'knex';
import { FigureSet, type Reference } from '../../domain/officials/figures';
import { figureCells, figuresReference, openCells } from './queries';

export interface CachedFigures {
	set: FigureSet;
	reference: Reference;
	computedAt: Date;
	legalCeilingDays: number;
}

const entries = new Map<string, { at: number; value: Promise<CachedFigures> }>();

export function cachedFigures(knex: Knex, month: string, legalCeilingDays: number, ttl: number): Promise<CachedFigures> {
	const key = `${month}:${legalCeilingDays}`;
	const hit = entries.get(key);
	if (hit && Date.now() - hit.at < ttl * 1000) return hit.value;
	const now = new Date();
	const value = (async () => {
		const [cells, open, reference] = await Promise.all([figureCells(knex, { month, now, legalCeilingDays }), openCells(knex, now), figuresReference(knex)]);
		return { set: new FigureSet(month, cells, open), reference, computedAt: now, legalCeilingDays };
	})();
	entries.set(key, { at: Date.now(), value });
	value.catch(() => entries.delete(key));
	// a few months at most are asked for; keep the map small
	if (entries.size > 32) entries.delete(entries.keys().next().value as string);
	return value;
}
