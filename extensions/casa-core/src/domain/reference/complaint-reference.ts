/** Public complaint reference, e.g. CAS-2026-000123. */
export interface ComplaintReference {
	prefix: string;
	year: number;
	sequence: number;
}

const PREFIX = /^[A-Z]{2,8}$/;
const SEQUENCE_DIGITS = 6;

function assertParts(prefix: string, year: number, sequence: number): void {
	if (!PREFIX.test(prefix)) throw new RangeError(`Invalid reference prefix: ${prefix}`);
	if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid reference year: ${year}`);
	if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Invalid reference sequence: ${sequence}`);
}

/** `CAS-2026-000123`; the sequence is padded to 6 digits and never truncated. */
export function formatReference(year: number, sequence: number, prefix = 'CAS'): string {
	const upper = prefix.toUpperCase();
	assertParts(upper, year, sequence);
	return `${upper}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

// Citizens retype references from SMS or paper: accept any case, spaces, and
// the dashes phone keyboards substitute for '-'. Separators may be omitted
// because the year is always four digits.
const REFERENCE = /^([a-z]{2,8})\s*[-\u2010-\u2015\u2212]?\s*(\d{4})\s*[-\u2010-\u2015\u2212]?\s*(\d{6,})$/i;

/** Parses a reference typed by a person; null when it is not one we could have issued. */
export function parseReference(text: string): ComplaintReference | null {
	if (typeof text !== 'string') return null;
	const match = REFERENCE.exec(text.trim());
	if (!match) return null;
	const [, rawPrefix, rawYear, rawSequence] = match;
	// Beyond 6 digits formatReference never pads, so a leading zero is malformed.
	if (rawSequence.length > SEQUENCE_DIGITS && rawSequence.startsWith('0')) return null;
	const prefix = rawPrefix.toUpperCase();
	const year = Number(rawYear);
	const sequence = Number(rawSequence);
	try {
		assertParts(prefix, year, sequence);
	} catch {
		return null;
	}
	return { prefix, year, sequence };
}

const yearFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Calendar year of an instant in the given time zone (Casablanca by default):
 * 2025-12-31T23:30Z is already 2026 in Casablanca at UTC+1.
 */
export function referenceYear(instant: Date, timeZone = 'Africa/Casablanca'): number {
	if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
		throw new RangeError('referenceYear: invalid date');
	let formatter = yearFormatters.get(timeZone);
	if (!formatter) {
		// Gregorian calendar and Latin digits whatever the runtime's default locale.
		formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone, year: 'numeric' });
		yearFormatters.set(timeZone, formatter);
	}
	const year = formatter.formatToParts(instant).find((part) => part.type === 'year');
	return Number(year?.value);
}
