// Every deadline is computed on Casablanca's clock as the runtime's tz database
// gives it (Intl, through @date-fns/tz). Morocco changed that clock by decree:
// UTC+1 with UTC+0 during Ramadan, then UTC+0 for good from 2026-09-20, which
// only tzdata 2026b and later know (Node 22 ships it; Node 20 ships 2025c). A
// runtime with older data puts every deadline after that date an hour off, so
// the platform checks these facts when it starts and says which data it needs.
import { CASABLANCA_TIME_ZONE } from './working-calendar';

export interface OffsetFact {
	/** an instant (ISO, UTC) */
	at: string;
	/** Casablanca's offset from UTC then, in minutes */
	offsetMinutes: number;
	why: string;
}

export const CASABLANCA_OFFSET_FACTS: readonly OffsetFact[] = [
	{ at: '2026-01-15T12:00:00Z', offsetMinutes: 60, why: 'UTC+1 outside Ramadan' },
	{ at: '2026-03-01T12:00:00Z', offsetMinutes: 0, why: 'UTC+0 during Ramadan 2026' },
	{ at: '2026-06-01T12:00:00Z', offsetMinutes: 60, why: 'UTC+1 after Ramadan 2026' },
	{ at: '2026-10-01T12:00:00Z', offsetMinutes: 0, why: 'UTC+0 for good from 2026-09-20 (tzdata 2026b or later)' },
];

/** Casablanca's offset in minutes at an instant, from the runtime's own tz data. */
export function runtimeOffsetMinutes(date: Date, timeZone = CASABLANCA_TIME_ZONE): number {
	const name =
		new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
			.formatToParts(date)
			.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	if (!match) return 0;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The facts the given clock gets wrong (none with current tz data). */
export function wrongOffsetFacts(offsetAt: (date: Date) => number = runtimeOffsetMinutes): OffsetFact[] {
	return CASABLANCA_OFFSET_FACTS.filter((fact) => offsetAt(new Date(fact.at)) !== fact.offsetMinutes);
}
