import { describe, expect, it } from 'vitest';
import { formatReference, parseReference, referenceYear } from './complaint-reference';

describe('formatReference', () => {
	it('pads the sequence to 6 digits', () => {
		expect(formatReference(2026, 123)).toBe('CAS-2026-000123');
		expect(formatReference(2026, 1)).toBe('CAS-2026-000001');
		expect(formatReference(2026, 999_999)).toBe('CAS-2026-999999');
	});

	it('grows beyond 999999 without truncating', () => {
		expect(formatReference(2026, 1_000_000)).toBe('CAS-2026-1000000');
		expect(formatReference(2027, 12_345_678)).toBe('CAS-2027-12345678');
	});

	it('uses a custom prefix, upper-cased', () => {
		expect(formatReference(2026, 42, 'tst')).toBe('TST-2026-000042');
	});

	it('rejects invalid parts', () => {
		expect(() => formatReference(2026, 0)).toThrow(RangeError);
		expect(() => formatReference(2026, -1)).toThrow(RangeError);
		expect(() => formatReference(2026, 1.5)).toThrow(RangeError);
		expect(() => formatReference(26, 1)).toThrow(RangeError);
		expect(() => formatReference(2026, 1, 'C-1')).toThrow(RangeError);
		expect(() => formatReference(2026, 1, '')).toThrow(RangeError);
	});
});

describe('parseReference', () => {
	it('parses a canonical reference', () => {
		expect(parseReference('CAS-2026-000123')).toEqual({ prefix: 'CAS', year: 2026, sequence: 123 });
	});

	it('is case-insensitive and tolerant of spaces', () => {
		const expected = { prefix: 'CAS', year: 2026, sequence: 123 };
		expect(parseReference('cas-2026-000123')).toEqual(expected);
		expect(parseReference('  Cas - 2026 - 000123 ')).toEqual(expected);
		expect(parseReference('CAS 2026 000123')).toEqual(expected);
		expect(parseReference('CAS2026000123')).toEqual(expected);
		expect(parseReference('CAS\u20132026\u2013000123')).toEqual(expected);
	});

	it('parses sequences beyond 6 digits', () => {
		expect(parseReference('CAS-2026-1000000')).toEqual({ prefix: 'CAS', year: 2026, sequence: 1_000_000 });
	});

	it('round-trips with formatReference', () => {
		for (const sequence of [1, 123, 999_999, 1_000_000, 98_765_432]) {
			const parsed = parseReference(formatReference(2027, sequence));
			expect(parsed).toEqual({ prefix: 'CAS', year: 2027, sequence });
		}
	});

	it.each([
		'',
		'   ',
		'CAS-2026-123',
		'CAS-2026-00123',
		'CAS-2026-000000',
		'CAS-2026-0001234',
		'CAS-26-000123',
		'CAS-0999-000123',
		'CAS-2026-000123-1',
		'CAS--2026-000123',
		'C4S-2026-000123',
		'2026-000123',
		'CAS-2026-000 123',
		'CAS-2026-00012a',
		'CAS-2026-99999999999999999999',
	])('rejects %j', (text) => {
		expect(parseReference(text)).toBeNull();
	});

	it('rejects non-strings', () => {
		expect(parseReference(undefined as unknown as string)).toBeNull();
		expect(parseReference(123 as unknown as string)).toBeNull();
	});
});

describe('referenceYear', () => {
	// Only past instants: future Moroccan offsets come from the runtime's tz database
	// and change by decree.
	it('uses Casablanca local time at new year (UTC+1)', () => {
		expect(referenceYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
		expect(referenceYear(new Date('2025-12-31T22:59:59Z'))).toBe(2025);
	});

	it('accepts another time zone', () => {
		expect(referenceYear(new Date('2025-12-31T23:30:00Z'), 'UTC')).toBe(2025);
		expect(referenceYear(new Date('2026-01-01T00:30:00Z'), 'America/New_York')).toBe(2025);
	});

	it('rejects an invalid date', () => {
		expect(() => referenceYear(new Date('nope'))).toThrow(RangeError);
	});
});
