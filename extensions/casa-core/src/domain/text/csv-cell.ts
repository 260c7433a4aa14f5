// CSV cells that a spreadsheet would run as a formula (CSV injection, CWE-1236):
// a text starting with =, +, -, @, a tab or a carriage return is prefixed with
// an apostrophe, which spreadsheets show as text and do not display. Numbers
// stay numbers (a negative amount is not a formula), and so do texts that are
// a plain decimal number ("-7.6787"). Every CSV the platform produces passes its
// cells through here: the monthly reports and Directus's own exports.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/i;

export function neutraliseCsvCell<T>(value: T): T | string {
	if (typeof value !== 'string') return value;
	if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
	return `'${value}`;
}

/** Every string of a record (or a row of cells), at every level, neutralised. */
export function neutraliseCsvRecord<T>(record: T): T {
	if (typeof record === 'string') return neutraliseCsvCell(record) as T;
	if (Array.isArray(record)) return record.map((item) => neutraliseCsvRecord(item)) as T;
	if (record && typeof record === 'object' && !(record instanceof Date)) {
		return Object.fromEntries(
			Object.entries(record as Record<string, unknown>).map(([key, value]) => [key, neutraliseCsvRecord(value)]),
		) as T;
	}
	return record;
}
