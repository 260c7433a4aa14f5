import { describe, expect, it } from 'vitest';
import { toInstant, toIsoTimestamp } from './instant';

describe('toInstant', () => {
	it('reads what each database and the plans give', () => {
		const instant = new Date('2026-06-08T09:00:00.000Z');
		expect(toInstant(instant.getTime())).toEqual(instant);
		expect(toInstant(String(instant.getTime()))).toEqual(instant);
		expect(toInstant('2026-06-08T09:00:00.000Z')).toEqual(instant);
		expect(toInstant(instant)).toBe(instant);
		expect(toInstant(null)).toBeNull();
		expect(toInstant('')).toBeNull();
		expect(toInstant('hier')).toBeNull();
	});
});

describe('toIsoTimestamp', () => {
	it('gives ISO text or null', () => {
		expect(toIsoTimestamp(1780909200000)).toBe('2026-06-08T09:00:00.000Z');
		expect(toIsoTimestamp(undefined)).toBeNull();
	});
});
