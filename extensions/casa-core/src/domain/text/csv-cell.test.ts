import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell, neutraliseCsvRecord } from './csv-cell';

describe('neutraliseCsvCell', () => {
	it('prefixes texts a spreadsheet would run as a formula', () => {
		for (const value of ['=HYPERLINK("http://x","clic")', '+33 1 23', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1+1'])
			expect(neutraliseCsvCell(value)).toBe(`'${value}`);
	});
	it('leaves other texts, numbers and plain decimal numbers alone', () => {
		for (const value of ['Bac plein', 'حاوية ممتلئة', '', 'a=b', '-7.6787', '+212', '12,5', '1e5'])
			expect(neutraliseCsvCell(value)).toBe(value);
		expect(neutraliseCsvCell(-3)).toBe(-3);
		expect(neutraliseCsvCell(null)).toBeNull();
	});
	it('walks records and rows', () => {
		expect(neutraliseCsvRecord([{ description: '=cmd', n: -1, nested: { name: '@x' } }, ['-x', 2]])).toEqual([
			{ description: "'=cmd", n: -1, nested: { name: "'@x" } },
			["'-x", 2],
		]);
	});
});
