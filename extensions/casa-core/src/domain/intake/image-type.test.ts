import { describe, expect, it } from 'vitest';
import { distanceMetres, sniffImageType } from './image-type';

const bytes = (...values: (number | string)[]) =>
	Uint8Array.from(
		values.flatMap((value) => (typeof value === 'string' ? [...value].map((char) => char.charCodeAt(0)) : [value])),
	);

describe('sniffImageType', () => {
	it.each([
		['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
		['png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0)],
		['webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 ')],
		['heic', bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0)],
		['heic', bytes(0, 0, 0, 0x18, 'ftypmif1', 0, 0, 0, 0)],
		['avif', bytes(0, 0, 0, 0x18, 'ftypavif', 0, 0, 0, 0)],
	] as const)('recognises %s from its bytes', (type, data) => {
		expect(sniffImageType(data)).toBe(type);
	});

	it('refuses what only claims to be an image', () => {
		expect(sniffImageType(bytes('%PDF-1.7'))).toBeNull();
		expect(sniffImageType(bytes('<svg xmlns'))).toBeNull();
		expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
		expect(sniffImageType(new Uint8Array())).toBeNull();
	});
});

describe('distanceMetres', () => {
	it('measures Casablanca distances', () => {
		// two points 0.0214° apart on nearly the same meridian: 0.0214 × 111.2 km ≈ 2.38 km
		expect(Math.round(distanceMetres(33.6083, -7.6325, 33.5869, -7.6324) / 10) * 10).toBe(2380);
		expect(distanceMetres(33.5, -7.6, 33.5, -7.6)).toBe(0);
	});
});
