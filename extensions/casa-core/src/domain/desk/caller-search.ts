// Earlier complaints of a caller, found by phone number or name, ranked so the
// one the caller is most likely phoning about comes first.
import { OPEN_STATUSES } from '../workflow/transitions';
import { fold } from './text-search';
import { phoneQuery } from './phone';

export type CallerQuery = { kind: 'phone'; phone: string } | { kind: 'name'; words: string[] } | { kind: 'invalid' };

/** A phone number (normalised) or at least one word of 2+ letters. */
export function readCallerQuery(raw: unknown): CallerQuery {
	const text = typeof raw === 'string' ? raw.trim().slice(0, 120) : '';
	const phone = phoneQuery(text);
	if (phone) return { kind: 'phone', phone };
	if (/^[+\d\s.\-()/]+$/.test(text)) return { kind: 'invalid' };
	const words = text.split(/\s+/).filter((word) => word.length >= 2);
	return words.length > 0 ? { kind: 'name', words } : { kind: 'invalid' };
}

export interface CallerMatch {
	id: string;
	reference: string;
	status: string;
	citizen_name: string | null;
	citizen_phone: string | null;
	received_at: string | null;
}

/** Rank: exact phone, then all name words, then open before closed, then newest. */
export function rankCallerMatches<T extends CallerMatch>(rows: T[], query: CallerQuery): T[] {
	const score = (row: T) => {
		let value = 0;
		if (query.kind === 'phone' && row.citizen_phone === query.phone) value += 100;
		if (query.kind === 'name') {
			const name = fold(row.citizen_name ?? '');
			const words = query.words.map(fold);
			if (words.every((word) => name.split(' ').some((part) => part.startsWith(word)))) value += 60;
			else if (words.every((word) => name.includes(word))) value += 40;
			else value += 10;
		}
		if ((OPEN_STATUSES as readonly string[]).includes(row.status)) value += 20;
		return value;
	};
	const time = (row: T) => (row.received_at ? Date.parse(row.received_at) : 0);
	return [...rows].sort((a, b) => score(b) - score(a) || time(b) - time(a));
}
