// Moroccan phone numbers as agents type them on the phone ("06 12-34-56-78",
// "+212 6…", "00212…", "6 12 34 56 78") in the one form complaints store.
import { normalisePhone } from '../intake/public-intake';

/** +2126XXXXXXXX, or null if it is not a Moroccan fixed or mobile number. */
export function normaliseMoroccanPhone(raw: string): string | null {
	const compact = raw.replace(/[\s.\-()/]/g, '');
	// a caller often gives the nine digits without the leading 0
	if (/^[5-7]\d{8}$/.test(compact)) return `+212${compact}`;
	return normalisePhone(compact);
}

/** A search query that is a phone number (whatever its spacing), normalised; otherwise null. */
export function phoneQuery(query: string): string | null {
	const trimmed = query.trim();
	if (!/^[+\d][\d\s.\-()/]{7,}$/.test(trimmed)) return null;
	return normaliseMoroccanPhone(trimmed);
}

/** "+212612345678" → "06 12 34 56 78": how agents read a number back to the caller. */
export function displayPhone(canonical: string): string {
	const match = /^\+212(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(canonical);
	return match ? `0${match[1]} ${match.slice(2).join(' ')}` : canonical;
}
