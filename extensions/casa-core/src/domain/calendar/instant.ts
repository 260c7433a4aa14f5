// Timestamps as the database drivers return them: a Date on PostgreSQL, epoch
// milliseconds on SQLite (a number, or digits as text), or ISO text.
export function toInstant(value: unknown): Date | null {
	if (value === null || value === undefined || value === '') return null;
	let date: Date;
	if (value instanceof Date) date = value;
	else if (typeof value === 'number') date = new Date(value);
	else if (typeof value === 'string' && /^\d+$/.test(value)) date = new Date(Number(value));
	else if (typeof value === 'string') date = new Date(value);
	else return null;
	return Number.isNaN(date.getTime()) ? null : date;
}

/** The same as ISO 8601 text, or null. */
export function toIsoTimestamp(value: unknown): string | null {
	return toInstant(value)?.toISOString() ?? null;
}
